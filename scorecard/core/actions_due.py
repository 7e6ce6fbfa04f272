"""When an action or an audit recommendation is overdue, and who may decide on its extension
or verify it. Plain Python: the caller passes the council clock's today and people's ids."""

from collections.abc import Hashable
from datetime import date

from scorecard.core.duties import may_review

DONE_STATUSES = frozenset({"completed", "implemented", "verified", "cancelled"})


def due_date(agreed: date | None, revised: date | None) -> date | None:
    """The date the work is due by now: the revised date once one is agreed, else the first."""
    return revised if revised is not None else agreed


def is_overdue(*, status: str, agreed: date | None, revised: date | None, today: date) -> bool:
    """Overdue: not done, and the revised-or-agreed due date is before today. Due today is not
    overdue; work with no due date is never overdue."""
    due = due_date(agreed, revised)
    return status not in DONE_STATUSES and due is not None and due < today


def days_overdue(*, status: str, agreed: date | None, revised: date | None, today: date) -> int:
    """How many days past its due date the work is (0 when it is not overdue)."""
    if not is_overdue(status=status, agreed=agreed, revised=revised, today=today):
        return 0
    return (today - due_date(agreed, revised)).days


def may_decide_extension(decider: Hashable, requested_by: Hashable | None) -> bool:
    """An extension is approved or refused by someone other than the one who asked for it,
    always: a council's self-approval setting does not reach extensions."""
    return decider is not None and may_review(
        decider, entered_by=None, submitted_by=requested_by, self_approval_allowed=False
    )


def may_verify(verifier: Hashable, implemented_by: Hashable | None) -> bool:
    """A recommendation is verified by someone other than the one who marked it implemented."""
    return verifier is not None and may_review(
        verifier, entered_by=implemented_by, submitted_by=None, self_approval_allowed=False
    )
