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
from .engine import financial_year_start_month, manual_for, profile_for, reading_for
from .models import Indicator

PREVIOUS_VALUES = 4


@dataclass(frozen=True)
class PastValue:
    """An approved value of an earlier period, with the status it gave the indicator then."""

    period: Period
    value: Decimal | None
    status: Status
    commentary: str
    improvement_actions: str


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
    readings, manual, earlier = {}, {}, []
    for m in approved:
        key = parse(m.period, start_month)
        readings[key] = reading_for(m)
        if (rating := manual_for(m)) is not None:
            manual[key] = rating
        earlier.append((key, m))
    targets = {parse(t.period, start_month): t.value for t in indicator.targets.all()}
    history = History(readings, targets, manual)
    profile = profile_for(indicator)

    def past(key: Period, m) -> PastValue:
        return PastValue(
            period=key,
            value=m.value,
            status=evaluate(profile, key, history, today=today),
            commentary=m.commentary,
            improvement_actions=m.improvement_actions,
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
