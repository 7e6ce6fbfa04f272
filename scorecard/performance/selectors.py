"""Reads for the performance app.

`scorecard_rows` gives every indicator of a scorecard with its status for a period in a fixed
number of SQL queries, whatever the number of indicators: the version live in that period, its
entries with their indicators, and the values and targets of the years the status engine looks
at, fetched in one query each and rated in Python by the pure status engine.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from django.db.models import Prefetch, Q, QuerySet

from scorecard.core.aggregation import Reading
from scorecard.core.direction import Direction
from scorecard.core.figures import figure
from scorecard.core.periods import Period, parse
from scorecard.core.polarity import to_decimal
from scorecard.core.status import History, ManualRating, Status, evaluate, rated_against
from scorecard.core.status_rules import Against
from scorecard.core.status_rules import Rating as CoreRating
from scorecard.organisation import clock
from scorecard.organisation.models import User

from .choices import Aggregation, PeriodState, Rating, WorkflowState
from .engine import (
    financial_year_start_month,
    history_parts,
    manual_for,
    profile_for,
    reading_for,
    reporting_quarter,
    schedule_for,
    targets_by_period,
)
from .models import (
    CorporatePlan,
    Indicator,
    Measurement,
    Priority,
    ReportingPeriod,
    Scorecard,
    ScorecardEntry,
    ScorecardVersion,
    Target,
)

# The status engine looks back at most this many years (carried ratings of annual indicators,
# two-yearly comparisons); values older than that are not fetched.
YEARS_OF_HISTORY = 5


class StoredValue(NamedTuple):
    """One value as the status engine, the trend and the XmR chart read it: a plain tuple, since
    a scorecard reads hundreds of thousands of them and model instances cost ten times more."""

    indicator_id: int
    id: int
    period: str
    period_start: dt.date
    value: Decimal | None
    numerator: Decimal | None
    denominator: Decimal | None
    manual_rating: str
    manual_reason: str
    state: str


class MeasurementNotes(NamedTuple):
    """What a line shows beside its value: the commentary and where the figure stands."""

    commentary: str
    improvement_actions: str
    data_quality: str
    version: int
    commentary_is_internal: bool = False


@dataclass(frozen=True)
class ScorecardRow:
    indicator: Indicator
    priority: Priority | None
    status: Status
    measurement: StoredValue | None  # the value recorded for the period itself, if any
    values: list[StoredValue] = field(default_factory=list)  # the values rated, oldest first

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


def values_and_targets(
    *, indicator_ids, earliest: dt.date, period: Period, start_month: int, approved_only: bool
) -> tuple[dict[int, list[StoredValue]], dict[int, dict[Period, Decimal]]]:
    """The values and targets of these indicators (a subquery of ids) from `earliest` to the end
    of `period`, by indicator, oldest first (two queries)."""
    measurements = Measurement.objects.filter(
        indicator_id__in=indicator_ids, period_start__gte=earliest, period_start__lte=period.end
    )
    if approved_only:
        measurements = measurements.filter(state=WorkflowState.APPROVED)
    values: dict[int, list[StoredValue]] = defaultdict(list)
    # Each indicator's values in the model's order (period start, then period), as tuples.
    for row in measurements.order_by("indicator_id", "period_start", "period").values_list(
        *StoredValue._fields
    ):
        values[row[0]].append(StoredValue._make(row))
    targets: dict[int, dict[Period, Decimal]] = defaultdict(dict)
    for indicator_id, key, value in (
        Target.objects.filter(
            indicator_id__in=indicator_ids, period_start__gte=earliest, period_start__lte=period.end
        )
        .order_by("indicator_id", "period_start", "period")
        .values_list("indicator_id", "period", "value")
    ):
        targets[indicator_id][parse(key, start_month)] = value
    return values, targets


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
    entries = (
        ScorecardEntry.objects.filter(version=version)
        .select_related(
            "indicator__directorate", "indicator__portfolio", "indicator__owner", "priority"
        )
        .order_by("priority__order", "order", "indicator__code")
    )
    if indicators is not None:
        entries = entries.filter(indicator__in=indicators)
    values, targets = values_and_targets(
        indicator_ids=entries.values("indicator_id"),
        earliest=earliest,
        period=period,
        start_month=start_month,
        approved_only=approved_only,
    )
    return [
        _row(
            entry,
            values[entry.indicator_id],
            targets[entry.indicator_id],
            period,
            start_month,
            today,
        )
        for entry in entries
    ]


def _row(
    entry: ScorecardEntry,
    values: list[StoredValue],
    targets: dict[Period, Decimal],
    period: Period,
    start_month: int,
    today,
) -> ScorecardRow:
    indicator = entry.indicator
    status, own = status_from_values(indicator, values, targets, period, start_month, today)
    return ScorecardRow(
        indicator=indicator, priority=entry.priority, status=status, measurement=own, values=values
    )


def status_from_values(
    indicator: Indicator,
    values: list[StoredValue],
    targets: dict[Period, Decimal],
    period: Period,
    start_month: int,
    today,
) -> tuple[Status, StoredValue | None]:
    """The indicator's status for `period` from its values and targets (no query), and the
    value recorded for the period itself, if any."""
    readings, manual, own = {}, {}, None
    for m in values:
        key = parse(m.period, start_month)
        readings[key] = reading_for(m)
        if (rating := manual_for(m)) is not None:
            manual[key] = rating
        if key == period:
            own = m
    status = evaluate(
        profile_for(indicator), period, History(readings, targets, manual), today=today
    )
    return status, own


NOTES_BATCH = 10_000  # ids per query: SQLite takes at most 32,766 bound parameters


def measurement_notes(ids: list[int]) -> dict[int, MeasurementNotes]:
    """The commentary, improvement actions, data quality and version of these values (one
    query per 10,000): read apart from the values themselves, for the values a page shows."""
    notes = {}
    for start in range(0, len(ids), NOTES_BATCH):
        rows = Measurement.objects.filter(pk__in=ids[start : start + NOTES_BATCH])
        for pk, *rest in rows.values_list("pk", *MeasurementNotes._fields):
            notes[pk] = MeasurementNotes(*rest)
    return notes


def scorecard_counts(rows: list[ScorecardRow]) -> dict[str, int]:
    """How many rows are in each state (green, amber, red, not due...)."""
    counts: dict[str, int] = defaultdict(int)
    for row in rows:
        counts[row.status.state.value] += 1
    return dict(counts)


# --- the quarterly cycle: periods, updates due, the status a value would get -----------------------


def reporting_periods_list() -> QuerySet[ReportingPeriod]:
    return ReportingPeriod.objects.select_related("changed_by")


def reporting_period_current() -> ReportingPeriod | None:
    """The latest quarter open for updates, if any."""
    return ReportingPeriod.objects.filter(state=PeriodState.OPEN).order_by("-period_start").first()


def reporting_period_states() -> dict[str, str]:
    """Each recorded quarter's state ("open" or "locked") by its key, in one query."""
    return dict(ReportingPeriod.objects.values_list("period", "state"))


def reporting_period_locked(period: Period) -> bool:
    return ReportingPeriod.objects.filter(
        period=period.quarter_of().key if period.kind != "year" else period.key,
        state=PeriodState.LOCKED,
    ).exists()


UPDATE_STATES = {
    "missing": "Not started",
    WorkflowState.DRAFT: "Draft, not submitted",
    WorkflowState.RETURNED: "Returned for changes",
    WorkflowState.SUBMITTED: "Submitted for approval",
    WorkflowState.APPROVED: "Approved",
}


@dataclass(frozen=True)
class DueUpdate:
    """One value an updater owes for a quarter: its indicator, period, where it stands, deadline."""

    indicator: Indicator
    period: Period
    measurement: Measurement | None
    deadline: dt.date
    today: dt.date

    @property
    def state(self) -> str:
        return self.measurement.state if self.measurement else "missing"

    @property
    def state_label(self) -> str:
        return UPDATE_STATES[self.state]

    @property
    def outstanding(self) -> bool:
        """Still needs the updater: not yet submitted or approved."""
        return self.state in {"missing", WorkflowState.DRAFT, WorkflowState.RETURNED}

    @property
    def overdue(self) -> bool:
        return self.outstanding and self.today > self.deadline


def updates_due(
    *, indicators: QuerySet[Indicator], quarter: Period, today: dt.date | None = None
) -> list[DueUpdate]:
    """Every value due in `quarter` from `indicators` (already narrowed by access), in two
    queries: the indicators with their owner, then their values of the quarter's year."""
    today = today or clock.today()
    year = quarter.year_of()
    window = Measurement.objects.filter(
        period_start__gte=year.start, period_start__lte=quarter.end
    ).select_related("entered_by", "reviewed_by")
    rows = (
        indicators.filter(is_retired=False)
        .select_related("directorate", "owner")
        .prefetch_related(Prefetch("measurements", queryset=window, to_attr="window"))
        .order_by("code")
    )
    due = []
    for indicator in rows:
        schedule = schedule_for(indicator)
        if not schedule.is_due(quarter):
            continue
        values = {m.period: m for m in indicator.window}
        for stored in schedule.stored_periods(quarter):
            due.append(
                DueUpdate(
                    indicator=indicator,
                    period=stored,
                    measurement=values.get(stored.key),
                    deadline=schedule.deadline(quarter),
                    today=today,
                )
            )
    return due


def updates_due_by_person(
    *, quarter: Period, today: dt.date | None = None
) -> dict[object, list[DueUpdate]]:
    """Outstanding values of `quarter` for each person who must key them in: the indicator's
    updaters, or its owner when it has none (three queries)."""
    indicators = Indicator.objects.prefetch_related("updaters")
    people: dict[object, list[DueUpdate]] = defaultdict(list)
    for update in updates_due(indicators=indicators, quarter=quarter, today=today):
        if not update.outstanding:
            continue
        for person in list(update.indicator.updaters.all()) or [update.indicator.owner]:
            if person is not None and person.is_active and person.email:
                people[person].append(update)
    return dict(people)


def approvals_queue(
    *,
    measurements: QuerySet[Measurement],
    own_of: User | None = None,
    own: bool = False,
    locked: Q | None = None,
) -> QuerySet[Measurement]:
    """Submitted values waiting for a decision, oldest first (one query). With `own_of`, only
    the values that person did not enter or submit, or (`own`) only those they did: the ones
    waiting for someone else to approve."""
    queue = (
        measurements.filter(state=WorkflowState.SUBMITTED)
        # Never approvable now (locked_before_approval); `locked`: in_locked_quarters() already read.
        .exclude(in_locked_quarters() if locked is None else locked)
        .select_related("indicator__directorate", "indicator__owner", "entered_by", "submitted_by")
        .order_by("submitted_at", "entered_at", "pk")
    )
    if own_of is None:
        return queue
    theirs = Q(entered_by=own_of) | Q(submitted_by=own_of)
    return queue.filter(theirs) if own else queue.exclude(theirs)


def in_locked_quarters() -> Q:
    """Values whose reporting quarter (engine.reporting_quarter) is locked, as a filter: a month
    or quarter inside a locked quarter, or a year's result due in one (one query)."""
    start_month = financial_year_start_month()
    condition = Q(pk__in=[])
    locked = ReportingPeriod.objects.filter(state=PeriodState.LOCKED)
    for key in locked.values_list("period", flat=True):
        quarter = parse(key, start_month)
        year = quarter.year_of().key
        condition |= Q(period_start__range=(quarter.start, quarter.end)) & ~Q(period=year)
        condition |= Q(period=year, indicator__due_quarter=quarter.number)
    return condition


def locked_before_approval(
    measurements: QuerySet[Measurement], locked: Q | None = None
) -> QuerySet[Measurement]:
    """Values still submitted when their quarter was locked: the lock reported them as gaps,
    they were not published, and nobody can approve them now (a published figure is corrected
    by restating it)."""
    return (
        measurements.filter(state=WorkflowState.SUBMITTED)
        .filter(in_locked_quarters() if locked is None else locked)
        .select_related("indicator")
        .order_by("period_start", "indicator__code")
    )


def _history_for(indicator: Indicator, start_month: int) -> tuple[dict, dict, dict]:
    approved = indicator.measurements.filter(state=WorkflowState.APPROVED)
    readings, manual = history_parts(approved, start_month)
    return readings, manual, targets_by_period(indicator, start_month)


def measurement_status_preview(
    *,
    indicator: Indicator,
    period: Period,
    value=None,
    numerator=None,
    denominator=None,
    manual_rating: str = "",
    manual_reason: str = "",
    today: dt.date | None = None,
) -> Status | None:
    """The status `period` would get if this value were approved (None while it is not a number).

    Two queries: the indicator's approved values and its targets.
    """
    start_month = financial_year_start_month()
    try:
        number, top, bottom = (
            None if x in (None, "") else to_decimal(x, "value")
            for x in (value, numerator, denominator)
        )
    except ValueError:
        return None
    if indicator.aggregation == Aggregation.RATIO:
        if top is None or not bottom:
            return None
        number = top * indicator.ratio_scale / bottom
    if number is None and not manual_rating:
        return None
    readings, manual, targets = _history_for(indicator, start_month)
    readings[period] = Reading(number, top, bottom)
    manual.pop(period, None)
    if manual_rating in Rating.values and manual_reason.strip():
        manual[period] = ManualRating(CoreRating(manual_rating), manual_reason)
    try:
        return evaluate(
            profile_for(indicator), period, History(readings, targets, manual), today=today
        )
    except (ValueError, ArithmeticError):
        return None


def stored_value_status(measurement: Measurement) -> Status | None:
    """The status a stored value would give its indicator (for a reviewer, or a rule at submit)."""
    return measurement_status_preview(
        indicator=measurement.indicator,
        period=parse(measurement.period, financial_year_start_month()),
        value=measurement.value,
        numerator=measurement.numerator,
        denominator=measurement.denominator,
        manual_rating=measurement.manual_rating,
        manual_reason=measurement.manual_reason,
    )


def indicator_status_history(
    *, indicator: Indicator, quarters: int = 8, today: dt.date | None = None
) -> list[Status]:
    """The indicator's status in each of `quarters` quarters, newest first, from its latest
    approved value or the quarter open for updates (three queries)."""
    start_month = financial_year_start_month()
    today = today or clock.today()
    readings, manual, targets = _history_for(indicator, start_month)
    history = History(readings, targets, manual)
    profile = profile_for(indicator)
    # From the latest quarter with an approved value, or the quarter open for updates if later.
    candidates = [reporting_quarter(indicator, key) for key in readings]
    if (open_period := reporting_period_current()) is not None:
        candidates.append(parse(open_period.period, start_month))
    quarter = max(
        candidates,
        key=lambda p: p.start,
        default=Period.containing(today, "quarter", start_month).previous(),
    )
    statuses = []
    for _ in range(quarters):
        statuses.append(evaluate(profile, quarter, history, today=today))
        quarter = quarter.previous()
    return statuses


def indicator_values(*, measurements: QuerySet[Measurement]) -> list[Measurement]:
    """The values of one indicator that the person may read (`measurement_access`), newest
    first, with who entered and reviewed them."""
    return list(
        measurements.select_related(
            "indicator", "entered_by", "submitted_by", "reviewed_by"
        ).order_by("-period_start", "-period")
    )


def indicator_trend(
    *, indicator: Indicator, values: list[Measurement]
) -> list[tuple[str, object, object]]:
    """(period label, approved value, target) in time order, for the trend chart and its table.

    A period without its own target uses its year's target.
    """
    start_month = financial_year_start_month()
    targets = {t.period: t.value for t in indicator.targets.all()}
    rows = []
    for m in sorted(values, key=lambda m: (m.period_start, m.period)):
        if m.state != WorkflowState.APPROVED or m.value is None:
            continue
        period = parse(m.period, start_month)
        target = targets.get(period.key, targets.get(period.year_of().key))
        rows.append((period.short_label, m.value, target))
    return rows


def indicators_filtered(
    *,
    indicators: QuerySet[Indicator],
    query: str = "",
    directorate: str = "",
    frequency: str = "",
    owner: object = None,
    sort: str = "code",
) -> QuerySet[Indicator]:
    """The indicator list with the filters and sort order a person chose (one query)."""
    rows = indicators.filter(is_retired=False).select_related("directorate", "owner")
    if query:
        rows = rows.filter(Q(code__icontains=query) | Q(title__icontains=query))
    if directorate:
        rows = rows.filter(directorate__code=directorate)
    if frequency:
        rows = rows.filter(frequency=frequency)
    if owner is not None:
        rows = rows.filter(owner=owner)
    order = INDICATOR_SORTS.get(sort, INDICATOR_SORTS["code"])
    return rows.order_by(*order)


INDICATOR_SORTS = {
    "code": ["code"],
    "title": ["title", "code"],
    "directorate": ["directorate__name", "code"],
}


# --- restatements ------------------------------------------------------------------------------------


def locked_quarters() -> set[str]:
    """The keys of the locked quarters (one query)."""
    return set(
        ReportingPeriod.objects.filter(state=PeriodState.LOCKED).values_list("period", flat=True)
    )


def measurement_is_locked(
    measurement: Measurement, locked: set[str] | None = None, start_month: int | None = None
) -> bool:
    """Whether the quarter the value is reported in is locked. Pass `locked` and `start_month`
    when checking many values, so that they are read once."""
    locked = locked_quarters() if locked is None else locked
    start_month = start_month or financial_year_start_month()
    quarter = reporting_quarter(measurement.indicator, parse(measurement.period, start_month))
    return quarter.key in locked


@dataclass(frozen=True)
class Restatement:
    period: str
    old_value: object
    new_value: object
    reason: str
    by: object
    at: dt.datetime


def indicator_restatements(*, indicator: Indicator) -> list[Restatement]:
    """Each restatement of the indicator's values, newest first: the value before and after, who,
    when and why, read from the values' history (one query)."""
    records = (
        Measurement.history.filter(indicator_id=indicator.pk)
        .select_related("restated_by")
        .order_by("id", "history_date", "history_id")
    )
    previous: dict[int, tuple] = {}
    found = []
    for record in records:
        before = previous.get(record.id)
        if record.restated_at and (before is None or before[1] != record.restated_at):
            found.append(
                Restatement(
                    period=record.period,
                    old_value=before[0] if before else None,
                    new_value=record.value,
                    reason=record.restatement_reason,
                    by=record.restated_by,
                    at=record.restated_at,
                )
            )
        previous[record.id] = (record.value, record.restated_at)
    return sorted(found, key=lambda r: r.at, reverse=True)


# --- settings: Corporate Plans and scorecard versions ---------------------------------------------


def corporate_plans_list() -> QuerySet[CorporatePlan]:
    """Every plan, newest first, with its priorities (two queries)."""
    return CorporatePlan.objects.prefetch_related(
        Prefetch("priorities", queryset=Priority.objects.order_by("order", "title"))
    )


def corporate_plan_get(pk: int) -> CorporatePlan | None:
    return CorporatePlan.objects.filter(pk=pk).first()


def priority_get(pk: int) -> Priority | None:
    return Priority.objects.select_related("plan").filter(pk=pk).first()


def priorities_in_use() -> QuerySet[Priority]:
    """The priorities of the plans in use, for choosing where an indicator sits."""
    return Priority.objects.filter(is_archived=False, plan__is_archived=False).select_related(
        "plan"
    )


def scorecard_get(pk: int) -> Scorecard | None:
    return Scorecard.objects.select_related("directorate").filter(pk=pk).first()


def scorecard_versions(*, scorecard: Scorecard) -> list[ScorecardVersion]:
    """The versions of a scorecard, newest first, each with its entries (two queries)."""
    return list(
        scorecard.versions.select_related("corporate_plan")
        .prefetch_related(
            Prefetch(
                "entries",
                queryset=ScorecardEntry.objects.select_related("indicator", "priority").order_by(
                    "priority__order", "order", "indicator__code"
                ),
            )
        )
        .order_by("-live_from_start")
    )


def indicators_not_on(*, version: ScorecardVersion | None) -> QuerySet[Indicator]:
    """Indicators in use that a refresh could add to the scorecard."""
    indicators = Indicator.objects.filter(is_retired=False).order_by("code")
    if version is None:
        return indicators
    return indicators.exclude(entries__version=version)


def status_rated_against(indicator: Indicator, status: Status) -> str:
    """What a status's colour was measured against, as the indicator prints its figures: "against
    a target of 50.0%", "against a green threshold of 90.0% (amber 85.0%)", "rated by hand: ..."
    ("" when not rated). No query."""
    profile = profile_for(indicator)
    return rated_against(
        status,
        profile.rule,
        profile.polarity,
        show=lambda value: figure(value, indicator.decimals, indicator.unit),
    )
