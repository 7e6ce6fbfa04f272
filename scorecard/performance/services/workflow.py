"""The quarterly update workflow: save or submit a value, and open a reporting quarter."""

from django.core.exceptions import ValidationError
from django.db import transaction

from scorecard.organisation.models import User

from ..choices import PeriodState
from ..models import Indicator, Measurement, ReportingPeriod
from .records import _period, measurement_record, measurement_submit, reporting_period_set_state


@transaction.atomic
def measurement_save(
    *,
    indicator: Indicator,
    period: str,
    by: User,
    expected_version: int,
    submit: bool = False,
    value: object = None,
    numerator: object = None,
    denominator: object = None,
    commentary: str = "",
    commentary_is_internal: bool | None = None,
    improvement_actions: str = "",
    data_quality: str = "final",
    manual_rating: str = "",
    manual_reason: str = "",
) -> Measurement:
    """Save a value as a draft, or save and submit it for approval.

    `expected_version` is the version the person opened (0 for a new value): if someone else
    changed the value since, nothing is written. `measurement_submit` refuses a red value
    without commentary and improvement actions, and then nothing is written either.
    """
    measurement = measurement_record(
        indicator=indicator,
        period=period,
        by=by,
        value=value,
        numerator=numerator,
        denominator=denominator,
        commentary=commentary.strip(),
        commentary_is_internal=commentary_is_internal,
        improvement_actions=improvement_actions.strip(),
        data_quality=data_quality,
        manual_rating=manual_rating,
        manual_reason=manual_reason,
        expected_version=expected_version,
    )
    if not submit:
        return measurement
    return measurement_submit(measurement=measurement, by=by, expected_version=measurement.version)


@transaction.atomic
def reporting_period_open(*, period: str, by: User) -> ReportingPeriod:
    """Open a quarter for updates (a locked one is refused by `reporting_period_set_state`)."""
    quarter = _period(period, "period", kinds=("quarter",))
    existing = ReportingPeriod.objects.filter(period=quarter.key).first()
    if existing is not None and existing.state == PeriodState.OPEN:
        raise ValidationError({"period": f"{quarter.label} is already open."})
    return reporting_period_set_state(period=quarter.key, state=PeriodState.OPEN, by=by)
