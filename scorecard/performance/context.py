"""The context of one value: what a person needs beside a figure to judge it.

The target for the period, the last approved values with the rating each was given, the same
period last year and the latest commentary and improvement actions. Read by the review page
(and any page that shows a value to decide on) in two queries: the indicator's approved values
and its targets, rated in Python by the pure status engine.
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from scorecard.core.periods import Period, parse
from scorecard.core.status import History, Status, evaluate

from .choices import WorkflowState
from .engine import (
    financial_year_start_month,
    history_parts,
    manual_for,
    profile_for,
    reading_for,
    targets_by_period,
)
from .models import Indicator, Measurement, Target

PREVIOUS_VALUES = 4
STORED_FIELDS = ("value", "numerator", "denominator", "manual_rating", "manual_reason")


@dataclass(frozen=True)
class PastValue:
    """An approved value of an earlier period, with the status it gave the indicator then."""

    period: Period
    value: Decimal | None
    status: Status
    commentary: str
    improvement_actions: str
    commentary_is_internal: bool = False  # shown with its "not published" tag


@dataclass(frozen=True)
class MeasurementContext:
    indicator: Indicator
    period: Period
    target: Decimal | None  # the period's own target, else its year's
    previous: list[PastValue] = field(default_factory=list)  # newest first
    last_year: PastValue | None = None
    last_notes: PastValue | None = None  # the latest earlier value with commentary

    @property
    def unit(self) -> str:
        return self.indicator.get_unit_display()


def measurement_context(
    *, indicator: Indicator, period: Period, today: dt.date | None = None
) -> MeasurementContext:
    """The context of `indicator`'s value for `period`, from approved values before it."""
    start_month = financial_year_start_month()
    approved = indicator.measurements.filter(
        state=WorkflowState.APPROVED, period_start__lt=period.start
    ).order_by("period_start", "period")
    readings, manual = history_parts(approved, start_month)
    earlier = [(parse(m.period, start_month), m) for m in approved]
    targets = targets_by_period(indicator, start_month)
    history = History(readings, targets, manual)
    profile = profile_for(indicator)

    def past(key: Period, m) -> PastValue:
        return PastValue(
            period=key,
            value=m.value,
            status=evaluate(profile, key, history, today=today),
            commentary=m.commentary,
            improvement_actions=m.improvement_actions,
            commentary_is_internal=m.commentary_is_internal,
        )

    newest_first = list(reversed(earlier))
    last_year = period.same_period_last_year()
    return MeasurementContext(
        indicator=indicator,
        period=period,
        target=targets.get(period, targets.get(period.year_of())),
        previous=[past(key, m) for key, m in newest_first[:PREVIOUS_VALUES]],
        last_year=next((past(key, m) for key, m in newest_first if key == last_year), None),
        last_notes=next((past(key, m) for key, m in newest_first if m.commentary.strip()), None),
    )


def statuses_if_approved(
    measurements: list[Measurement], *, today: dt.date | None = None
) -> dict[int, Status | None]:
    """The status each value would give its indicator if approved, by the value's id (None
    when it cannot be rated), as its review page shows it: for a whole approval queue in two
    queries, the approved values and the targets of the queue's indicators."""
    start_month = financial_year_start_month()
    indicator_ids = {m.indicator_id for m in measurements}
    readings: dict[int, dict] = {pk: {} for pk in indicator_ids}
    manual: dict[int, dict] = {pk: {} for pk in indicator_ids}
    for indicator_id, key, *stored in Measurement.objects.filter(
        indicator_id__in=indicator_ids, state=WorkflowState.APPROVED
    ).values_list("indicator_id", "period", *STORED_FIELDS):
        row = Measurement(**dict(zip(STORED_FIELDS, stored, strict=True)))
        period = parse(key, start_month)
        readings[indicator_id][period] = reading_for(row)
        if (rating := manual_for(row)) is not None:
            manual[indicator_id][period] = rating
    targets: dict[int, dict] = {pk: {} for pk in indicator_ids}
    for indicator_id, key, value in Target.objects.filter(
        indicator_id__in=indicator_ids
    ).values_list("indicator_id", "period", "value"):
        targets[indicator_id][parse(key, start_month)] = value
    statuses = {}
    for m in measurements:
        period = parse(m.period, start_month)
        own_readings = {**readings[m.indicator_id], period: reading_for(m)}
        own_manual = {k: v for k, v in manual[m.indicator_id].items() if k != period}
        if (rating := manual_for(m)) is not None and m.manual_reason.strip():
            own_manual[period] = rating
        history = History(own_readings, targets[m.indicator_id], own_manual)
        try:
            statuses[m.pk] = evaluate(profile_for(m.indicator), period, history, today=today)
        except (ValueError, ArithmeticError):
            statuses[m.pk] = None
    return statuses
