from django.apps import AppConfig
from django.db.models.signals import post_migrate


def create_standard_categories(app_config, using="default", apps=None, **kwargs) -> None:
    """An empty category list gets the nine standard categories again, as the sites framework
    does its default site: after `migrate` on a database whose rows were flushed (`flush`,
    the tests' emptied databases). A list the council has started is never touched."""
    from .choices import StandardCategory

    try:
        model = (apps or app_config.apps).get_model("risks", "RiskCategory")
    except LookupError:  # migrated back before categories were data
        return
    if model.objects.using(using).exists():
        return
    model.objects.using(using).bulk_create(
        [model(code=code, name=str(name)) for code, name in StandardCategory.choices]
    )


class RisksConfig(AppConfig):
    name = "scorecard.risks"
    label = "risks"
    verbose_name = "Risk register"

    def ready(self) -> None:
        from django.urls import reverse

        from scorecard.actions import subjects

        from .access import risk_access

        post_migrate.connect(create_standard_categories, sender=self)
        subjects.register(
            subjects.Subject(
                "risk", "Risk", risk_access,
                url=lambda risk: reverse("risks:risk", args=[risk.pk]),
                name=lambda risk: f"{risk.reference} {risk.title}",
                finished={"risk__status": "closed"},
            )
        )  # fmt: skip
