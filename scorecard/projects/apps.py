from django.apps import AppConfig


class ProjectsConfig(AppConfig):
    name = "scorecard.projects"
    label = "projects"
    verbose_name = "Programmes and projects"

    def ready(self) -> None:
        from scorecard import panels

        from .selectors import indicator_panel

        panels.register("indicator", indicator_panel)
