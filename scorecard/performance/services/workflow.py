"""The quarterly update workflow: save or submit a value (a red one needs commentary and
improvement actions), and open a reporting quarter."""

from django.core.exceptions import ValidationError
from django.db import transaction

from scorecard.core.periods import parse
from scorecard.core.status import State
from scorecard.organisation.models import User

from ..choices import PeriodState
from ..engine import financial_year_start_month
from ..models import Indicator, Measurement, ReportingPeriod
from ..selectors import measurement_status_preview
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
    improvement_actions: str = "",
    data_quality: str = "final",
    manual_rating: str = "",
    manual_reason: str = "",
) -> Measurement:
    """Save a value as a draft, or save and submit it for approval.

    `expected_version` is the version the person opened (0 for a new value): if someone else
    changed the value since, nothing is written. A value that would be rated red is refused for
    submission, and nothing is written, until it has commentary and improvement actions.
    """
    measurement = measurement_record(
        indicator=indicator,
        period=period,
        by=by,
        value=value,
        numerator=numerator,
        denominator=denominator,
        commentary=commentary.strip(),
        improvement_actions=improvement_actions.strip(),
        data_quality=data_quality,
        manual_rating=manual_rating,
        manual_reason=manual_reason,
        expected_version=expected_version,
    )
    if not submit:
        return measurement
    status = measurement_status_preview(
        indicator=indicator,
        period=parse(measurement.period, financial_year_start_month()),
        value=measurement.value,
        numerator=measurement.numerator,
        denominator=measurement.denominator,
        manual_rating=measurement.manual_rating,
        manual_reason=measurement.manual_reason,
    )
    if status is not None and status.state == State.RED:
        errors = {}
        if not measurement.commentary:
            errors["commentary"] = (
                "This value is red: explain in the commentary why it is off target."
            )
        if not measurement.improvement_actions:
            errors["improvement_actions"] = (
                "This value is red: say what is being done to improve it."
            )
        if errors:
            raise ValidationError(errors)
    return measurement_submit(measurement=measurement, by=by, expected_version=measurement.version)


@transaction.atomic
def reporting_period_open(*, period: str, by: User) -> ReportingPeriod:
    """Open a quarter for updates. A locked quarter is reopened only by the reporting team's
    restatement, never from here."""
    quarter = _period(period, "period", kinds=("quarter",))
    existing = ReportingPeriod.objects.filter(period=quarter.key).first()
    if existing is not None and existing.state == PeriodState.LOCKED:
        raise ValidationError(
            {"period": f"{quarter.label} is locked: its published figures cannot be reopened."}
        )
    if existing is not None:
        raise ValidationError({"period": f"{quarter.label} is already open."})
    return reporting_period_set_state(period=quarter.key, state=PeriodState.OPEN, by=by)
