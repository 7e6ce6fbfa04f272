"""Reads for the reporting app: the content of a quarter's report, live or from its snapshot.

`report_data` is the one entry point. For a published quarter it reads the snapshot rows (four
queries); for any other quarter it builds the same rows, unsaved, from the performance and
risks apps as they stood at the end of the quarter (a fixed number of queries, whatever the
number of indicators and risks). Both dashboards, the appendix pack, the cover report and the
`scorecard report` command render from it.
"""

import copy
import datetime as dt
import hashlib
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from scorecard.core.confidentiality import RiskVisibility
from scorecard.core.periods import Period, PeriodError, parse
from scorecard.organisation import clock
from scorecard.organisation.selectors import user_is_administrator
from scorecard.performance.access import user_has_any_role
from scorecard.performance.choices import PeriodState, ScorecardTier, WorkflowState
from scorecard.performance.engine import financial_year_start_month
from scorecard.performance.models import (
    Measurement,
    ReportingPeriod,
    Scorecard,
)
from scorecard.performance.selectors import scorecard_version_live
from scorecard.risks.access import risk_visibility
from scorecard.risks.selectors import NoCurrentMatrix, risk_matrix_current

from . import readiness
from .indicator_lines import indicator_lines, indicator_lines_kept
from .kept import Lines, derived
from .models import AreaSnapshot, IndicatorSnapshot, ReportWording, RiskSnapshot, Snapshot
from .risk_lines import area_lines, risk_lines, risk_lines_kept

# --- access -----------------------------------------------------------------------------------


def user_can_read_reports(user) -> bool:
    """Everyone with a role reads published reports and the dashboards (each sees the risks
    `risk_access` lets them see); signed in with no role, nothing."""
    return user_has_any_role(user)


def user_can_read_report(user, data: "ReportData") -> bool:
    """Published reports are for every reader with a role; drafts for administrators."""
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


# One name per state of a quarter, on every page that shows it.
PERIOD_STATE_LABELS = {
    "open": "Open for updates",
    "locked": "Locked, not published",
    "published": "Locked and published",
}


@dataclass(frozen=True)
class PeriodEntry:
    period: Period
    state: str  # open, locked, published
    snapshot: Snapshot | None

    @property
    def label(self) -> str:
        return PERIOD_STATE_LABELS[self.state]


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
    return (
        Snapshot.objects.filter(period=period.key)
        .select_related("published_by", "gaps_acknowledged_by")
        .first()
    )


def period_is_locked(period: Period) -> bool:
    return ReportingPeriod.objects.filter(period=period.key, state=PeriodState.LOCKED).exists()


NO_SCORECARD = "No scorecard yet"


def corporate_scorecard() -> Scorecard | None:
    return (
        Scorecard.objects.filter(tier=ScorecardTier.CORPORATE, is_archived=False)
        .order_by("pk")
        .first()
    )


# --- the report's content ---------------------------------------------------------------------


@dataclass(frozen=True)
class Restatement:
    """A value changed since publication: a dated note beside the published figure, which
    itself never changes."""

    code: str
    title: str
    period: str
    published_value: object
    current_value: object
    data_quality: str
    restated_on: dt.date | None = None  # the council's date of the latest restatement
    reason: str = ""


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
    has_scorecard: bool = True  # False for a council that keeps only a risk register

    @property
    def is_published(self) -> bool:
        return self.snapshot is not None

    @property
    def as_of(self) -> dt.date:
        """The day the report speaks for: its publication, else today (what is late by then)."""
        if self.snapshot is not None:
            return timezone.localdate(self.snapshot.published_at)
        return clock.today()


def report_data(
    period: Period,
    *,
    reader=None,
    live: bool = False,
    performance: bool = True,
    risks: bool = True,
    keep: bool = False,
    public: bool = False,
) -> ReportData:
    """The report of `period` for `reader`: from its snapshot once published (unless `live`),
    else live. `reader` is the person it is for, whose risks are those `risk_access` gives them
    (None: the public, no confidential risk; `EVERY_RISK` only to publish or measure).
    A dashboard that shows only one half asks for it (`performance` or `risks`). With `keep`
    (the dashboards and the documents, never publishing), live lines are kept between requests
    and shared: read them only. `public` (the public site and its documents) leaves out the
    commentary marked internal; signed-in readers, Cabinet among them, see it."""
    snapshot = None if live else snapshot_get(period)
    if snapshot is not None:
        data = _from_snapshot(period, snapshot, performance=performance, risks=risks)
    else:
        # A council (or a project team) may keep a risk register and no scorecard: its
        # report is the risks alone.
        scorecard = corporate_scorecard()
        data = _live(period, scorecard, performance=performance, risks=risks, keep=keep)
    if data.risks:
        visibility = reader if isinstance(reader, RiskVisibility) else risk_visibility(reader)
        data.risks = risks_visible(data.risks, visibility)
    if public:
        data.indicators = indicators_public(data.indicators)
    return data


def indicators_public(lines: list) -> list:
    """The lines as the public reads them: a commentary marked internal left out. The lines
    changed are copies, so a kept or stored line keeps its commentary."""
    return [line_public(line) for line in lines]


def line_public(line):
    if not line.commentary_is_internal or not line.commentary:
        return line
    shown = copy.copy(line)
    shown.commentary = ""
    return shown


def risks_visible(lines: list, visibility: RiskVisibility) -> list:
    """The report lines of the risks a reader may see. Kept lines are shared between people:
    the lines left for each set of hidden risks are kept with them (so are their counts), and
    only the confidential lines are looked at on each read."""
    if visibility.sees_all:
        return lines
    flagged = derived(lines, "confidential", lambda: [x for x in lines if x.is_confidential])
    by_risk = derived(lines, "by_risk", lambda: {x.risk_id: x for x in lines})
    candidates = {x.risk_id: x for x in flagged}
    candidates.update((pk, by_risk[pk]) for pk in visibility.confidential_now if pk in by_risk)
    hidden = visibility.hidden(candidates.values()) if visibility.sees_any else None
    if hidden == frozenset():
        return lines
    if hidden is None:
        return Lines()
    return derived(
        lines, ("visible", hidden), lambda: Lines(x for x in lines if x.risk_id not in hidden)
    )


def _from_snapshot(
    period: Period, snapshot: Snapshot, *, performance: bool, risks: bool
) -> ReportData:
    indicators = list(snapshot.indicators.all()) if performance else []
    return ReportData(
        period=period,
        snapshot=snapshot,
        scorecard_name=snapshot.scorecard.name if snapshot.scorecard else NO_SCORECARD,
        scorecard_version=snapshot.scorecard_version,
        corporate_plan=snapshot.corporate_plan,
        refreshed_this_period=snapshot.refreshed_this_period,
        indicators=indicators,
        risks=list(snapshot.risks.all()) if risks else [],
        areas=list(snapshot.areas.all()) if risks else [],
        matrix=snapshot.matrix,
        restatements=restatements_since(snapshot, indicators) if performance else [],
        has_scorecard=snapshot.scorecard_id is not None,
    )


def restatements_since(
    snapshot: Snapshot, indicators: list[IndicatorSnapshot]
) -> list[Restatement]:
    """Values changed since publication (a correction is a restatement, never an overwrite),
    each with the council's date of its restatement and the reason given.

    One query: the approved values the snapshot showed whose version has moved on since (of
    the one indicator when `indicators` is one line).
    """
    published = {(line.indicator_id, line.stored_period): line for line in indicators}
    current = _moved_on_since(snapshot)
    if len(indicators) == 1:
        current = current.filter(indicator_id=indicators[0].indicator_id)
    current = current.only(
        "indicator_id", "period", "value", "version", "data_quality", "restated_at",
        "restatement_reason",
    )  # fmt: skip
    found = []
    for m in current:
        line = published.get((m.indicator_id, m.period))
        if line is None or line.measurement_version in (None, m.version):
            continue
        if m.value == line.value and m.data_quality != "restated":
            continue
        found.append(
            Restatement(
                line.code,
                line.title,
                m.period,
                line.value,
                m.value,
                m.data_quality,
                restated_on=timezone.localdate(m.restated_at) if m.restated_at else None,
                reason=m.restatement_reason,
            )
        )
    return sorted(found, key=lambda r: r.code)


def _moved_on_since(snapshot: Snapshot) -> QuerySet[Measurement]:
    """The approved values the snapshot showed whose version has moved on since publication."""
    moved_on = IndicatorSnapshot.objects.filter(
        snapshot=snapshot,
        indicator=OuterRef("indicator"),
        stored_period=OuterRef("period"),
        measurement_version__isnull=False,
    ).exclude(measurement_version=OuterRef("version"))
    return Measurement.objects.filter(
        Exists(moved_on),
        state=WorkflowState.APPROVED,
        period_start__lte=snapshot.period_start + dt.timedelta(days=92),
    )


def published_version(snapshot: Snapshot) -> str:
    """What a published quarter's stored documents are made from: the snapshot, and the values
    restated since (their notes are printed in the pack), so a restatement builds them again."""
    moved = _moved_on_since(snapshot).order_by("pk").values_list("pk", "version")
    if not moved:
        return f"snapshot-{snapshot.pk}"
    mark = ",".join(f"{pk}:{version}" for pk, version in moved)
    return f"snapshot-{snapshot.pk}-{hashlib.sha256(mark.encode()).hexdigest()[:16]}"


def _live(
    period: Period,
    scorecard: Scorecard | None,
    *,
    performance: bool,
    risks: bool,
    keep: bool = False,
) -> ReportData:
    version = scorecard and scorecard_version_live(scorecard=scorecard, period=period)
    if not performance or scorecard is None:
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
        scorecard_name=scorecard.name if scorecard else NO_SCORECARD,
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
        has_scorecard=scorecard is not None,
    )


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


def report_wording_get() -> ReportWording | None:
    return ReportWording.objects.filter(key="cabinet-cover").first()


def quarter_readiness(*, period: Period, lines=()) -> readiness.QuarterReadiness:
    """Is the quarter ready to lock (see `readiness`)? Without a corporate scorecard, its risk
    reviews alone."""
    return readiness.quarter_readiness(scorecard=corporate_scorecard(), period=period, lines=lines)


def snapshot_latest() -> Snapshot | None:
    """The latest published quarter's snapshot, if any quarter is published."""
    return Snapshot.objects.order_by("-period_start").first()
