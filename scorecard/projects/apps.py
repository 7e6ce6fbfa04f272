from django.apps import AppConfig


class ProjectsConfig(AppConfig):
    name = "scorecard.projects"
    label = "projects"
    verbose_name = "Programmes and projects"

    def ready(self) -> None:
        from django.urls import reverse

        from scorecard import panels
        from scorecard.actions import subjects

        from .access import project_access
        from .selectors import indicator_panel

        panels.register("indicator", indicator_panel)
        subjects.register(
            subjects.Subject(
                "project", "Project", project_access,
                url=lambda project: reverse("projects:project", args=[project.pk]),
                name=lambda project: project.name,
                finished={"project__is_archived": True},
            )
        )  # fmt: skip
