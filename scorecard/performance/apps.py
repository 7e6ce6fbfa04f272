from django.apps import AppConfig


class PerformanceConfig(AppConfig):
    name = "scorecard.performance"
    label = "performance"
    verbose_name = "Performance scorecard"

    def ready(self) -> None:
        from scorecard.organisation import quarters

        from .selectors import reporting_period_states

        quarters.register(reporting_period_states)
