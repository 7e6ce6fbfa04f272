from django.apps import AppConfig


class InterchangeConfig(AppConfig):
    name = "scorecard.interchange"
    label = "interchange"
    verbose_name = "Import and export"
