"""Reads for the performance app.

`scorecard_rows` gives every indicator of a scorecard with its status for a period in a fixed
number of SQL queries, whatever the number of indicators: the version live in that period, its
entries with their indicators, and the values and targets of the years the status engine looks
at, fetched in one query each and rated in Python by the pure status engine.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from scorecard.core.direction import Direction
from scorecard.core.periods import Period, parse
from scorecard.core.status import History, Status, evaluate
from scorecard.core.status_rules import Against

from .choices import WorkflowState
from .engine import financial_year_start_month, manual_for, profile_for, reading_for
from .models import (
    Indicator,
    Measurement,
    Priority,
    Scorecard,
    ScorecardEntry,
    ScorecardVersion,
    Target,
)

# The status engine looks back at most this many years (carried ratings of annual indicators,
# two-yearly comparisons); values older than that are not fetched.
YEARS_OF_HISTORY = 5


@dataclass(frozen=True)
class ScorecardRow:
    indicator: Indicator
    priority: Priority | None
    status: Status
    measurement: Measurement | None  # the value recorded for the period itself, if any

    @property
    def value(self):
        return self.status.value

    @property
    def target(self):
        return self.status.target

    @property
    def direction_previous(self) -> Direction:
        return self.status.direction(Against.PREVIOUS_PERIOD)

    @property
    def direction_last_year(self) -> Direction:
        return self.status.direction(Against.SAME_PERIOD_LAST_YEAR)

    @property
    def last_updated(self) -> Period | None:
        return self.status.last_updated

    @property
    def next_due(self) -> Period | None:
        return self.status.next_due


def indicators_list() -> QuerySet[Indicator]:
    """Every indicator in use. Access rules (a later issue) will narrow this queryset."""
    return Indicator.objects.filter(is_retired=False).select_related(
        "directorate", "portfolio", "owner"
    )


def scorecards_list() -> QuerySet[Scorecard]:
    return Scorecard.objects.filter(is_archived=False).select_related("directorate")


def scorecard_version_live(*, scorecard: Scorecard, period: Period) -> ScorecardVersion | None:
    """The version that was live in `period`: the latest one starting on or before it."""
    return (
        scorecard.versions.filter(live_from_start__lte=period.start)
        .select_related("corporate_plan")
        .order_by("-live_from_start")
        .first()
    )


def scorecard_rows(
    *,
    scorecard: Scorecard,
    period: str | Period,
    indicators: QuerySet[Indicator] | None = None,
    today: dt.date | None = None,
    approved_only: bool = True,
) -> list[ScorecardRow]:
    """Each indicator of the scorecard (as it was in `period`) with its status for `period`.

    `indicators` restricts the rows (e.g. to what a person may see) as a subquery, never as a
    list of ids. By default only approved values count; drafts and submitted values wait.
    """
    start_month = financial_year_start_month()
    if isinstance(period, str):
        period = parse(period, start_month)
    version = scorecard_version_live(scorecard=scorecard, period=period)
    if version is None:
        return []
    earliest = Period.financial_year(period.year - YEARS_OF_HISTORY, start_month).start
    measurements = Measurement.objects.filter(
        period_start__gte=earliest, period_start__lte=period.end
    )
    if approved_only:
        measurements = measurements.filter(state=WorkflowState.APPROVED)
    targets = Target.objects.filter(period_start__gte=earliest, period_start__lte=period.end)
    entries = (
        ScorecardEntry.objects.filter(version=version)
        .select_related(
            "indicator__directorate", "indicator__portfolio", "indicator__owner", "priority"
        )
        .prefetch_related(
            Prefetch(
                "indicator__measurements", queryset=measurements, to_attr="recent_measurements"
            ),
            Prefetch("indicator__targets", queryset=targets, to_attr="recent_targets"),
        )
        .order_by("priority__order", "order", "indicator__code")
    )
    if indicators is not None:
        entries = entries.filter(indicator__in=indicators)
    return [_row(entry, period, start_month, today) for entry in entries]


def _row(entry: ScorecardEntry, period: Period, start_month: int, today) -> ScorecardRow:
    indicator = entry.indicator
    readings, manual, own = {}, {}, None
    for m in indicator.recent_measurements:
        key = parse(m.period, start_month)
        readings[key] = reading_for(m)
        if (rating := manual_for(m)) is not None:
            manual[key] = rating
        if key == period:
            own = m
    targets = {parse(t.period, start_month): t.value for t in indicator.recent_targets}
    status = evaluate(
        profile_for(indicator), period, History(readings, targets, manual), today=today
    )
    return ScorecardRow(
        indicator=indicator, priority=entry.priority, status=status, measurement=own
    )


def scorecard_counts(rows: list[ScorecardRow]) -> dict[str, int]:
    """How many rows are in each state (green, amber, red, not due...)."""
    counts: dict[str, int] = defaultdict(int)
    for row in rows:
        counts[row.status.state.value] += 1
    return dict(counts)
