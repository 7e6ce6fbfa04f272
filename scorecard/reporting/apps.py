from django.apps import AppConfig


class ReportingConfig(AppConfig):
    name = "scorecard.reporting"
    label = "reporting"
    verbose_name = "Reporting"
