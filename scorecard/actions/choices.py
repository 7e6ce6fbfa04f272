from django.db import models


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    COMPLETED = "completed", "Completed"
    CANCELLED = "cancelled", "Cancelled"
    # An audit recommendation is implemented by its owner, then verified by someone else.
    IMPLEMENTED = "implemented", "Implemented"
    VERIFIED = "verified", "Verified"


# Work that still needs doing: only this can be overdue (core/actions_due.py says the same).
ACTION_STATUSES_OPEN = [ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS]
# An action (not a recommendation) ends completed or cancelled; a recommendation ends verified.
ACTION_ONLY_STATUSES = {ActionStatus.COMPLETED}
RECOMMENDATION_ONLY_STATUSES = {ActionStatus.IMPLEMENTED, ActionStatus.VERIFIED}


class Priority(models.TextChoices):
    """An audit recommendation's priority, as internal audit grades it."""

    HIGH = "high", "High"
    MEDIUM = "medium", "Medium"
    LOW = "low", "Low"


class AuditOpinion(models.TextChoices):
    """The assurance opinion of an internal audit report (CIPFA's four levels)."""

    NOT_GIVEN = "", "Not given yet"
    SUBSTANTIAL = "substantial", "Substantial"
    REASONABLE = "reasonable", "Reasonable"
    LIMITED = "limited", "Limited"
    NO_ASSURANCE = "none", "No assurance"


class ExtensionDecision(models.TextChoices):
    PENDING = "pending", "Waiting for a decision"
    APPROVED = "approved", "Approved"
    REFUSED = "refused", "Refused"


def status_choices(*, recommendation: bool) -> list[tuple[str, str]]:
    """The statuses a form offers: an action's, or an audit recommendation's."""
    excluded = ACTION_ONLY_STATUSES if recommendation else RECOMMENDATION_ONLY_STATUSES
    return [(value, label) for value, label in ActionStatus.choices if value not in excluded]
