"""A live quarter's indicator lines: each indicator of the scorecard with its status, trend and
SPC for the quarter, as unsaved snapshot rows (kept between requests by `kept`)."""

from django.db.models import QuerySet

from scorecard.core.collector import collector_paused
from scorecard.core.periods import Period
from scorecard.core.status import State
from scorecard.core.status_rules import Against
from scorecard.organisation.models import Directorate, OrganisationSettings
from scorecard.performance.engine import schedule_for
from scorecard.performance.models import (
    Indicator,
    Measurement,
    Priority,
    Scorecard,
    ScorecardEntry,
    ScorecardVersion,
    Target,
)
from scorecard.performance.selectors import (
    MeasurementNotes,
    ScorecardRow,
    StoredValue,
    measurement_notes,
    scorecard_rows,
    scorecard_version_live,
    status_rated_against,
)
from scorecard.performance.spc import spc_data

from .kept import Source, kept_lines
from .models import IndicatorSnapshot

UPDATED_STATES = {State.GREEN, State.AMBER, State.RED, State.DATA_ONLY, State.NO_TARGET}
TREND_LENGTH = 8


# What a live indicator line is built from: its values, targets and register entry, and the
# shape of the scorecard (versions, entries, priorities, directorates, the year's start).
INDICATOR_SOURCES = [
    Source(Measurement, "indicator_id"),
    Source(Target, "indicator_id"),
    Source(Indicator, "id"),
    Source(ScorecardVersion),
    Source(ScorecardEntry),
    Source(Priority),
    Source(Directorate),
    Source(OrganisationSettings),
]


def indicator_lines_kept(*, scorecard: Scorecard, period: Period) -> list[IndicatorSnapshot]:
    """`indicator_lines`, kept between requests and rebuilt only for indicators changed since
    (see `kept`). The lines are shared: read them, never save or change them."""

    def build(condition):
        only = None if condition is None else Indicator.objects.filter(condition)
        lines = indicator_lines(scorecard=scorecard, period=period, indicators=only)
        return {line.indicator_id: line for line in lines}

    return kept_lines(("indicators", scorecard.pk, period.key), INDICATOR_SOURCES, build)


@collector_paused()
def indicator_lines(
    *, scorecard: Scorecard, period: Period, indicators: QuerySet[Indicator] | None = None
) -> list[IndicatorSnapshot]:
    """Every indicator of the scorecard with its status for `period`, as unsaved snapshot rows
    (the five queries of scorecard_rows, one for the commentary of the values shown; one more
    for the order when only some are asked for)."""
    rows = scorecard_rows(scorecard=scorecard, period=period, indicators=indicators)
    orders = None
    if indicators is not None and rows:
        version = scorecard_version_live(scorecard=scorecard, period=period)
        ids = ScorecardEntry.objects.filter(version=version).order_by(
            "priority__order", "order", "indicator__code"
        )
        orders = {pk: n for n, pk in enumerate(ids.values_list("indicator_id", flat=True), 1)}
    shown = [_shown(row) for row in rows]
    # The commentary and its companions of the one value each line shows, in one query.
    notes = measurement_notes([m.id for m in shown if m is not None])
    lines = []
    # Each row is let go once its line is built: its values, most of a build's memory, are
    # freed while the lines grow.
    rows.reverse()
    shown.reverse()
    while rows:
        row, measurement = rows.pop(), shown.pop()
        order = len(lines) + 1 if orders is None else orders[row.indicator.pk]
        note = notes[measurement.id] if measurement else None
        lines.append(_line(row, order, note, period))
    return lines


def _line(
    row: ScorecardRow, order: int, note: MeasurementNotes | None, period: Period
) -> IndicatorSnapshot:
    indicator, status = row.indicator, row.status
    updated = status.last_updated
    kind = schedule_for(indicator).stored_kind
    trend = [
        [m.period, str(m.value)]
        for m in row.values  # oldest first
        if m.value is not None and _kind(m.period) == kind and m.period_start <= period.end
    ][-TREND_LENGTH:]
    return IndicatorSnapshot(
        indicator=indicator,
        order=order,
        code=indicator.code,
        title=indicator.title,
        priority=row.priority.title if row.priority else "",
        priority_order=row.priority.order if row.priority else 0,
        directorate_code=indicator.directorate.code,
        directorate_name=indicator.directorate.name,
        unit=indicator.unit,
        decimals=indicator.decimals,
        polarity=indicator.polarity,
        state=status.state.value,
        rating=status.rating.value if status.rating else "",
        rating_period=status.rating_period.key if status.rating_period else "",
        value=status.value,
        target=status.target,
        rated_against=status_rated_against(indicator, status),
        direction=status.direction(Against.PREVIOUS_PERIOD).value,
        direction_last_year=status.direction(Against.SAME_PERIOD_LAST_YEAR).value,
        last_updated=updated.key if updated else "",
        next_due=status.next_due.key if status.next_due else "",
        updated_this_period=status.state in UPDATED_STATES,
        commentary=note.commentary if note else "",
        commentary_is_internal=note.commentary_is_internal if note else False,
        improvement_actions=note.improvement_actions if note else "",
        data_quality=note.data_quality if note else "",
        stored_period=updated.key if updated else "",
        measurement_version=note.version if note else None,
        trend=trend,
        spc=spc_data(
            indicator,
            row.values,
            until=period,
            target=status.target,
            start_month=period.start_month,
        ),
    )


def _shown(row: ScorecardRow) -> StoredValue | None:
    """The stored value of the period the status was last updated in, if any."""
    updated = row.status.last_updated
    if updated is None:
        return None
    return next((m for m in reversed(row.values) if m.period == updated.key), None)


def _kind(key: str) -> str:
    return "month" if "-M" in key else "quarter" if "-Q" in key else "year"
