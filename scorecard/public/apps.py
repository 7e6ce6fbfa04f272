from django.apps import AppConfig


class PublicConfig(AppConfig):
    name = "scorecard.public"
    label = "public"
    verbose_name = "Public performance site"
