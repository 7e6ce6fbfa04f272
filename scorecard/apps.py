from django.apps import AppConfig


class ScorecardConfig(AppConfig):
    """The project itself: base templates, home page and the `scorecard` commands."""

    name = "scorecard"
    label = "scorecard"
    verbose_name = "Scorecard"
