"""Restating a value of a locked quarter: the only change a locked quarter takes.

Every other write refuses a locked quarter (`records._refuse_if_locked`). A restatement is the
performance team's recorded correction: the value is flagged "restated", the old value stays in the
value's history, and the value records who restated it, when, and why (each restatement's history
row keeps them). Published reports read their snapshot, so they never change; the reporting app
lists the difference as a restatement.
"""

from django.core.exceptions import ValidationError
from django.db import transaction

from scorecard.organisation import clock
from scorecard.organisation.models import User

from ..choices import DataQuality, WorkflowState
from ..models import Measurement
from ..selectors import measurement_is_locked
from .records import _check_values, _check_version


@transaction.atomic
def measurement_restate(
    *,
    measurement: Measurement,
    by: User,
    reason: str,
    expected_version: int,
    value: object = None,
    numerator: object = None,
    denominator: object = None,
    commentary: str | None = None,
) -> Measurement:
    """Correct the value of a locked quarter, with the reason. Refused in an open quarter (correct
    it through the update form there) and without a reason, writing nothing."""
    measurement = (
        Measurement.objects.select_for_update().select_related("indicator").get(pk=measurement.pk)
    )
    _check_version(measurement, expected_version)
    if not measurement_is_locked(measurement):
        raise ValidationError(
            {
                "period": f"{measurement.period} is not locked: correct the value through the "
                "update form instead."
            }
        )
    if not reason.strip():
        raise ValidationError(
            {"reason": "Say why the value is restated: the reason is kept with the change."}
        )
    value, numerator, denominator = _check_values(
        measurement.indicator, value, numerator, denominator
    )
    if value is None:
        raise ValidationError({"value": "Enter the restated value, a number."})
    if (value, numerator, denominator) == (
        measurement.value,
        measurement.numerator,
        measurement.denominator,
    ):
        raise ValidationError({"value": "That is the value already recorded: nothing to restate."})
    measurement.value, measurement.numerator, measurement.denominator = (
        value,
        numerator,
        denominator,
    )
    if commentary is not None and commentary.strip():
        measurement.commentary = commentary.strip()
    measurement.data_quality = DataQuality.RESTATED
    measurement.state = WorkflowState.APPROVED  # the performance team's own, recorded correction
    measurement.restated_by, measurement.restated_at = by, clock.now()
    measurement.restatement_reason = reason.strip()
    measurement.version += 1
    measurement.full_clean()
    measurement.save()
    return measurement
