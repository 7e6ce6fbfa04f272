from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ReportingConfig(AppConfig):
    name = "scorecard.reporting"
    label = "reporting"
    verbose_name = "Reporting"

    def ready(self) -> None:
        # Reporting reads both performance and risks: it adds each side's links to the other's page.
        from scorecard import panels

        from . import tasks  # noqa: F401 - known to the worker before it starts
        from .line_triggers import installed
        from .links import indicator_panel, risk_panel

        panels.register("indicator", indicator_panel)
        panels.register("risk", risk_panel)
        # The kept lines learn of every write from triggers, set up again after each migrate.
        post_migrate.connect(installed, sender=self, dispatch_uid="reporting_line_triggers")
