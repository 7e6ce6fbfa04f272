from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "scorecard.api"
    label = "api"
    verbose_name = "REST API"
