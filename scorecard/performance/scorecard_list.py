"""The scorecard list: every indicator a person may see with its status for a quarter, filtered
and sorted by what the status says (so the filtering and sorting happen after rating, in Python).

Four queries however many indicators: the entries of the live scorecard versions (for the
priorities), the indicators, and the values and targets that the status engine reads.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, QuerySet

from scorecard.core.periods import Period
from scorecard.core.status import State, Status
from scorecard.core.status_rules import Against
from scorecard.organisation import clock

from .engine import financial_year_start_month
from .models import Indicator, Priority, ScorecardEntry, ScorecardVersion
from .selectors import (
    YEARS_OF_HISTORY,
    StoredValue,
    status_from_values,
    values_and_targets,
)

# Worst first: what needs attention comes to the top when sorting by status.
STATUS_ORDER = [
    State.RED,
    State.AMBER,
    State.AWAITING_DATA,
    State.GREEN,
    State.NO_TARGET,
    State.DATA_ONLY,
    State.NOT_DUE,
]

SORTS = {
    "status": "Status, worst first",
    "code": "Code",
    "title": "Title",
    "directorate": "Directorate",
    "updated": "Last updated, newest first",
}


@dataclass(frozen=True)
class ListRow:
    indicator: Indicator
    status: Status
    value: StoredValue | None  # the value recorded for the quarter itself, if any
    priorities: tuple[Priority, ...]

    @property
    def direction(self):
        return self.status.direction(Against.PREVIOUS_PERIOD)


def live_priorities(*, period: Period) -> dict[int, tuple[Priority, ...]]:
    """Each indicator's priorities on the scorecard versions live in `period` (one query)."""
    started = ScorecardVersion.objects.filter(
        live_from_start__lte=period.start, scorecard__is_archived=False
    )
    later = started.filter(
        scorecard_id=OuterRef("scorecard_id"), live_from_start__gt=OuterRef("live_from_start")
    )
    live = started.exclude(Exists(later)).values("pk")
    found: dict[int, dict[int, Priority]] = defaultdict(dict)
    entries = ScorecardEntry.objects.filter(version_id__in=live, priority__isnull=False)
    for entry in entries.select_related("priority"):
        found[entry.indicator_id][entry.priority_id] = entry.priority
    return {pk: tuple(by_pk.values()) for pk, by_pk in found.items()}


def scorecard_list_rows(
    *,
    indicators: QuerySet[Indicator],
    period: Period,
    priorities: dict[int, tuple[Priority, ...]],
    query: str = "",
    directorate: str = "",
    priority: str = "",
    status: str = "",
    sort: str = "status",
) -> list[ListRow]:
    """Every indicator in use among `indicators` (the access function's queryset) rated for
    `period` on approved values, with its `priorities` (from `live_priorities`), filtered by words, directorate, priority and status, sorted."""
    chosen = indicators.filter(is_retired=False).select_related("directorate", "owner")
    if query:
        chosen = chosen.filter(Q(code__icontains=query) | Q(title__icontains=query))
    if directorate:
        chosen = chosen.filter(directorate__code=directorate)
    start_month = financial_year_start_month()
    rows_indicators = list(chosen.order_by("code"))
    if priority:
        rows_indicators = [
            i
            for i in rows_indicators
            if any(str(p.pk) == priority for p in priorities.get(i.pk, ()))
        ]
    earliest = Period.financial_year(period.year - YEARS_OF_HISTORY, start_month).start
    values, targets = values_and_targets(
        indicator_ids=chosen.values("pk"),
        earliest=earliest,
        period=period,
        start_month=start_month,
        approved_only=True,
    )
    today = clock.today()
    rows = []
    for indicator in rows_indicators:
        state, own = status_from_values(
            indicator, values[indicator.pk], targets[indicator.pk], period, start_month, today
        )
        if status and state.state.value != status:
            continue
        rows.append(ListRow(indicator, state, own, priorities.get(indicator.pk, ())))
    return sorted(rows, key=_sort_key(sort))


def _sort_key(sort: str):
    if sort == "code":
        return lambda row: row.indicator.code
    if sort == "title":
        return lambda row: (row.indicator.title.lower(), row.indicator.code)
    if sort == "directorate":
        return lambda row: (row.indicator.directorate.name, row.indicator.code)
    if sort == "updated":
        return lambda row: (
            -(row.status.last_updated.start.toordinal() if row.status.last_updated else 0),
            row.indicator.code,
        )
    return lambda row: (STATUS_ORDER.index(row.status.state), row.indicator.code)


def priority_options(priorities: dict[int, tuple[Priority, ...]]) -> list[Priority]:
    """The priorities found, in their plan's order, once each."""
    unique = {p.pk: p for found in priorities.values() for p in found}
    return sorted(unique.values(), key=lambda p: (p.plan_id, p.order, p.title))
