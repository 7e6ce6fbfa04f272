"""Reads for registers and the risks on them: ranked lists, the corporate view, overdue work."""

import datetime as dt

from django.db.models import Q, QuerySet

from scorecard.actions.selectors import effective_due_on
from scorecard.core import scoring
from scorecard.organisation import clock

from ..choices import ACTION_STATUSES_OPEN, RatingBasis
from ..models import Action, Register, Risk
from .matrix import risk_matrix_current
from .ratings import ranked, risks_base, risks_live, with_movement, with_rating

RELATED = ["owner", "register", "escalated_to", "area"]


def registers_list() -> QuerySet[Register]:
    return Register.objects.filter(is_archived=False).select_related("directorate", "parent")


def risks_ranked(
    *,
    risks: QuerySet[Risk] | None = None,
    matrix: scoring.Matrix | None = None,
    basis: RatingBasis | str = RatingBasis.CURRENT,
) -> QuerySet[Risk]:
    """Live risks, most serious first, with score, band, appetite and assessment movement.

    One query when iterated, however many risks (plus four to read the matrix if not given).
    """
    matrix = matrix or risk_matrix_current()
    rated = with_movement(with_rating(risks_live(risks), matrix, basis))
    return ranked(rated, basis).select_related(*RELATED)


def risks_top(
    *, risks: QuerySet[Risk] | None = None, limit: int = 10, matrix: scoring.Matrix | None = None
) -> list[Risk]:
    """The `limit` highest risks across the organisation (every register), ranked."""
    return list(risks_ranked(risks=risks, matrix=matrix)[:limit])


def risks_corporate_view(
    *, risks: QuerySet[Risk] | None = None, matrix: scoring.Matrix | None = None
) -> QuerySet[Risk]:
    """Every live risk of every register in use, in one ranked list: the corporate register view."""
    in_use = risks_base(risks).filter(register__is_archived=False)
    return risks_ranked(risks=in_use, matrix=matrix)


def risks_on_register(
    *,
    register: Register,
    risks: QuerySet[Risk] | None = None,
    matrix: scoring.Matrix | None = None,
) -> QuerySet[Risk]:
    """Risks reported on a register: its own, and those escalated to it from below."""
    on_it = risks_base(risks).filter(
        Q(register=register, escalated_to__isnull=True) | Q(escalated_to=register)
    )
    return risks_ranked(risks=on_it, matrix=matrix)


def movement_of(risk: Risk) -> scoring.Movement:
    """Movement since the previous assessment, for a risk from risks_ranked()."""
    if risk.latest_assessed_score is None:
        return "new"
    return scoring.movement(risk.previous_assessed_score, risk.latest_assessed_score)


def risks_review_overdue(
    *, risks: QuerySet[Risk] | None = None, today: dt.date | None = None
) -> QuerySet[Risk]:
    """Live risks whose next review date has passed, the longest overdue first."""
    today = today or clock.today()
    return (
        risks_live(risks)
        .filter(next_review_on__lt=today)
        .select_related(*RELATED)
        .order_by("next_review_on", "reference")
    )


def actions_overdue(
    *, risks: QuerySet[Risk] | None = None, today: dt.date | None = None
) -> QuerySet[Action]:
    """Actions not done by their (revised) due date, on live risks the caller may see."""
    today = today or clock.today()
    return (
        Action.objects.filter(risk__in=risks_live(risks), status__in=ACTION_STATUSES_OPEN)
        .annotate(effective_due_on=effective_due_on())
        .filter(effective_due_on__lt=today)
        .select_related("risk", "owner")
        .order_by("effective_due_on", "risk__reference", "pk")
    )
