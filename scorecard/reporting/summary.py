"""What a quarter's report says, computed from its rows: counts, exceptions, heat map, areas.

Pure module: no Django import. It takes any objects with the attributes of the snapshot rows
(IndicatorSnapshot, RiskSnapshot, AreaSnapshot), so it is tested with plain stand-ins and gives
the same answer for a live dashboard and a published snapshot.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from scorecard.core.figures import figure, long_date, plural
from scorecard.core.indicator_schedule import Frequency, Schedule
from scorecard.core.periods import Period, PeriodError, parse

RATINGS = ("green", "amber", "red")
RATING_LABELS = {"green": "Green", "amber": "Amber", "red": "Red", "not_rated": "Not rated"}
MOVEMENT_LABELS = {"up": "Up (worse)", "down": "Down (better)", "same": "No change", "new": "New"}
DIRECTION_LABELS = {
    "improving": "Improving",
    "no_change": "No noticeable change",
    "deteriorating": "Deteriorating",
    "not_comparable": "Not comparable",
}


def rating_of(line) -> str:
    """The colour an indicator counts as: its rating, carried or not, else not rated."""
    return line.rating if line.rating in RATINGS else "not_rated"


def rating_counts(lines: Iterable) -> dict[str, int]:
    counts = Counter(rating_of(line) for line in lines)
    return {key: counts.get(key, 0) for key in (*RATINGS, "not_rated")}


@dataclass
class PriorityCounts:
    priority: str
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def counts_by_priority(lines: Sequence) -> list[PriorityCounts]:
    grouped: dict[tuple[int, str], list] = defaultdict(list)
    for line in lines:
        grouped[(line.priority_order, line.priority or "No priority")].append(line)
    return [
        PriorityCounts(name, rating_counts(rows)) for (_, name), rows in sorted(grouped.items())
    ]


def red_updated(lines: Iterable) -> list:
    """Red indicators rated in this quarter: the exceptions Cabinet is asked to consider."""
    return [line for line in lines if line.rating == "red" and line.state == "red"]


def red_carried(lines: Iterable) -> list:
    """Red indicators carrying a rating from an earlier quarter (not updated this quarter)."""
    return [line for line in lines if line.rating == "red" and line.state != "red"]


# --- how current the ratings are -------------------------------------------------------------

# Every indicator reports within the same number of days after its quarter ends.
_DEADLINE = Schedule(Frequency.QUARTERLY)


def is_carried(line) -> bool:
    """Shows a colour given in an earlier quarter (not due now, or due and not received)."""
    return line.rating in RATINGS and line.state != line.rating


def is_awaiting(line) -> bool:
    """An update was due this quarter and has not been approved."""
    return line.state == "awaiting_data"


def is_late(line, period: Period, as_of: dt.date | None) -> bool:
    """Awaiting data past the quarter's deadline (on `as_of`: today, or the publication date)."""
    return is_awaiting(line) and as_of is not None and as_of > _DEADLINE.deadline(period)


@dataclass(frozen=True)
class Currency:
    """How many of the colours counted were given this quarter, how many are carried from an
    earlier one, and how many updates due this quarter are awaited (and late)."""

    this_quarter: int
    carried: int
    awaiting: int
    late: int

    @property
    def rated(self) -> int:
        return self.this_quarter + self.carried


def currency(lines: Iterable, period: Period, as_of: dt.date | None) -> Currency:
    lines = list(lines)
    return Currency(
        this_quarter=sum(1 for line in lines if line.rating in RATINGS and not is_carried(line)),
        carried=sum(1 for line in lines if is_carried(line)),
        awaiting=sum(1 for line in lines if is_awaiting(line)),
        late=sum(1 for line in lines if is_late(line, period, as_of)),
    )


def currency_sentence(c: Currency, period: Period) -> str:
    """The headline's honesty: which colours are this quarter's and how many updates are late."""
    text = (
        f"Of the {plural(c.rated, 'rating')}, {c.this_quarter:,} "
        f"{'was' if c.this_quarter == 1 else 'were'} given in {period.label} and "
        f"{c.carried:,} {'is' if c.carried == 1 else 'are'} carried from an earlier quarter."
    )
    if c.awaiting:
        text += (
            f" {plural(c.awaiting, 'update')} due in {period.label} "
            f"{'was' if c.awaiting == 1 else 'were'} not received"
            + (
                ", all of them late."
                if c.late == c.awaiting
                else f", {c.late:,} of them late."
                if c.late
                else "."
            )
        )
    return text


def status_text(line) -> str:
    """The colour as a reader should take it: "Red", or "Red, carried from Quarter Two
    2017/18"; an indicator without a colour says why ("Awaiting data", "Data only")."""
    if line.rating in RATINGS:
        label = RATING_LABELS[line.rating]
        if is_carried(line) and line.rating_period:
            return f"{label}, carried from {period_label(line.rating_period)}"
        return label
    return STATE_LABELS.get(line.state, RATING_LABELS["not_rated"])


def next_due_text(line, period: Period, as_of: dt.date | None) -> str:
    """When the next update is due; for an update due now and not received, says so (late
    once the deadline has passed) instead of pointing at a later quarter."""
    if is_late(line, period, as_of):
        return f"Late: due in {period.short_label}"
    if is_awaiting(line):
        return f"Awaiting data for {period.short_label}"
    return period_short(line.next_due) if line.next_due else "–"


STATE_LABELS = {
    "data_only": "Data only",
    "no_target": "No target",
    "not_due": "Not due",
    "awaiting_data": "Awaiting data",
}


def acknowledgement(snapshot) -> list[str]:
    """What a quarter locked with gaps says about them (nothing for a complete quarter)."""
    ready = getattr(snapshot, "readiness", None) or {}
    reason = getattr(snapshot, "gaps_reason", "")
    if not reason:
        return []
    sentences = []
    if ready.get("not_received"):
        sentences.append(
            f"{ready['not_received']:,} of {plural(ready['due'], 'update')} "
            f"{'was' if ready['not_received'] == 1 else 'were'} not received; their last rating "
            "is shown, marked as carried."
        )
    if ready.get("risks_not_reviewed"):
        sentences.append(
            f"{plural(ready['risks_not_reviewed'], 'risk')} due for review "
            f"{'was' if ready['risks_not_reviewed'] == 1 else 'were'} not reviewed in the quarter."
        )
    if ready.get("red_without_commentary"):
        sentences.append(
            f"{plural(ready['red_without_commentary'], 'red value')} "
            f"{'has' if ready['red_without_commentary'] == 1 else 'have'} no commentary."
        )
    if projects := ready.get("projects_not_updated"):
        has, whose = ("has", "its") if projects == 1 else ("have", "each one's")
        sentences.append(
            f"{plural(projects, 'project')} {has} no approved update for the quarter; the report "
            f"shows {whose} last approved update."
        )
    who = snapshot.gaps_acknowledged_by or snapshot.published_by
    when = snapshot.published_at
    sentences.append(
        f"Locked with these gaps acknowledged by {who} on {when.day} {when:%B %Y}: {reason}"
    )
    return sentences


# Statistical process control splits the red exceptions by what the XmR chart says (the
# line's `spc` dict, empty when the indicator has too few values for a chart).
SPC_GROUPS = {
    "change": "Red, and a real change: special cause variation that is concerning",
    "capability": "Red, and the current process cannot reach the target",
    "other": "Red, with no signal from statistical process control",
}


def spc_of(line) -> dict:
    return getattr(line, "spc", None) or {}


def spc_group(line) -> str:
    """Which SPC group a red indicator falls in: a real change (the latest value is special
    cause, concerning) first; else a process whose limits are all on the wrong side of the
    target (it cannot reach it); else no signal (common cause and hit and miss, or too few
    values for a chart)."""
    spc = spc_of(line)
    if spc.get("variation") == "concerning":
        return "change"
    if spc.get("assurance") == "missed":
        return "capability"
    return "other"


def red_by_spc(lines: Iterable) -> list[tuple[str, str, list]]:
    """The red indicators updated this quarter, split into the SPC groups (key, title, lines),
    every group listed even when empty."""
    grouped: dict[str, list] = {key: [] for key in SPC_GROUPS}
    for line in red_updated(lines):
        grouped[spc_group(line)].append(line)
    return [(key, title, grouped[key]) for key, title in SPC_GROUPS.items()]


def with_spc(lines: Iterable) -> list:
    """The indicators that have an XmR chart."""
    return [line for line in lines if spc_of(line)]


# A Cabinet pack, not a data dump: a council of thousands of indicators would print thousands
# of charts. The others are on the indicator pages.
PACK_XMR_CHARTS = 24


def pack_xmr(lines: Iterable, limit: int = PACK_XMR_CHARTS) -> tuple[list, int]:
    """The indicators whose XmR chart the pack prints, those Cabinet is asked about first (red
    this quarter, then a concerning change, then red carried, then the rest), at most `limit`;
    and how many charted indicators are left out."""

    def priority(line) -> int:
        if line.rating == "red" and line.state == "red":
            return 0
        if spc_of(line).get("variation") == "concerning":
            return 1
        return 2 if line.rating == "red" else 3

    charted = sorted(with_spc(lines), key=priority)  # stable: the scorecard's order within each
    return charted[:limit], max(len(charted) - limit, 0)


# --- risks -----------------------------------------------------------------------------------


def open_risks(risks: Iterable) -> list:
    return [risk for risk in risks if risk.is_open]


def _rank_key(r) -> tuple:
    return (-r.score, -r.impact, -r.likelihood, r.reference)


def ranked(risks: Iterable) -> list:
    """Most serious first: score, impact, likelihood, then reference (as scoring.rank_key)."""
    return sorted(risks, key=_rank_key)


def bands_of(matrix: dict) -> list[tuple[str, dict]]:
    """The matrix's bands, most serious first."""
    return sorted(matrix.get("bands", {}).items(), key=lambda kv: -kv[1]["severity"])


def band_counts(risks: Iterable, matrix: dict) -> dict[str, int]:
    counts = Counter(risk.band_key for risk in open_risks(risks))
    return {key: counts.get(key, 0) for key, _ in bands_of(matrix)}


@dataclass
class Cell:
    likelihood: int
    impact: int
    band_key: str
    count: int = 0
    previous: int = 0
    references: list[str] = field(default_factory=list)

    @property
    def change(self) -> int:
        return self.count - self.previous


def heat_map(risks: Iterable, matrix: dict) -> list[list[Cell]]:
    """Rows from the highest likelihood down; each cell counts the open risks now and, for the
    movement since last quarter, the risks that sat in it at the end of the previous quarter."""
    size_l, size_i = len(matrix.get("likelihood", [])), len(matrix.get("impact", []))
    cells = {
        (lk, im): Cell(lk, im, matrix["cells"][f"{lk}-{im}"])
        for lk in range(1, size_l + 1)
        for im in range(1, size_i + 1)
    }
    for risk in risks:
        if risk.is_open and (risk.likelihood, risk.impact) in cells:
            cell = cells[(risk.likelihood, risk.impact)]
            cell.count += 1
            cell.references.append(risk.reference)
        if risk.previous_likelihood is not None and not risk.is_new:
            earlier = cells.get((risk.previous_likelihood, risk.previous_impact))
            if earlier is not None:
                earlier.previous += 1
    return [[cells[(lk, im)] for im in range(1, size_i + 1)] for lk in range(size_l, 0, -1)]


def top_risks(risks: Iterable, limit: int = 10) -> list:
    return heapq.nsmallest(limit, open_risks(risks), key=_rank_key)


def most_serious_band(matrix: dict) -> str:
    bands = bands_of(matrix)
    return bands[0][0] if bands else "red"


@dataclass
class AreaSummary:
    area: object
    risks: list  # its open risks in the most serious band, ranked


def areas_with_red(risks: Iterable, areas: Sequence, matrix: dict) -> list[AreaSummary]:
    """The risk areas the most serious (red) risks group into, each with its red risks."""
    red = most_serious_band(matrix)
    by_area: dict[str, list] = defaultdict(list)
    for risk in ranked(r for r in open_risks(risks) if r.band_key == red and r.area):
        by_area[risk.area].append(risk)
    found = [AreaSummary(area, by_area[area.name]) for area in areas if by_area.get(area.name)]
    return sorted(found, key=lambda a: (-len(a.risks), a.area.name))


def red_without_area(risks: Iterable, matrix: dict) -> list:
    red = most_serious_band(matrix)
    return ranked(r for r in open_risks(risks) if r.band_key == red and not r.area)


def new_risks(risks: Iterable) -> list:
    return ranked(r for r in risks if r.is_new and r.is_open)


def closed_risks(risks: Iterable) -> list:
    return sorted((r for r in risks if not r.is_open), key=lambda r: r.reference)


def escalated_risks(risks: Iterable) -> list:
    return ranked(r for r in risks if r.escalated_this_period and r.is_open)


# --- the figures of the cover report ---------------------------------------------------------


def facts(report) -> dict:
    """Every figure and name the Cabinet cover report quotes, from a report's rows."""
    lines = report.indicators
    counts = rating_counts(lines)
    reds = red_updated(lines)
    live_risks = open_risks(report.risks)
    bands = band_counts(report.risks, report.matrix)
    red_key = most_serious_band(report.matrix)
    areas = areas_with_red(report.risks, report.areas, report.matrix)
    current = currency(lines, report.period, getattr(report, "as_of", None))
    return {
        "period": report.period.key,
        "period_label": report.period.label,
        "indicator_total": len(lines),
        "green": counts["green"],
        "amber": counts["amber"],
        "red": counts["red"],
        "not_rated": counts["not_rated"],
        "red_updated": len(reds),
        "red_updated_names": [line.title for line in reds],
        "red_updated_rated": [f"{line.title}: {rated_as(line)}" for line in reds],
        "red_carried": len(red_carried(lines)),
        "rated_this_quarter": current.this_quarter,
        "carried": current.carried,
        "awaiting": current.awaiting,
        "late": current.late,
        "refreshed": report.refreshed_this_period,
        "risk_total": len(live_risks),
        "risk_red": bands.get(red_key, 0),
        "risk_bands": bands,
        "risk_areas": [
            {"name": a.area.name, "description": a.area.description, "risks": len(a.risks)}
            for a in areas
        ],
    }


NUMBER_WORDS = [
    "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve",
]  # fmt: skip


def number_word(n: int) -> str:
    """Small numbers as words, as Cabinet reports write them ("the two risk areas")."""
    return NUMBER_WORDS[n] if 0 <= n < len(NUMBER_WORDS) else str(n)


def display(value, unit: str, decimals: int) -> str:
    """A value as readers expect it: 74.0%, £4,680,000, 1,300 (rounded half up, as rated)."""
    return figure(value, decimals, unit)


def rated_as(line) -> str:
    """The figure shown with what its colour was measured against: "82.0% against a green
    threshold of 90.0% (amber 85.0%)", "49.0% against a target of 50.0%", "12.0, rated by
    hand: <reason>". Lines kept before the basis was recorded show their target."""
    value = display(line.value, line.unit, line.decimals)
    basis = getattr(line, "rated_against", "")
    if not basis:
        target = display(line.target, line.unit, line.decimals)
        return f"{value} against a target of {target}" if line.target is not None else value
    return f"{value}, {basis}" if basis.startswith("rated by hand") else f"{value} {basis}"


def target_cell(line) -> str:
    """A scorecard table's target cell: the target, or what a rating without one was measured
    against ("Against a green threshold of 90.0% (amber 85.0%)", "Rated by hand: ...")."""
    basis = getattr(line, "rated_against", "")
    if line.target is not None or not basis:
        return display(line.target, line.unit, line.decimals)
    return basis[0].upper() + basis[1:]


@lru_cache(maxsize=4096)
def period_label(key: str) -> str:
    """ "2017/18-Q2" -> "Quarter Two 2017/18"; anything else stays as it is."""
    try:
        return parse(key).label
    except PeriodError:
        return key


@lru_cache(maxsize=4096)
def period_short(key: str) -> str:
    """ "2017/18-Q2" -> "Q2 2017/18", "2017/18-M09" -> "Sep 2017"; anything else stays as it is."""
    try:
        return parse(key).short_label
    except PeriodError:
        return key


def restatement_note(restatement) -> str:
    """A restatement as a dated note: "Restated on 4 December 2026: the count was corrected."
    (the council's date, in full, and the reason given); without a date (a value changed
    otherwise), "Restated since publication"."""
    when = getattr(restatement, "restated_on", None)
    note = f"Restated on {long_date(when)}" if when else "Restated since publication"
    reason = (getattr(restatement, "reason", "") or "").strip()
    if not reason:
        return f"{note}."
    return f"{note}: {reason}" + ("" if reason.endswith((".", "!", "?")) else ".")
