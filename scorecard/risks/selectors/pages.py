"""Reads for the risk pages: the filtered, ranked list; one risk with everything on its page;
the version a form was opened at; the work each risk owner owes (for reminders)."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from scorecard.actions.selectors import effective_due_on
from scorecard.core import filing, periods, scoring
from scorecard.core.ids import id_from
from scorecard.organisation import clock, quarters
from scorecard.organisation.selectors import organisation_settings_get

from ..choices import ACTION_STATUSES_OPEN, EscalationStatus
from ..models import Risk
from .ratings import risks_live
from .register import risks_ranked

RISK_SORTS = {
    "rank": None,  # the ranking: score, impact, likelihood, reference
    "reference": ["reference"],
    "review": ["next_review_on", "reference"],
}


def risks_filtered(
    *,
    risks: QuerySet[Risk],
    matrix: scoring.Matrix,
    register: str = "",
    directorate: str = "",
    area: str = "",
    band: str = "",
    owner: str = "",
    overdue: bool = False,
    sort: str = "rank",
    today: dt.date | None = None,
) -> QuerySet[Risk]:
    """Live risks the person may see, filtered as chosen, ranked or sorted (one query)."""
    today = today or clock.today()
    rows = risks_ranked(risks=risks, matrix=matrix)
    if (register_id := id_from(register)) is not None:
        rows = rows.filter(
            Q(register_id=register_id, escalated_to__isnull=True) | Q(escalated_to_id=register_id)
        )
    if directorate:
        rows = rows.filter(register__directorate__code=directorate)
    if (area_id := id_from(area)) is not None:
        rows = rows.filter(area_id=area_id)
    if band:
        rows = rows.filter(band_key=band)
    if (owner_id := id_from(owner)) is not None:
        rows = rows.filter(owner_id=owner_id)
    if overdue:
        rows = rows.filter(next_review_on__lt=today)
    order = RISK_SORTS.get(sort)
    return rows.order_by(*order) if order else rows


@dataclass(frozen=True)
class Rating:
    """One of a risk's three ratings, placed on the matrix."""

    name: str
    likelihood: int | None
    impact: int | None
    band: scoring.Band | None

    @property
    def score(self) -> int | None:
        if self.likelihood is None or self.impact is None:
            return None
        return self.likelihood * self.impact


def risk_ratings(risk: Risk, matrix: scoring.Matrix) -> list[Rating]:
    """Inherent, current and target, each with its score and band on the current matrix."""
    ratings = []
    for name in ("inherent", "current", "target"):
        lk, im = getattr(risk, f"{name}_likelihood"), getattr(risk, f"{name}_impact")
        band = matrix.band_for(lk, im) if lk and im and matrix.contains(lk, im) else None
        ratings.append(Rating(name.capitalize(), lk, im, band))
    return ratings


@dataclass
class RiskPage:
    risk: Risk
    assessments: list
    controls: list
    actions: list
    escalations: list


def risk_page(*, risk: Risk, today: dt.date | None = None) -> RiskPage:
    """Everything on a risk's page, one query per part."""
    today = today or clock.today()
    actions = list(
        risk.actions.select_related("owner")
        .annotate(effective_due_on=effective_due_on())
        .order_by("effective_due_on", "pk")
    )
    for action in actions:
        action.is_overdue = (
            action.status in ACTION_STATUSES_OPEN and action.effective_due_on < today
        )
    return RiskPage(
        risk=risk,
        assessments=list(
            risk.assessments.select_related("assessor").order_by("-assessed_on", "-pk")
        ),
        controls=list(risk.controls.select_related("owner").filter(is_archived=False)),
        actions=actions,
        escalations=list(
            risk.escalations.select_related(
                "from_register", "to_register", "requested_by", "decided_by"
            )
        ),
    )


def escalations_awaiting(*, risks: QuerySet[Risk]):
    from ..models import Escalation

    return (
        Escalation.objects.filter(risk__in=risks, status=EscalationStatus.REQUESTED)
        .select_related("risk", "from_register", "to_register", "requested_by")
        .order_by("requested_at")
    )


def reviews_by_person(*, today: dt.date | None = None, within_days: int = 14) -> dict[object, list]:
    """For each risk owner with an email address: reviews due within `within_days` or overdue
    (one query). Their overdue actions are actions.selectors.actions_overdue_by_person's."""
    today = today or clock.today()
    work: dict[object, list] = defaultdict(list)
    reviews = (
        risks_live()
        .filter(next_review_on__lte=today + dt.timedelta(days=within_days))
        .select_related("owner")
        .order_by("next_review_on", "reference")
    )
    for risk in reviews:
        work[risk.owner].append(risk)
    return {
        person: items
        for person, items in work.items()
        if person is not None and person.is_active and person.email
    }


@dataclass(frozen=True)
class ReviewQuarters:
    """The quarters a review made today may count for (earliest first) and the one it counts for
    unless the person chooses another; `default` is None when that one is locked."""

    choices: list[periods.Period]
    default: periods.Period | None


def review_quarters(*, on: dt.date | None = None) -> ReviewQuarters:
    """What the review form offers: the open quarters begun by `on` (today), in one query."""
    on = on or clock.today()
    start_month = organisation_settings_get().financial_year_start_month
    open_quarters, locked_keys = quarters.open_and_locked(start_month)
    try:
        default = filing.filing_quarter(
            on=on,
            chosen=None,
            open_quarters=open_quarters,
            locked_keys=locked_keys,
            start_month=start_month,
        )
    except filing.FilingError:
        default = None
    return ReviewQuarters(filing.filing_choices(on, open_quarters), default)
