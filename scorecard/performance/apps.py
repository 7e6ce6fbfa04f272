from django.apps import AppConfig


class PerformanceConfig(AppConfig):
    name = "scorecard.performance"
    label = "performance"
    verbose_name = "Performance scorecard"

    def ready(self) -> None:
        from django.urls import reverse

        from scorecard.actions import subjects
        from scorecard.organisation import quarters

        from .access import indicator_access
        from .selectors import reporting_period_states

        quarters.register(reporting_period_states)
        subjects.register(
            subjects.Subject(
                "indicator", "Indicator", indicator_access,
                url=lambda indicator: reverse("performance:indicator", args=[indicator.pk]),
                name=lambda indicator: f"{indicator.code} {indicator.title}",
                finished={"indicator__is_retired": True},
            )
        )  # fmt: skip
