"""Reads of the audit pages: the audit plan by year and an audit with its recommendations, each
in a fixed number of queries. "Overdue" is core/actions_due.py's, with the council clock's
today."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import QuerySet

from scorecard.core.actions_due import days_overdue, may_verify
from scorecard.organisation.access import Action as Do

from .access import action_access, audit_access
from .choices import ActionStatus
from .models import Action, Audit

# The statuses the plan counts, in the order a recommendation passes through them.
PLAN_STATUSES = [
    ActionStatus.NOT_STARTED,
    ActionStatus.IN_PROGRESS,
    ActionStatus.IMPLEMENTED,
    ActionStatus.VERIFIED,
    ActionStatus.CANCELLED,
]


@dataclass
class PlanLine:
    audit: Audit
    by_status: dict = field(default_factory=dict)
    overdue: int = 0

    @property
    def total(self) -> int:
        return sum(self.by_status.values())


def audit_years(user) -> list[str]:
    """The audit plans' years the person may see, latest first (one query)."""
    return sorted(
        set(audit_access(user, Do.VIEW).values_list("financial_year", flat=True)), reverse=True
    )


def audit_plan(user, year: str, *, today: dt.date, archived: bool = False) -> list[PlanLine]:
    """The year's audits with their recommendations counted by status and how many are overdue
    (two queries: the audits, then their recommendations' statuses and dates)."""
    audits = (
        audit_access(user, Do.VIEW)
        .filter(financial_year=year, is_archived=archived)
        .select_related("directorate")
        .order_by("reference")
    )
    lines = {audit.pk: PlanLine(audit, dict.fromkeys(PLAN_STATUSES, 0)) for audit in audits}
    rows = Action.objects.filter(audit__in=audits).values_list(
        "audit_id", "status", "due_on", "revised_due_on"
    )
    for audit_id, status, due_on, revised in rows:
        line = lines[audit_id]
        line.by_status[status] = line.by_status.get(status, 0) + 1
        if days_overdue(status=status, agreed=due_on, revised=revised, today=today):
            line.overdue += 1
    return list(lines.values())


def audit_recommendations(user, audit: Audit, *, today: dt.date) -> list[Action]:
    """The audit's recommendations the person may see, each with `days_overdue`, `may_edit`
    (mark implemented) and `verify` (may, or why not) (three queries)."""
    found = list(
        action_access(user, Do.VIEW)
        .filter(audit=audit)
        .select_related("owner", "implemented_by", "verified_by")
        .order_by("pk")
    )
    editable = set(action_access(user, Do.EDIT).filter(audit=audit).values_list("pk", flat=True))
    deciding = set(action_access(user, Do.DECIDE).filter(audit=audit).values_list("pk", flat=True))
    for action in found:
        action.days_overdue = days_overdue(
            status=action.status, agreed=action.due_on, revised=action.revised_due_on, today=today
        )
        action.may_mark_implemented = action.pk in editable and action.status in (
            ActionStatus.NOT_STARTED,
            ActionStatus.IN_PROGRESS,
        )
        action.verify = verification(user, action, may_decide=action.pk in deciding)
    return found


@dataclass(frozen=True)
class Verification:
    allowed: bool
    reason: str = ""  # why there is no "Verify" button, shown to whoever could otherwise verify


def verification(user, action: Action, *, may_decide: bool) -> Verification:
    """May this person verify this recommendation now, and if not, why not (nothing said to
    those who never verify)."""
    if action.status != ActionStatus.IMPLEMENTED:
        return Verification(False)
    if not may_decide:
        return Verification(False, "Waiting for internal audit to verify it.")
    if not may_verify(user.pk, action.implemented_by_id):
        return Verification(
            False, "You marked it implemented: someone else in internal audit verifies it."
        )
    return Verification(True)


def recommendation_get(user, pk: int) -> QuerySet[Action]:
    """A recommendation the person may see, with what its pages show (a queryset: empty when
    there is none for them)."""
    return (
        action_access(user, Do.VIEW)
        .filter(pk=pk, audit__isnull=False)
        .select_related("audit", "owner", "implemented_by")
    )
