from django.apps import AppConfig


class ActionsConfig(AppConfig):
    name = "scorecard.actions"
    label = "actions"
    verbose_name = "Actions and audit recommendations"

    def ready(self) -> None:
        from django.urls import reverse

        from . import subjects
        from .access import audit_access

        subjects.register(
            subjects.Subject(
                "audit", "Audit", audit_access,
                url=lambda audit: reverse("audits:audit", args=[audit.pk]),
                name=str,
                finished={"audit__is_archived": True},
            )
        )  # fmt: skip
