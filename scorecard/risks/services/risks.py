"""Risks and their assessments."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse

from scorecard.core import filing, periods, scoring
from scorecard.core.figures import long_date
from scorecard.notifications.choices import AlertKind
from scorecard.notifications.services import alerts_record
from scorecard.organisation import clock, quarters
from scorecard.organisation.models import User
from scorecard.organisation.selectors import organisation_settings_get

from ..choices import EscalationStatus, RiskStatus
from ..models import Assessment, Register, Risk, RiskArea, RiskCategory
from .categories import category_of
from .matrix import matrix_required

RATING_FIELDS = [
    ("inherent_likelihood", "inherent_impact"),
    ("current_likelihood", "current_impact"),
    ("target_likelihood", "target_impact"),
]


def _check_ratings(matrix: scoring.Matrix, values: dict) -> None:
    """Refuse any likelihood or impact the matrix does not have, naming each field."""
    errors = {}
    for likelihood_field, impact_field in RATING_FIELDS:
        likelihood, impact = values.get(likelihood_field), values.get(impact_field)
        if likelihood_field.startswith("target") and likelihood is None and impact is None:
            continue  # a target is optional, but it takes both halves
        for field, value, axis, levels in (
            (likelihood_field, likelihood, scoring.LIKELIHOOD, matrix.likelihood_levels),
            (impact_field, impact, scoring.IMPACT, matrix.impact_levels),
        ):
            if value is None:
                errors[field] = f"Give the {field.replace('_', ' ')} as well."
                continue
            try:
                scoring.check_level(axis, value, levels)
            except scoring.ScoringError as error:
                errors[field] = str(error)
    if errors:
        raise ValidationError(errors)


def _review_months(risk: Risk, matrix: scoring.Matrix) -> int:
    """The risk's own frequency if it has one, else its band's (red monthly, amber quarterly...)."""
    if risk.review_months:
        return risk.review_months
    return matrix.band_for(risk.current_likelihood, risk.current_impact).review_months


def _refuse_if_closed(risk: Risk, doing: str) -> None:
    if risk.status == RiskStatus.CLOSED:
        raise ValidationError(
            {"risk": f"Risk {risk.reference} is closed, so it cannot be {doing}."}
        )


@transaction.atomic
def risk_create(
    *,
    reference: str,
    title: str,
    category: RiskCategory | str,
    owner: User,
    register: Register,
    inherent_likelihood: int,
    inherent_impact: int,
    current_likelihood: int,
    current_impact: int,
    target_likelihood: int | None = None,
    target_impact: int | None = None,
    target_date: dt.date | None = None,
    cause: str = "",
    event: str = "",
    consequence: str = "",
    area: RiskArea | None = None,
    review_months: int | None = None,
    is_confidential: bool = False,
    identified_on: dt.date | None = None,
) -> Risk:
    """Record a new risk; its first review falls due by its band (or its own frequency)."""
    existing = Risk.objects.filter(reference__iexact=reference.strip()).first()
    if existing is not None:  # "cfc02" beside "CFC02" would be two risks nobody can tell apart
        raise ValidationError(
            {"reference": f"Risk {existing.reference} already exists: references are never reused."}
        )
    matrix = matrix_required()
    ratings = {
        "inherent_likelihood": inherent_likelihood,
        "inherent_impact": inherent_impact,
        "current_likelihood": current_likelihood,
        "current_impact": current_impact,
        "target_likelihood": target_likelihood,
        "target_impact": target_impact,
    }
    _check_ratings(matrix, ratings)
    category = category_of(category)
    if category.is_archived:
        raise ValidationError({"category": f"{category} is archived: choose a category in use."})
    if register.is_archived:
        raise ValidationError({"register": f"{register} is archived: choose a register in use."})
    identified_on = identified_on or clock.today()
    risk = Risk(
        reference=reference.strip(),
        title=title,
        category=category,
        owner=owner,
        register=register,
        area=area,
        cause=cause,
        event=event,
        consequence=consequence,
        target_date=target_date,
        review_months=review_months,
        is_confidential=is_confidential,
        identified_on=identified_on,
        **ratings,
    )
    risk.next_review_on = scoring.next_review_date(identified_on, _review_months(risk, matrix))
    risk.full_clean()
    risk.save()
    return risk


# Fields a risk owner edits directly. The current rating changes only through an assessment,
# the status through closing; a move between registers is a plain change, escalation is logged.
EDITABLE_FIELDS = {
    "title",
    "register",
    "cause",
    "event",
    "consequence",
    "category",
    "owner",
    "area",
    "inherent_likelihood",
    "inherent_impact",
    "target_likelihood",
    "target_impact",
    "target_date",
    "review_months",
    "is_confidential",
}


@transaction.atomic
def risk_update(*, risk: Risk, **changes) -> Risk:
    unknown = set(changes) - EDITABLE_FIELDS
    if unknown:
        raise TypeError(f"These risk fields are not edited here: {', '.join(sorted(unknown))}.")
    _refuse_if_closed(risk, "changed")
    matrix = matrix_required()
    register = changes.get("register")
    if register is not None and register.pk != risk.register_id:
        if register.is_archived:
            raise ValidationError(
                {"register": f"{register} is archived: choose a register in use."}
            )
        if risk.escalations.filter(status=EscalationStatus.REQUESTED).exists():
            raise ValidationError(
                {
                    "register": f"Risk {risk.reference} has an escalation awaiting decision: "
                    "decide it before moving the risk."
                }
            )
    if "category" in changes:
        changes["category"] = category_of(changes["category"])
    for field, value in changes.items():
        setattr(risk, field, value)
    _check_ratings(matrix, {name: getattr(risk, name) for pair in RATING_FIELDS for name in pair})
    if "review_months" in changes:
        last = risk.last_reviewed_on or risk.identified_on
        risk.next_review_on = scoring.next_review_date(last, _review_months(risk, matrix))
        changes["next_review_on"] = risk.next_review_on
    risk.full_clean()
    risk.save(update_fields=list(changes))
    return risk


@transaction.atomic
def risk_close(*, risk: Risk, reason: str, closed_on: dt.date | None = None) -> Risk:
    """Close (archive) a risk. It stays on record with its whole history; nothing is deleted."""
    _refuse_if_closed(risk, "closed again")
    if not reason.strip():
        raise ValidationError({"closure_reason": "Say why the risk is being closed."})
    if risk.escalations.filter(status=EscalationStatus.REQUESTED).exists():
        raise ValidationError(
            {"risk": f"Risk {risk.reference} has an escalation awaiting decision: decide it first."}
        )
    risk.status = RiskStatus.CLOSED
    risk.closure_reason = reason.strip()
    risk.closed_on = closed_on or clock.today()
    risk.full_clean()
    risk.save(update_fields=["status", "closure_reason", "closed_on"])
    return risk


def filed_period(*, on: dt.date, period: str | None) -> periods.Period:
    """The period that work on a risk done on `on` counts for (`core.filing`): the one given,
    else the earliest open quarter; a locked quarter is refused, keyed by "period"."""
    start_month = organisation_settings_get().financial_year_start_month
    open_quarters, locked_keys = quarters.open_and_locked(start_month)
    try:
        return filing.filing_quarter(
            on=on,
            chosen=periods.parse(period, start_month) if period else None,
            open_quarters=open_quarters,
            locked_keys=locked_keys,
            start_month=start_month,
        )
    except (periods.PeriodError, filing.FilingError) as error:
        raise ValidationError({"period": str(error)}) from error


@transaction.atomic
def assessment_record(
    *,
    risk: Risk,
    likelihood: int,
    impact: int,
    assessor: User,
    assessed_on: dt.date | None = None,
    period: str | None = None,
    commentary: str = "",
) -> Assessment:
    """Record a review: it becomes the risk's current rating and sets the next review date.

    It counts for `period` when given, else for the earliest open quarter, never for the
    calendar date's quarter when a quarter is open (`filed_period`); a locked one is refused.
    Score and band are stored with the assessment, so a later change to the matrix never
    rewrites what was reported.
    """
    risk = Risk.objects.select_for_update().get(pk=risk.pk)  # two reviewers at once: one waits
    _refuse_if_closed(risk, "assessed")
    if not commentary.strip():  # whoever records it: the page, the API, an import
        raise ValidationError(
            {"commentary": "Say what has changed since the last review, and why."}
        )
    matrix = matrix_required()
    errors = {}
    for field, axis, value, levels in (
        ("likelihood", scoring.LIKELIHOOD, likelihood, matrix.likelihood_levels),
        ("impact", scoring.IMPACT, impact, matrix.impact_levels),
    ):
        try:
            scoring.check_level(axis, value, levels)
        except scoring.ScoringError as error:
            errors[field] = str(error)
    if errors:
        raise ValidationError(errors)
    band = matrix.band_for(likelihood, impact)
    before = (
        matrix.band_for(risk.current_likelihood, risk.current_impact)
        if risk.current_likelihood and risk.current_impact
        else None
    )
    today = clock.today()
    assessed_on = assessed_on or today
    if assessed_on > today:
        raise ValidationError({"assessed_on": "An assessment cannot be dated in the future."})
    if risk.last_reviewed_on and assessed_on < risk.last_reviewed_on:
        raise ValidationError(
            {
                "assessed_on": f"Risk {risk.reference} was last assessed on "
                f"{long_date(risk.last_reviewed_on)}: record assessments in date order."
            }
        )
    period_key = filed_period(on=assessed_on, period=period).key
    assessment = Assessment(
        risk=risk,
        period=period_key,
        assessed_on=assessed_on,
        likelihood=likelihood,
        impact=impact,
        score=scoring.score(likelihood, impact),
        band_key=band.key,
        band_label=band.label,
        band_colour=band.colour,
        commentary=commentary,
        assessor=assessor,
    )
    assessment.full_clean()
    assessment.save()
    risk.current_likelihood, risk.current_impact = likelihood, impact
    risk.last_reviewed_on = assessed_on
    risk.next_review_on = scoring.next_review_date(assessed_on, _review_months(risk, matrix))
    risk.save(
        update_fields=["current_likelihood", "current_impact", "last_reviewed_on", "next_review_on"]
    )
    if before is not None and band.severity > before.severity:
        alerts_record(
            people=[risk.owner],
            kind=AlertKind.RISK_BAND_UP,
            key=f"assessment:{assessment.pk}",
            subject=f"Scorecard: risk {risk.reference} has risen to {band.label}",
            body=f"Risk {risk.reference} {risk.title} now scores "
            f"{assessment.score} ({band.label}, was {before.label}).",
            path=reverse("risks:risk", args=[risk.pk]),
        )
    return assessment
