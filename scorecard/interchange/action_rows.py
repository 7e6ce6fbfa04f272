"""Reads for the export of the indicator and project actions sheet (see action_sheets.py),
limited to the actions the person may see (actions/access.py), in one query."""

from collections.abc import Callable, Iterator

from django.db.models import Q, QuerySet

from scorecard.actions.access import action_access
from scorecard.organisation.access import Action as Do

SOURCES: dict[str, Callable[[object], QuerySet]] = {
    "subject_actions": lambda user: action_access(user, Do.VIEW).filter(
        Q(indicator__isnull=False) | Q(project__isnull=False)
    ),
}


def subject_actions(user) -> Iterator[dict]:
    queryset = SOURCES["subject_actions"](user).select_related("indicator", "project", "owner")
    for a in queryset.order_by("indicator__code", "project__name", "due_on", "pk"):
        subject = a.indicator.code if a.indicator_id else (a.project.reference or a.project.name)
        yield {
            "kind": a.subject_field,
            "subject": subject,
            "description": a.description,
            "owner": a.owner.username,
            "due_on": a.due_on,
            "status": a.status,
            "percent_complete": a.percent_complete,
            "progress": a.progress,
            "on_track": a.on_track,
            "evidence": a.evidence,
        }


ROWS = {"subject_actions": subject_actions}
