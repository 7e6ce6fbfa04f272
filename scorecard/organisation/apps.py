from django.apps import AppConfig


class OrganisationConfig(AppConfig):
    name = "scorecard.organisation"
    label = "organisation"
    verbose_name = "Organisation"
