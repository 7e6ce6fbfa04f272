from django.apps import AppConfig


class RisksConfig(AppConfig):
    name = "scorecard.risks"
    label = "risks"
    verbose_name = "Risk register"
