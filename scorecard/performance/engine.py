"""Adapters between the performance models and the pure cores (periods, status engine)."""

from functools import lru_cache

from scorecard.core.aggregation import Aggregation, Reading
from scorecard.core.indicator_schedule import Frequency, Schedule
from scorecard.core.periods import Period, parse
from scorecard.core.polarity import Polarity
from scorecard.core.status import IndicatorProfile, ManualRating
from scorecard.core.status_rules import Rating, parse_rule
from scorecard.organisation.selectors import organisation_settings_get

from .choices import TargetBasis


def financial_year_start_month() -> int:
    return organisation_settings_get().financial_year_start_month


def schedule_for(indicator) -> Schedule:
    return _schedule(indicator.frequency, indicator.due_quarter, indicator.first_due_year or 2000)


@lru_cache(maxsize=256)  # schedules are immutable and few: an import asks once per row
def _schedule(frequency: str, due_quarter: int, first_due_year: int) -> Schedule:
    return Schedule(Frequency(frequency), due_quarter=due_quarter, first_due_year=first_due_year)


def profile_for(indicator) -> IndicatorProfile:
    return IndicatorProfile(
        polarity=Polarity(indicator.polarity),
        schedule=schedule_for(indicator),
        rule=parse_rule(indicator.status_rule),
        aggregation=Aggregation(indicator.aggregation),
        year_to_date=indicator.target_basis == TargetBasis.YEAR_TO_DATE,
        contextual=indicator.is_contextual,
        decimals=indicator.decimals,
    )


def reading_for(measurement) -> Reading:
    return Reading(measurement.value, measurement.numerator, measurement.denominator)


def manual_for(measurement) -> ManualRating | None:
    if not measurement.manual_rating:
        return None
    return ManualRating(Rating(measurement.manual_rating), measurement.manual_reason)


def history_parts(measurements, start_month: int) -> tuple[dict, dict]:
    """The readings and the hand ratings of `measurements`, by period: what the status engine's
    `History` is made of."""
    readings, manual = {}, {}
    for m in measurements:
        key = parse(m.period, start_month)
        readings[key] = reading_for(m)
        if (rating := manual_for(m)) is not None:
            manual[key] = rating
    return readings, manual


def targets_by_period(indicator, start_month: int) -> dict[Period, object]:
    return {parse(t.period, start_month): t.value for t in indicator.targets.all()}


def reporting_quarter(indicator, period: Period) -> Period:
    """The quarter in which a value for `period` is reported (and which its lock follows)."""
    if period.kind == "year":
        return Period.quarter(period.year, indicator.due_quarter, period.start_month)
    return period.quarter_of()
