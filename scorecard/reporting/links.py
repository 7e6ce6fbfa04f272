"""Risks and the indicators they threaten, read from both sides (reporting may import both apps).

The link itself is `risks.IndicatorLink` (risk side, lazy foreign key to the indicator). This
module gives each page the other side's current position, through both access functions:

- the risk page: its linked indicators with their latest status and direction of travel;
- the indicator page: the risks behind it with score, band and movement since the last review;
- the report pack: each risk in the most serious band with its linked indicators.

Each read costs a fixed number of queries, whatever the number of links.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from types import SimpleNamespace

from scorecard.benchmarking.selectors import indicator_benchmarks
from scorecard.core.direction import DIRECTION_LABELS, Direction
from scorecard.core.periods import Period, parse
from scorecard.core.status import History, Status, evaluate
from scorecard.core.status_rules import Against
from scorecard.organisation import clock
from scorecard.organisation.selectors import organisation_settings_get
from scorecard.performance.access import indicator_access
from scorecard.performance.choices import WorkflowState
from scorecard.performance.engine import (
    manual_for,
    profile_for,
    reading_for,
    reporting_quarter,
)
from scorecard.performance.models import Indicator, Measurement, Target
from scorecard.performance.selectors import reporting_period_current
from scorecard.risks.access import risk_access
from scorecard.risks.models import IndicatorLink, Risk
from scorecard.risks.selectors import (
    NoCurrentMatrix,
    movement_of,
    risk_matrix_current,
    risks_ranked,
)

from .project_lines import project_snapshot_rows
from .summary import most_serious_band


@dataclass(frozen=True)
class LinkedIndicator:
    link_id: int
    indicator: Indicator
    note: str
    status: Status | None  # in the indicator's latest quarter; None with no value yet

    @property
    def direction(self) -> Direction:
        if self.status is None:
            return Direction.NOT_COMPARABLE
        return self.status.direction(Against.PREVIOUS_PERIOD)

    @property
    def direction_label(self) -> str:
        return DIRECTION_LABELS[self.direction]


@dataclass(frozen=True)
class LinkedRisk:
    risk: Risk  # from risks_ranked: score, band_key and assessment scores annotated
    band_label: str
    band_colour: str
    movement: str  # up, down, same or new


def latest_statuses(
    indicators: list[Indicator], *, today: dt.date | None = None
) -> dict[int, Status]:
    """Each indicator's status in its latest quarter (as on its page), in three queries."""
    if not indicators:
        return {}
    settings = organisation_settings_get()
    start_month = settings.financial_year_start_month
    today = today or clock.today(settings)
    ids = [i.pk for i in indicators]
    readings, manual, targets = defaultdict(dict), defaultdict(dict), defaultdict(dict)
    for m in Measurement.objects.filter(indicator_id__in=ids, state=WorkflowState.APPROVED):
        key = parse(m.period, start_month)
        readings[m.indicator_id][key] = reading_for(m)
        if (rating := manual_for(m)) is not None:
            manual[m.indicator_id][key] = rating
    for t in Target.objects.filter(indicator_id__in=ids):
        targets[t.indicator_id][parse(t.period, start_month)] = t.value
    open_period = reporting_period_current()
    result = {}
    for indicator in indicators:
        candidates = [reporting_quarter(indicator, key) for key in readings[indicator.pk]]
        if open_period is not None:
            candidates.append(parse(open_period.period, start_month))
        if not readings[indicator.pk]:
            continue
        quarter = max(
            candidates,
            key=lambda p: p.start,
            default=Period.containing(today, "quarter", start_month).previous(),
        )
        history = History(readings[indicator.pk], targets[indicator.pk], manual[indicator.pk])
        try:
            result[indicator.pk] = evaluate(profile_for(indicator), quarter, history, today=today)
        except (ValueError, ArithmeticError):
            continue
    return result


def indicators_for_risk(*, risk: Risk, user) -> list[LinkedIndicator]:
    """The indicators `risk` threatens that `user` may see, with status and direction."""
    links = list(
        IndicatorLink.objects.filter(
            risk=risk, is_archived=False, indicator__in=indicator_access(user)
        )
        .select_related("indicator__directorate")
        .order_by("indicator__code")
    )
    statuses = latest_statuses([link.indicator for link in links])
    return [
        LinkedIndicator(link.pk, link.indicator, link.note, statuses.get(link.indicator_id))
        for link in links
    ]


def risks_for_indicator(*, indicator: Indicator, user) -> list[LinkedRisk]:
    """The live risks behind `indicator` that `user` may see, most serious first."""
    try:
        matrix = risk_matrix_current()
    except NoCurrentMatrix:
        return []
    bands = {b.key: b for b in matrix.bands}
    linked = risk_access(user).filter(
        indicator_links__indicator=indicator, indicator_links__is_archived=False
    )
    result = []
    for risk in risks_ranked(risks=linked, matrix=matrix):
        band = bands.get(risk.band_key)
        result.append(
            LinkedRisk(
                risk=risk,
                band_label=band.label if band else "",
                band_colour=band.colour if band else "",
                movement=movement_of(risk),
            )
        )
    return result


@dataclass(frozen=True)
class PackRisk:
    risk: object  # a RiskSnapshot line (or the live equivalent) of the report
    indicators: list  # (code, title, status label, direction label) of its linked indicators


def red_risks_with_indicators(data) -> list[PackRisk]:
    """Each open risk of the report in the most serious band, with its linked indicators and
    their rating and direction in the report itself (one query for the links)."""
    serious = most_serious_band(data.matrix or {})
    reds = [r for r in data.risks if r.band_key == serious and getattr(r, "is_open", True)]
    if not reds:
        return []
    reds.sort(key=lambda r: (-r.score, -r.impact, -r.likelihood, r.reference))
    by_risk = defaultdict(list)
    for link in (
        IndicatorLink.objects.filter(risk_id__in=[r.risk_id for r in reds], is_archived=False)
        .select_related("indicator")
        .order_by("indicator__code")
    ):
        by_risk[link.risk_id].append(link.indicator)
    lines = {line.indicator_id: line for line in data.indicators}
    result = []
    for red in reds:
        shown = []
        for indicator in by_risk[red.risk_id]:
            line = lines.get(indicator.pk)
            shown.append(
                {
                    "code": indicator.code,
                    "title": indicator.title,
                    "rating": (line.rating or line.state) if line else "",
                    "direction": line.direction if line else "",
                }
            )
        result.append(PackRisk(red, shown))
    return result


# --- Panels on the risk and indicator pages (registered in ReportingConfig.ready) ---------------


def risk_panel(*, request, obj) -> dict:
    return {"linked_indicators": indicators_for_risk(risk=obj, user=request.user)}


def indicator_panel(*, request, obj) -> dict:
    return {"linked_risks": risks_for_indicator(indicator=obj, user=request.user)}


# --- The report pack ------------------------------------------------------------------------------


def pack_benchmarks(data) -> list[dict]:
    """The pack's indicators that have comparator values, with their position among all
    English councils (the first group) and the group's median (five queries)."""
    lines = {line.indicator_id: line for line in data.indicators}
    if not lines:
        return []
    indicators = list(Indicator.objects.filter(pk__in=lines))
    found = indicator_benchmarks(indicators)
    rows = []
    for indicator in sorted(indicators, key=lambda i: lines[i.pk].order):
        for benchmark in found.get(indicator.pk, [])[:1]:
            rows.append({"line": lines[indicator.pk], "benchmark": benchmark})
    return rows


def _frozen_benchmark(benchmark) -> dict:
    """A benchmark as JSON: what the pack prints, numbers as exact decimal strings."""
    p = benchmark.position
    return {
        "group": benchmark.group.name,
        "year": benchmark.year,
        "count": benchmark.count,
        "median": str(benchmark.median),
        "own_period": benchmark.own_period,
        "position": None
        if p is None
        else {
            "value": str(p.value),
            "count": p.count,
            "median": str(p.median),
            "distance": str(p.distance),
            "versus_median": p.versus_median,
            "rank": p.rank,
            "quartile": p.quartile,
        },
    }


def _thawed_benchmark(frozen: dict) -> SimpleNamespace:
    fields = {k: v for k, v in frozen.items() if k not in ("position", "group")}
    p = frozen["position"]
    return SimpleNamespace(
        **{**fields, "median": Decimal(frozen["median"])},
        group=SimpleNamespace(name=frozen["group"]),
        position=None
        if p is None
        else SimpleNamespace(
            **{**p, **{k: Decimal(p[k]) for k in ("value", "median", "distance")}}
        ),
    )


def pack_sections_freeze(data) -> dict:
    """The pack's linked-indicator and benchmarking sections of a live report, as JSON for its
    snapshot, so a published pack never changes when links or comparator values do."""
    return {
        "red_risk_links": [
            {"risk_id": item.risk.risk_id, "indicators": item.indicators}
            for item in red_risks_with_indicators(data)
        ],
        "benchmarks": [
            {"indicator_id": row["line"].indicator_id, **_frozen_benchmark(row["benchmark"])}
            for row in pack_benchmarks(data)
        ],
    }


def _pack_from_snapshot(data, frozen: dict) -> dict:
    risks = {line.risk_id: line for line in data.risks}
    lines = {line.indicator_id: line for line in data.indicators}
    return {
        "red_risk_links": [
            PackRisk(risks[item["risk_id"]], item["indicators"])
            for item in frozen.get("red_risk_links", [])
            if item["risk_id"] in risks
        ],
        "pack_benchmarks": [
            {"line": lines[row["indicator_id"]], "benchmark": _thawed_benchmark(row)}
            for row in frozen.get("benchmarks", [])
            if row["indicator_id"] in lines
        ],
    }


def major_projects(data) -> list:
    """The Major projects section: a published quarter's frozen rows, else the rows the
    quarter's approved project updates would freeze now (empty without projects)."""
    snapshot = getattr(data, "snapshot", None)
    if snapshot is not None:
        return list(snapshot.projects.all())
    return project_snapshot_rows(data.period)


def pack_context(data) -> dict:
    """What the pack shows beside the scorecard and the register: red risks with their
    indicators, benchmarking and the major projects. A published quarter reads them from its
    snapshot (a snapshot published before they were frozen has none, and reads them live)."""
    snapshot = getattr(data, "snapshot", None)
    if snapshot is not None and snapshot.pack_sections:
        return {
            **_pack_from_snapshot(data, snapshot.pack_sections),
            "major_projects": major_projects(data),
        }
    return {
        "major_projects": major_projects(data),
        "red_risk_links": red_risks_with_indicators(data),
        "pack_benchmarks": pack_benchmarks(data),
    }
