"""Reads for the reporting app: the content of a quarter's report, live or from its snapshot.

`report_data` is the one entry point. For a published quarter it reads the snapshot rows (four
queries); for any other quarter it builds the same rows, unsaved, from the performance and
risks apps as they stood at the end of the quarter (a fixed number of queries, whatever the
number of indicators and risks). Both dashboards, the appendix pack, the cover report and the
`scorecard report` command render from it.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q, QuerySet

from scorecard.core.periods import Period, PeriodError, parse
from scorecard.core.scoring import movement
from scorecard.core.status import State
from scorecard.core.status_rules import Against
from scorecard.organisation.models import Directorate, OrganisationSettings
from scorecard.organisation.selectors import user_is_administrator
from scorecard.performance.choices import PeriodState, ScorecardTier, WorkflowState
from scorecard.performance.engine import financial_year_start_month, schedule_for
from scorecard.performance.models import (
    Indicator,
    Measurement,
    Priority,
    ReportingPeriod,
    Scorecard,
    ScorecardEntry,
    ScorecardVersion,
    Target,
)
from scorecard.performance.selectors import scorecard_rows, scorecard_version_live
from scorecard.performance.spc import spc_data
from scorecard.risks.choices import ACTION_STATUSES_OPEN, EscalationDirection, EscalationStatus
from scorecard.risks.models import (
    Action,
    Assessment,
    Escalation,
    MatrixBand,
    MatrixCell,
    MatrixLevel,
    Register,
    Risk,
    RiskArea,
    RiskMatrix,
)
from scorecard.risks.selectors import NoCurrentMatrix, risk_matrix_current

from .kept import Source, kept_lines
from .models import AreaSnapshot, IndicatorSnapshot, ReportWording, RiskSnapshot, Snapshot

UPDATED_STATES = {State.GREEN, State.AMBER, State.RED, State.DATA_ONLY, State.NO_TARGET}
TREND_LENGTH = 8


# --- access -----------------------------------------------------------------------------------


def user_can_read_reports(user) -> bool:
    """Every signed-in person reads published reports and the dashboards."""
    return bool(user.is_authenticated)


def user_can_read_report(user, data: "ReportData") -> bool:
    """Published reports are for every signed-in reader; drafts for administrators."""
    return user_can_read_reports(user) and (data.is_published or user_is_administrator(user))


def user_can_publish(user) -> bool:
    """Only administrators (the performance and risk team) lock and publish a quarter."""
    return user_is_administrator(user)


# --- periods ----------------------------------------------------------------------------------


def period_parse(text: str | None) -> Period | None:
    """A quarter key from a URL or command line, or None when it names no quarter."""
    if not text:
        return None
    try:
        period = parse(text, financial_year_start_month())
    except PeriodError:
        return None
    return period if period.kind == "quarter" else None


@dataclass(frozen=True)
class PeriodEntry:
    period: Period
    state: str  # open, locked, published
    snapshot: Snapshot | None


def periods_list() -> list[PeriodEntry]:
    """Every reporting quarter, latest first, with whether it is open, locked or published."""
    start_month = financial_year_start_month()
    snapshots = {s.period: s for s in Snapshot.objects.select_related("published_by")}
    entries = []
    for row in ReportingPeriod.objects.order_by("-period_start"):
        snapshot = snapshots.get(row.period)
        state = "published" if snapshot else row.state
        entries.append(PeriodEntry(parse(row.period, start_month), state, snapshot))
    return entries


def period_default() -> Period | None:
    """The latest published quarter, else the latest quarter on record."""
    snapshot = Snapshot.objects.order_by("-period_start").first()
    if snapshot is not None:
        return parse(snapshot.period, financial_year_start_month())
    latest = ReportingPeriod.objects.order_by("-period_start").first()
    return parse(latest.period, financial_year_start_month()) if latest else None


def snapshot_get(period: Period) -> Snapshot | None:
    return Snapshot.objects.filter(period=period.key).select_related("published_by").first()


def period_is_locked(period: Period) -> bool:
    return ReportingPeriod.objects.filter(period=period.key, state=PeriodState.LOCKED).exists()


def corporate_scorecard() -> Scorecard | None:
    return (
        Scorecard.objects.filter(tier=ScorecardTier.CORPORATE, is_archived=False)
        .order_by("pk")
        .first()
    )


# --- the report's content ---------------------------------------------------------------------


@dataclass(frozen=True)
class Restatement:
    code: str
    title: str
    period: str
    published_value: object
    current_value: object
    data_quality: str


@dataclass
class ReportData:
    period: Period
    snapshot: Snapshot | None
    scorecard_name: str
    scorecard_version: str
    corporate_plan: str
    refreshed_this_period: bool
    indicators: list[IndicatorSnapshot]
    risks: list[RiskSnapshot]  # open at the end of the quarter, and those closed in it
    areas: list[AreaSnapshot]
    matrix: dict
    restatements: list[Restatement] = field(default_factory=list)

    @property
    def is_published(self) -> bool:
        return self.snapshot is not None


def report_data(
    period: Period,
    *,
    live: bool = False,
    performance: bool = True,
    risks: bool = True,
    keep: bool = False,
) -> ReportData:
    """The report of `period`: from its snapshot once published (unless `live`), else live.
    A dashboard that shows only one half asks for it (`performance` or `risks`). With `keep`
    (the dashboards), live lines are kept between requests and shared: read them only."""
    snapshot = None if live else snapshot_get(period)
    if snapshot is not None:
        return _from_snapshot(period, snapshot, performance=performance, risks=risks)
    scorecard = corporate_scorecard()
    if scorecard is None:
        return ReportData(period, None, "No scorecard yet", "", "", False, [], [], [], {})
    return _live(period, scorecard, performance=performance, risks=risks, keep=keep)


def _from_snapshot(
    period: Period, snapshot: Snapshot, *, performance: bool, risks: bool
) -> ReportData:
    indicators = list(snapshot.indicators.all()) if performance else []
    return ReportData(
        period=period,
        snapshot=snapshot,
        scorecard_name=snapshot.scorecard.name,
        scorecard_version=snapshot.scorecard_version,
        corporate_plan=snapshot.corporate_plan,
        refreshed_this_period=snapshot.refreshed_this_period,
        indicators=indicators,
        risks=list(snapshot.risks.all()) if risks else [],
        areas=list(snapshot.areas.all()) if risks else [],
        matrix=snapshot.matrix,
        restatements=_restatements(snapshot, indicators) if performance else [],
    )


def _restatements(snapshot: Snapshot, indicators: list[IndicatorSnapshot]) -> list[Restatement]:
    """Values changed since publication (a correction is a restatement, never an overwrite).

    One query: the approved values the snapshot showed whose version has moved on since.
    """
    published = {(line.indicator_id, line.stored_period): line for line in indicators}
    moved_on = IndicatorSnapshot.objects.filter(
        snapshot=snapshot,
        indicator=OuterRef("indicator"),
        stored_period=OuterRef("period"),
        measurement_version__isnull=False,
    ).exclude(measurement_version=OuterRef("version"))
    current = Measurement.objects.filter(
        Exists(moved_on),
        state=WorkflowState.APPROVED,
        period_start__lte=snapshot.period_start + dt.timedelta(days=92),
    ).only("indicator_id", "period", "value", "version", "data_quality")
    found = []
    for m in current:
        line = published.get((m.indicator_id, m.period))
        if line is None or line.measurement_version in (None, m.version):
            continue
        if m.value == line.value and m.data_quality != "restated":
            continue
        found.append(
            Restatement(line.code, line.title, m.period, line.value, m.value, m.data_quality)
        )
    return sorted(found, key=lambda r: r.code)


def _live(
    period: Period, scorecard: Scorecard, *, performance: bool, risks: bool, keep: bool = False
) -> ReportData:
    version = scorecard_version_live(scorecard=scorecard, period=period)
    if not performance:
        indicators = []
    elif keep:
        indicators = indicator_lines_kept(scorecard=scorecard, period=period)
    else:
        indicators = indicator_lines(scorecard=scorecard, period=period)
    try:
        matrix = risk_matrix_current() if risks else None
    except NoCurrentMatrix:
        matrix = None
    return ReportData(
        period=period,
        snapshot=None,
        scorecard_name=scorecard.name,
        scorecard_version=f"Version {version.number}, live from {version.live_from}"
        if version
        else "",
        corporate_plan=str(version.corporate_plan or "") if version else "",
        refreshed_this_period=bool(
            version and version.number > 1 and version.live_from == period.key
        ),
        indicators=indicators,
        risks=(risk_lines_kept if keep else risk_lines)(period=period, matrix=matrix)
        if matrix
        else [],
        areas=area_lines() if matrix else [],
        matrix=matrix_data(matrix) if matrix else {},
    )


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


def indicator_lines(
    *, scorecard: Scorecard, period: Period, indicators: QuerySet[Indicator] | None = None
) -> list[IndicatorSnapshot]:
    """Every indicator of the scorecard with its status for `period`, as unsaved snapshot rows
    (the five queries of scorecard_rows; one more for the order when only some are asked for)."""
    lines = []
    rows = scorecard_rows(scorecard=scorecard, period=period, indicators=indicators)
    orders = None
    if indicators is not None and rows:
        version = scorecard_version_live(scorecard=scorecard, period=period)
        ids = ScorecardEntry.objects.filter(version=version).order_by(
            "priority__order", "order", "indicator__code"
        )
        orders = {pk: n for n, pk in enumerate(ids.values_list("indicator_id", flat=True), 1)}
    for order, row in enumerate(rows, start=1):
        if orders is not None:
            order = orders[row.indicator.pk]
        indicator, status = row.indicator, row.status
        stored = {m.period: m for m in indicator.recent_measurements}
        shown = status.last_updated
        measurement = stored.get(shown.key) if shown else None
        kind = schedule_for(indicator).stored_kind
        trend = [
            [m.period, str(m.value)]
            for m in sorted(indicator.recent_measurements, key=lambda m: m.period_start)
            if m.value is not None and _kind(m.period) == kind and m.period_start <= period.end
        ][-TREND_LENGTH:]
        lines.append(
            IndicatorSnapshot(
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
                direction=status.direction(Against.PREVIOUS_PERIOD).value,
                direction_last_year=status.direction(Against.SAME_PERIOD_LAST_YEAR).value,
                last_updated=shown.key if shown else "",
                next_due=status.next_due.key if status.next_due else "",
                updated_this_period=status.state in UPDATED_STATES,
                commentary=measurement.commentary if measurement else "",
                improvement_actions=measurement.improvement_actions if measurement else "",
                data_quality=measurement.data_quality if measurement else "",
                stored_period=shown.key if shown else "",
                measurement_version=measurement.version if measurement else None,
                trend=trend,
                spc=spc_data(
                    indicator,
                    indicator.recent_measurements,
                    until=period,
                    target=status.target,
                    start_month=period.start_month,
                ),
            )
        )
    return lines


def _kind(key: str) -> str:
    return "month" if "-M" in key else "quarter" if "-Q" in key else "year"


def matrix_data(matrix) -> dict:
    return {
        "likelihood": [level.label for level in matrix.likelihood],
        "impact": [level.label for level in matrix.impact],
        "bands": {
            b.key: {"label": b.label, "colour": b.colour, "severity": b.severity}
            for b in matrix.bands
        },
        "cells": {f"{lk}-{im}": key for (lk, im), key in matrix.cells.items()},
    }


def risks_for_period(period: Period, risks: QuerySet[Risk] | None = None) -> QuerySet[Risk]:
    """Risks on record at the end of the quarter: not closed before it started."""
    base = Risk.objects.all() if risks is None else risks
    return base.filter(identified_on__lte=period.end).exclude(closed_on__lt=period.start)


# What a live risk line is built from: the risk, its reviews, escalations and actions, and the
# shape of the register (registers, areas, directorates, the matrix).
RISK_SOURCES = [
    Source(Assessment, "risk_id"),
    Source(Escalation, "risk_id"),
    Source(Action, "risk_id"),
    Source(Risk, "id"),
    Source(Register),
    Source(RiskArea),
    Source(Directorate),
    Source(RiskMatrix),
    Source(MatrixLevel),
    Source(MatrixBand),
    Source(MatrixCell),
]


def risk_lines_kept(*, period: Period, matrix) -> list[RiskSnapshot]:
    """`risk_lines`, kept between requests and rebuilt only for risks changed since (see
    `kept`). The lines are shared: read them, never save or change them."""

    def build(condition):
        if condition is None:
            return {line.risk_id: line for line in risk_lines(period=period, matrix=matrix)}
        gone: set[int] = set()
        lines = risk_lines(
            period=period, matrix=matrix, risks=Risk.objects.filter(condition), gone=gone
        )
        return {**dict.fromkeys(gone), **{line.risk_id: line for line in lines}}

    return kept_lines(("risks", period.key), RISK_SOURCES, build)


def _on_record(risk: Risk, period: Period) -> bool:
    """As `risks_for_period`, for one risk already read."""
    return risk.identified_on <= period.end and not (
        risk.closed_on is not None and risk.closed_on < period.start
    )


def risk_lines(
    *,
    period: Period,
    matrix,
    risks: QuerySet[Risk] | None = None,
    gone: set[int] | None = None,
) -> list[RiskSnapshot]:
    """Every risk as it stood at the end of `period`, with movement since the quarter before, as
    unsaved snapshot rows. Four queries whatever the number of risks: the risks, their
    assessments up to the end of the quarter, accepted escalations, and open actions of risks
    in an area. `gone`, when given, receives the ids of `risks` not on record in the quarter."""
    previous_end = period.previous().end
    on_record = risks_for_period(period, risks)
    asked = on_record if gone is None or risks is None else risks
    rows = list(
        asked.select_related("owner", "register__directorate", "area").order_by("reference")
    )
    if gone is not None:
        gone.update(risk.pk for risk in rows if not _on_record(risk, period))
        rows = [risk for risk in rows if _on_record(risk, period)]
    latest, before = {}, {}
    for a in Assessment.objects.filter(risk__in=on_record, assessed_on__lte=period.end).order_by(
        "assessed_on", "pk"
    ):
        latest[a.risk_id] = a
        if a.assessed_on <= previous_end:
            before[a.risk_id] = a
    escalated_to, escalated_now = {}, set()
    for e in (
        Escalation.objects.filter(
            risk__in=on_record, status=EscalationStatus.ACCEPTED, decided_at__date__lte=period.end
        )
        .select_related("to_register")
        .order_by("decided_at", "pk")
    ):
        up = e.direction == EscalationDirection.UP
        escalated_to[e.risk_id] = e.to_register.name if up else None
        if e.decided_at.date() >= period.start and up:
            escalated_now.add(e.risk_id)
    actions = defaultdict(list)
    for action in (
        Action.objects.filter(risk__in=on_record.filter(area__isnull=False))
        .filter(Q(status__in=ACTION_STATUSES_OPEN) | Q(completed_on__gt=period.end))
        .select_related("owner")
        .order_by("due_on", "pk")
    ):
        actions[action.risk_id].append(
            {
                "description": action.description,
                "owner": action.owner.get_full_name() or action.owner.username,
                "due": (action.revised_due_on or action.due_on).isoformat(),
                "status": action.get_status_display(),
            }
        )
    lines = []
    for risk in rows:
        now = latest.get(risk.pk)
        lk, im = (
            (now.likelihood, now.impact) if now else (risk.current_likelihood, risk.current_impact)
        )
        band = matrix.band_for(lk, im)
        then = before.get(risk.pk)
        closed = risk.closed_on is not None and risk.closed_on <= period.end
        lines.append(
            RiskSnapshot(
                risk=risk,
                reference=risk.reference,
                title=risk.title,
                register=escalated_to.get(risk.pk) or risk.register.name,
                own_register=risk.register.name,
                directorate_code=risk.register.directorate.code
                if risk.register.directorate
                else "",
                owner=risk.owner.get_full_name() or risk.owner.username,
                category=risk.get_category_display(),
                likelihood=lk,
                impact=im,
                score=now.score if now else lk * im,
                band_key=now.band_key if now else band.key,
                band_label=now.band_label if now else band.label,
                band_colour=now.band_colour if now else band.colour,
                band_severity=band.severity,
                previous_likelihood=then.likelihood if then else None,
                previous_impact=then.impact if then else None,
                previous_score=then.score if then else None,
                movement=movement(then.score if then else None, now.score if now else lk * im),
                area=risk.area.name if risk.area else "",
                is_open=not closed,
                is_new=risk.identified_on >= period.start,
                escalated_this_period=risk.pk in escalated_now,
                is_confidential=risk.is_confidential,
                actions=actions.get(risk.pk, []),
            )
        )
    return lines


def area_lines() -> list[AreaSnapshot]:
    return [
        AreaSnapshot(
            name=area.name,
            owner=area.owner.get_full_name() or area.owner.username,
            description=area.description,
            mitigation_summary=area.mitigation_summary,
        )
        for area in RiskArea.objects.filter(is_archived=False).select_related("owner")
    ]


def report_wording_get() -> ReportWording | None:
    return ReportWording.objects.filter(key="cabinet-cover").first()
