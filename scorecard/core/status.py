"""The status engine: the rating of one indicator for one reporting period.

Given what the indicator is (polarity, frequency, aggregation, rule) and what has been
recorded (values and targets by period, manual ratings), `evaluate` returns one of:

    green, amber, red     rated by the indicator's rule
    data only             shown for information (contextual, no polarity, or a data-only rule)
    no target             a value, but no target to rate it against
    not due               no update expected this period; carries the last rating and its period
    awaiting data         an update is due but missing (late once past the deadline)

Every status says which period its value and its rating come from, and carries the direction
of travel against the previous period and the same period last year.

Pure module: no Django import.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from .aggregation import Aggregation, AggregationError, Reading, aggregate
from .direction import Direction, direction_of_travel
from .figures import as_published
from .indicator_schedule import Schedule
from .periods import Period
from .polarity import Polarity
from .status_rules import Against, Facts, Rating, Rule, RuleError


class State(StrEnum):
    GREEN = "green"
    AMBER = "amber"
    RED = "red"
    DATA_ONLY = "data_only"
    NO_TARGET = "no_target"
    NOT_DUE = "not_due"
    AWAITING_DATA = "awaiting_data"


STATE_LABELS = {
    State.GREEN: "Green",
    State.AMBER: "Amber",
    State.RED: "Red",
    State.DATA_ONLY: "Data only",
    State.NO_TARGET: "No target",
    State.NOT_DUE: "Not due this period",
    State.AWAITING_DATA: "Awaiting data",
}


# How many earlier due periods to search for the last rating to carry: two years of quarters,
# four years of an annual indicator. Older ratings say little about today.
CARRY_LOOK_BACK = 8


class StatusError(ValueError):
    """The engine was asked something it cannot answer (e.g. a manual rating with no reason)."""


@dataclass(frozen=True)
class ManualRating:
    rating: Rating
    reason: str

    def __post_init__(self) -> None:
        if not self.reason or not self.reason.strip():
            raise StatusError("A manual rating needs a reason.")


@dataclass(frozen=True)
class IndicatorProfile:
    """What the engine needs to know about an indicator."""

    polarity: Polarity
    schedule: Schedule
    rule: Rule
    aggregation: Aggregation = Aggregation.LATEST
    year_to_date: bool = False  # rate the year-to-date figure against a cumulative target
    contextual: bool = False  # outside the council's direct control: shown, not rated
    # The decimals the council publishes: values and targets are rated as printed, rounded half
    # up to these places (decision 0017). None rates the figures as stored.
    decimals: int | None = None

    @property
    def is_data_only(self) -> bool:
        return self.contextual or self.rule.is_data_only or self.polarity is Polarity.NONE


@dataclass(frozen=True)
class History:
    """What has been recorded, keyed by period. Targets may be annual or profiled."""

    readings: Mapping[Period, Reading] = field(default_factory=dict)
    targets: Mapping[Period, Decimal] = field(default_factory=dict)
    manual: Mapping[Period, ManualRating] = field(default_factory=dict)


@dataclass(frozen=True)
class Status:
    period: Period
    state: State
    rating: Rating | None = None  # the colour shown; for not due / awaiting data, the last one
    rating_period: Period | None = None  # the reporting period that colour was given in
    value: Decimal | None = None
    target: Decimal | None = None
    last_updated: Period | None = None  # the latest stored period with a value
    next_due: Period | None = None
    late: bool = False
    reason: str = ""
    directions: Mapping[Against, Direction] = field(default_factory=dict)
    manual_reason: str = ""  # the officer's reason when the colour shown was given by hand

    @property
    def label(self) -> str:
        return STATE_LABELS[self.state]

    @property
    def is_rated(self) -> bool:
        return self.state in {State.GREEN, State.AMBER, State.RED}

    def direction(self, against: Against) -> Direction:
        return self.directions.get(against, Direction.NOT_COMPARABLE)


def evaluate(
    indicator: IndicatorProfile,
    period: Period,
    history: History,
    *,
    today: dt.date | None = None,
) -> Status:
    """The status of `indicator` for reporting period `period` (a quarter, a year or a month)."""
    schedule = indicator.schedule
    common = {
        "period": period,
        "last_updated": _last_updated(indicator, period, history),
        "next_due": schedule.next_due(period),
    }
    if not schedule.is_due(period):
        carried = _last_rated(indicator, period, history)
        if carried is None:
            return Status(state=State.NOT_DUE, reason="Not due this period.", **common)
        return Status(
            state=State.NOT_DUE,
            rating=carried.rating,
            rating_period=carried.period,
            value=carried.value,
            target=carried.target,
            directions=carried.directions,
            manual_reason=carried.manual_reason,
            reason=f"Not due this period; last rated {carried.rating} in {carried.period.label}.",
            **common,
        )
    return _due(indicator, period, history, today, common)


def _due(indicator, period, history, today, common, carry=True) -> Status:
    value = _value(indicator, period, history, indicator.year_to_date)
    target = as_published(_target(period, history), indicator.decimals)
    directions = _directions(indicator, period, history, value, target)
    common = {**common, "value": value, "target": target, "directions": directions}
    manual = history.manual.get(period)
    if indicator.is_data_only:
        if value is None:
            return _awaiting(indicator, period, history, today, common, carry)
        return Status(state=State.DATA_ONLY, reason="Shown for information, not rated.", **common)
    if indicator.rule.is_manual:
        if manual is None:
            return _awaiting(
                indicator, period, history, today, common, carry, "No manual rating yet."
            )
        return Status(
            state=State(manual.rating.value),
            rating=manual.rating,
            rating_period=period,
            reason=f"Rated {manual.rating} by hand: {manual.reason}",
            manual_reason=manual.reason,
            **common,
        )
    if value is None:
        return _awaiting(indicator, period, history, today, common, carry)
    if target is None and indicator.rule.needs_target(indicator.polarity):
        return Status(state=State.NO_TARGET, reason="No target set for this period.", **common)
    try:
        indicator.rule.check_polarity(indicator.polarity)
        facts = Facts(value, target, indicator.polarity, directions)
        rating, clause = indicator.rule.rate(facts)
    except RuleError as error:
        raise StatusError(str(error)) from error
    return Status(
        state=State(rating.value),
        rating=rating,
        rating_period=period,
        reason=f"Rated {clause.describe()}.",
        **common,
    )


def rated_against(status: Status, rule: Rule, polarity: Polarity, show=str) -> str:
    """What the colour shown was measured against, in words: "against a target of 50.0",
    "against a green threshold of 90 (amber 85)", "rated by hand: <reason>"; "" when nothing
    is rated. `show` writes a figure as the page prints it (unit and decimals)."""
    if status.rating is None:
        return ""
    if status.manual_reason:
        return f"rated by hand: {status.manual_reason}"
    thresholds = rule.thresholds(polarity)
    if thresholds is not None:
        green, amber = thresholds
        return f"against a green threshold of {show(green)} (amber {show(amber)})"
    if status.target is not None:
        return f"against a target of {show(status.target)}"
    return ""


def _awaiting(
    indicator, period, history, today, common, carry, reason="Due, but no value yet."
) -> Status:
    carried = _last_rated(indicator, period, history) if carry else None
    late = today is not None and today > indicator.schedule.deadline(period)
    return Status(
        state=State.AWAITING_DATA,
        rating=carried.rating if carried else None,
        rating_period=carried.period if carried else None,
        late=late,
        manual_reason=carried.manual_reason if carried else "",
        reason=("Late: " if late else "") + reason,
        **common,
    )


def _last_rated(indicator, period, history) -> Status | None:
    """The most recent earlier due period that got a colour (a few due periods back at most)."""
    candidate = period
    for _ in range(CARRY_LOOK_BACK):
        candidate = indicator.schedule.previous_due(candidate)
        if candidate is None:
            return None
        status = _due(indicator, candidate, history, None, {"period": candidate}, carry=False)
        if status.is_rated:
            return status
    return None


def _value(indicator, period, history, year_to_date) -> Decimal | None:
    parts = indicator.schedule.stored_periods(period, year_to_date=year_to_date)
    readings = [history.readings.get(p) for p in parts]
    if any(r is None for r in readings):
        return None
    try:
        return as_published(aggregate(indicator.aggregation, readings), indicator.decimals)
    except AggregationError:
        return None


def _target(period: Period, history: History) -> Decimal | None:
    """The profiled target for the period if there is one, else the annual target."""
    for candidate in (
        period,
        period.quarter_of() if period.kind == "month" else None,
        period.year_of(),
    ):
        if candidate is not None and candidate in history.targets:
            return history.targets[candidate]
    return None


def _directions(indicator, period, history, value, target) -> dict[Against, Direction]:
    """Directions compare the period's own figure (not year to date), as readers expect."""
    own = value if not indicator.year_to_date else _value(indicator, period, history, False)
    schedule = indicator.schedule
    earlier = {
        Against.PREVIOUS_PERIOD: schedule.previous_due(period),
        Against.SAME_PERIOD_LAST_YEAR: period.same_period_last_year(),
    }
    result = {}
    for against, other in earlier.items():
        other_value = _value(indicator, other, history, False) if other is not None else None
        result[against] = direction_of_travel(
            own,
            other_value,
            polarity=indicator.polarity,
            band=indicator.rule.no_change,
            target=target,
        )
    return result


def _last_updated(indicator, period, history) -> Period | None:
    latest = None
    for stored, reading in history.readings.items():
        if reading.value is None and reading.numerator is None:
            continue
        if indicator.schedule.reported_by(stored, period) and (
            latest is None or stored.end > latest.end
        ):
            latest = stored
    return latest
