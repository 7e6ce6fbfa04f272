from django.apps import AppConfig


class InterchangeConfig(AppConfig):
    name = "scorecard.interchange"
    label = "interchange"
    verbose_name = "Import and export"

    def ready(self) -> None:
        # The worker must know the tasks (and what to do with one left running) before it starts.
        from . import tasks  # noqa: F401
