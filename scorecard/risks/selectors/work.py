"""Reads for a person's own work on the risk register, for their home page."""

import datetime as dt

from django.db.models import QuerySet

from scorecard.organisation import clock
from scorecard.organisation.access import Action
from scorecard.organisation.selectors import user_is_administrator

from ..access import risk_access
from ..models import Risk
from .ratings import risks_live

REVIEW_NOTICE_DAYS = 14  # as the reminders: a review shows from two weeks before it is due


def risks_to_review(user, *, today: dt.date | None = None) -> QuerySet[Risk]:
    """Open risks the person reviews whose next review is due within two weeks or overdue,
    soonest first: those they may change. The team may change every risk, so theirs are only
    those they own."""
    today = today or clock.today()
    risks = risk_access(user, Action.EDIT)
    if user_is_administrator(user):
        risks = risks.filter(owner=user)
    return (
        risks_live(risks)
        .filter(next_review_on__lte=today + dt.timedelta(days=REVIEW_NOTICE_DAYS))
        .select_related("owner", "register")
        .order_by("next_review_on", "reference")
    )
