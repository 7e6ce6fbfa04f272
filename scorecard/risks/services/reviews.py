"""Writes from the risk pages that guard against two people editing at once: a review, an action
update. Each takes the version the person's form was opened at (see scorecard.history.record_version)
and refuses, writing nothing, when someone else saved in between."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction

from scorecard.actions.services import action_progress  # noqa: F401 (a risk's actions are actions)
from scorecard.history import record_version
from scorecard.organisation.models import User

from ..models import Assessment, Risk
from .risks import assessment_record, risk_update


def _check_version(obj, seen_version: int, what: str) -> None:
    if record_version(obj) != seen_version:
        raise ValidationError(
            {
                "version": f"Someone else changed {what} since you opened it: check their change below."
            }
        )


@transaction.atomic
def risk_review(
    *,
    risk: Risk,
    likelihood: int,
    impact: int,
    commentary: str,
    assessor: User,
    seen_version: int,
    assessed_on: dt.date | None = None,
    period: str | None = None,
) -> Assessment:
    """Review a risk from its page: the new current likelihood and impact, and why, for the
    quarter chosen (`period`; by default the open quarter)."""
    risk = Risk.objects.select_for_update().get(pk=risk.pk)
    _check_version(risk, seen_version, f"risk {risk.reference}")
    return assessment_record(
        risk=risk,
        likelihood=likelihood,
        impact=impact,
        assessor=assessor,
        assessed_on=assessed_on,
        period=period,
        commentary=commentary.strip(),
    )


@transaction.atomic
def risk_change(*, risk: Risk, seen_version: int, **changes) -> Risk:
    """Change a risk from its form (see risks.EDITABLE_FIELDS); refused if someone saved since."""
    risk = Risk.objects.select_for_update().get(pk=risk.pk)
    _check_version(risk, seen_version, f"risk {risk.reference}")
    changed = {name: value for name, value in changes.items() if getattr(risk, name) != value}
    if not changed:
        return risk
    return risk_update(risk=risk, **changed)
