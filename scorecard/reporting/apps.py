from django.apps import AppConfig


class ReportingConfig(AppConfig):
    name = "scorecard.reporting"
    label = "reporting"
    verbose_name = "Reporting"

    def ready(self) -> None:
        # Reporting reads both performance and risks: it adds each side's links to the other's page.
        from scorecard import panels

        from .links import indicator_panel, risk_panel

        panels.register("indicator", indicator_panel)
        panels.register("risk", risk_panel)
