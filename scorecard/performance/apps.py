from django.apps import AppConfig


class PerformanceConfig(AppConfig):
    name = "scorecard.performance"
    label = "performance"
    verbose_name = "Performance scorecard"
