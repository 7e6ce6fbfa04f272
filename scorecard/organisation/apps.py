from django.apps import AppConfig


class OrganisationConfig(AppConfig):
    name = "scorecard.organisation"
    label = "organisation"
    verbose_name = "Organisation"

    def ready(self) -> None:
        from simple_history.signals import pre_create_historical_record

        from .clock import stamp_history_row

        pre_create_historical_record.connect(stamp_history_row, dispatch_uid="organisation-clock")
