"""Statistical process control: XmR charts, special-cause rules and the Making Data Count icons.

Follows NHS England's "Making Data Count" method:

- the **mean** of the values and the **moving ranges** (the absolute difference between each
  value and the one before);
- the **process limits**: the mean plus and minus 2.66 times the mean moving range;
- optionally, moving ranges above the **upper range limit** (3.267 times the mean moving range)
  are left out of the mean moving range, so that one jump does not widen the limits;
- a **fixed baseline**: the limits are worked out from the first N values and then held, so
  later values are judged against the process as it was;
- **recalculation** from a chosen point: the values from there on form a new process with its
  own limits (a service changed), and the earlier values keep theirs.

The special-cause rules, each marking every point that takes part:

- a point **outside the limits**;
- a **shift**: 7 or more consecutive points on the same side of the mean (a point on the mean
  breaks the run);
- a **trend**: 6 or more consecutive points each higher (or each lower) than the one before;
- **2 of 3** consecutive points close to a limit, on the same side: beyond the mean plus (or
  minus) two thirds of the distance to the limit, outside the limit included.

The variation icon reads the latest point: common cause, or special cause improving or
concerning (which way is better follows the polarity; with none, "special cause" alone). The
assurance icon compares the limits of the current process with the target.

Pure module: no Django import.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from .polarity import Polarity

LIMIT_FACTOR = 2.66  # process limits: mean +/- 2.66 x mean moving range
RANGE_LIMIT_FACTOR = 3.267  # upper range limit for moving ranges
SHIFT_RUN = 7
TREND_RUN = 6
CLOSE_FRACTION = 2 / 3  # "close to a limit": beyond two thirds of the way to it
MINIMUM_VALUES = 2  # one moving range at least


class Rule(StrEnum):
    OUTSIDE = "outside"
    SHIFT = "shift"
    TREND = "trend"
    TWO_OF_THREE = "two_of_three"


RULES = tuple(Rule)  # in order of precedence; iterating the enum itself is slow in a hot loop

RULE_LABELS = {
    Rule.OUTSIDE: "A point outside the process limits",
    Rule.SHIFT: f"A shift: {SHIFT_RUN} or more points in a row on one side of the mean",
    Rule.TREND: f"A trend: {TREND_RUN} or more points in a row rising or falling",
    Rule.TWO_OF_THREE: "2 of 3 points in a row close to a process limit",
}


class Side(StrEnum):
    HIGH = "high"
    LOW = "low"


class Variation(StrEnum):
    COMMON = "common"
    IMPROVING = "improving"
    CONCERNING = "concerning"
    SPECIAL = "special"  # special cause, with no better or worse direction


VARIATION_LABELS = {
    Variation.COMMON: "Common cause variation",
    Variation.IMPROVING: "Special cause variation: improving",
    Variation.CONCERNING: "Special cause variation: concerning",
    Variation.SPECIAL: "Special cause variation",
}


class Assurance(StrEnum):
    MET = "met"
    MISSED = "missed"
    HIT_AND_MISS = "hit_and_miss"
    NONE = "none"  # no target, or no better or worse direction


ASSURANCE_LABELS = {
    Assurance.MET: "Target consistently met",
    Assurance.MISSED: "Target consistently missed",
    Assurance.HIT_AND_MISS: "Hit and miss: the target may or may not be met",
    Assurance.NONE: "No assurance: no target to compare with",
}


@dataclass(frozen=True)
class Limits:
    """The centre line and limits of one process, worked out from its baseline values."""

    mean: float
    mean_moving_range: float
    upper: float
    lower: float
    upper_range_limit: float
    baseline_count: int
    excluded_ranges: int = 0

    def close_upper(self) -> float:
        return self.mean + CLOSE_FRACTION * (self.upper - self.mean)

    def close_lower(self) -> float:
        return self.mean - CLOSE_FRACTION * (self.mean - self.lower)


@dataclass(frozen=True)
class Point:
    """One value with the limits of its process and the special-cause rules it takes part in."""

    index: int
    value: float
    limits: Limits
    signals: dict[Rule, Side] = field(default_factory=dict)

    @property
    def special(self) -> bool:
        return bool(self.signals)

    @property
    def side(self) -> Side | None:
        """Which way the point's signal goes (high or low); the first rule in order decides."""
        for rule in RULES:
            if rule in self.signals:
                return self.signals[rule]
        return None


@dataclass(frozen=True)
class Analysis:
    points: list[Point]
    limits: Limits  # the current process: the latest segment's
    variation: Variation
    assurance: Assurance

    @property
    def variation_label(self) -> str:
        return VARIATION_LABELS[self.variation]

    @property
    def assurance_label(self) -> str:
        return ASSURANCE_LABELS[self.assurance]

    @property
    def special_points(self) -> list[Point]:
        return [p for p in self.points if p.special]


def moving_ranges(values: list[float]) -> list[float]:
    """The absolute difference between each value and the one before (one fewer than values)."""
    return [abs(b - a) for a, b in zip(values, values[1:], strict=False)]


def limits_for(values: list[float], *, exclude_large_ranges: bool = False) -> Limits:
    """Mean, mean moving range and limits of `values` (at least two).

    With `exclude_large_ranges`, moving ranges above the upper range limit are left out and the
    mean moving range is worked out again from the rest (once, as Making Data Count does).
    """
    if len(values) < MINIMUM_VALUES:
        raise ValueError(f"An XmR chart needs at least {MINIMUM_VALUES} values.")
    mean = sum(values) / len(values)
    ranges = moving_ranges(values)
    mr = sum(ranges) / len(ranges)
    url = RANGE_LIMIT_FACTOR * mr
    excluded = 0
    if exclude_large_ranges:
        kept = [r for r in ranges if r <= url]
        excluded = len(ranges) - len(kept)
        if kept and excluded:
            mr = sum(kept) / len(kept)
            url = RANGE_LIMIT_FACTOR * mr
    return Limits(
        mean=mean,
        mean_moving_range=mr,
        upper=mean + LIMIT_FACTOR * mr,
        lower=mean - LIMIT_FACTOR * mr,
        upper_range_limit=url,
        baseline_count=len(values),
        excluded_ranges=excluded,
    )


def _mark(found: list[dict[Rule, Side]], indexes, rule: Rule, side: Side) -> None:
    for i in indexes:
        found[i].setdefault(rule, side)


def special_causes(values: list[float], limits: Limits) -> list[dict[Rule, Side]]:
    """For each value, the rules it takes part in and which way (high or low)."""
    n = len(values)
    found: list[dict[Rule, Side]] = [{} for _ in range(n)]
    # Read once: this runs for every indicator of a scorecard.
    upper, lower, mean = limits.upper, limits.lower, limits.mean
    for i, v in enumerate(values):
        if v > upper:
            found[i][Rule.OUTSIDE] = Side.HIGH
        elif v < lower:
            found[i][Rule.OUTSIDE] = Side.LOW
    # Shifts: runs on one side of the mean.
    run_start, run_side = 0, None
    for i in range(n + 1):
        side = None
        if i < n:
            if values[i] > mean:
                side = Side.HIGH
            elif values[i] < mean:
                side = Side.LOW
        if i == n or side != run_side or side is None:
            if run_side is not None and i - run_start >= SHIFT_RUN:
                _mark(found, range(run_start, i), Rule.SHIFT, run_side)
            run_start, run_side = i, side
    # Trends: runs of points each higher (or lower) than the one before.
    run_start, run_side = 0, None
    for i in range(1, n + 1):
        side = None
        if i < n:
            if values[i] > values[i - 1]:
                side = Side.HIGH
            elif values[i] < values[i - 1]:
                side = Side.LOW
        if i == n or side != run_side or side is None:
            # the run covers points run_start-1 .. i-1
            if run_side is not None and i - run_start + 1 >= TREND_RUN:
                _mark(found, range(run_start - 1, i), Rule.TREND, run_side)
            run_start, run_side = i, side
    # Two of three close to a limit, on the same side.
    close_upper, close_lower = limits.close_upper(), limits.close_lower()
    high = [v > close_upper for v in values]
    low = [v < close_lower for v in values]
    for start in range(max(n - 2, 0)):
        for flags, side in ((high, Side.HIGH), (low, Side.LOW)):
            if flags[start] + flags[start + 1] + flags[start + 2] >= 2:
                _mark(
                    found,
                    [i for i in range(start, start + 3) if flags[i]],
                    Rule.TWO_OF_THREE,
                    side,
                )
    return found


def variation_of(side: Side | None, polarity: Polarity) -> Variation:
    if side is None:
        return Variation.COMMON
    if polarity is Polarity.HIGHER:
        return Variation.IMPROVING if side is Side.HIGH else Variation.CONCERNING
    if polarity is Polarity.LOWER:
        return Variation.IMPROVING if side is Side.LOW else Variation.CONCERNING
    return Variation.SPECIAL


def assurance_of(limits: Limits, target: float | None, polarity: Polarity) -> Assurance:
    """Whether the current process will meet the target: the whole process on the right side of
    it (met), the whole process on the wrong side (missed), or the target within it."""
    if target is None or polarity not in (Polarity.HIGHER, Polarity.LOWER):
        return Assurance.NONE
    if polarity is Polarity.HIGHER:
        if limits.lower >= target:
            return Assurance.MET
        if limits.upper < target:
            return Assurance.MISSED
    else:
        if limits.upper <= target:
            return Assurance.MET
        if limits.lower > target:
            return Assurance.MISSED
    return Assurance.HIT_AND_MISS


def analyse(
    values: list[float | Decimal],
    *,
    polarity: Polarity = Polarity.NONE,
    target: float | Decimal | None = None,
    baseline: int | None = None,
    recalculate_from: int | None = None,
    exclude_large_ranges: bool = False,
) -> Analysis:
    """The XmR chart of `values` (in time order) with its special causes and icons.

    `baseline`: work the limits out from the first `baseline` values of each process and hold
    them. `recalculate_from`: the index of the value that starts a new process.
    """
    numbers = [float(v) for v in values]
    if baseline is not None and baseline < MINIMUM_VALUES:
        raise ValueError(f"A baseline needs at least {MINIMUM_VALUES} values.")
    cuts = [0]
    if recalculate_from is not None:
        if not MINIMUM_VALUES <= recalculate_from <= len(numbers) - MINIMUM_VALUES:
            raise ValueError(
                f"A new process needs at least {MINIMUM_VALUES} values on each side of its start."
            )
        cuts.append(recalculate_from)
    cuts.append(len(numbers))
    points: list[Point] = []
    limits = None
    for start, end in zip(cuts, cuts[1:], strict=False):
        segment = numbers[start:end]
        base = segment[:baseline] if baseline else segment
        if len(base) < MINIMUM_VALUES:
            base = segment
        limits = limits_for(base, exclude_large_ranges=exclude_large_ranges)
        for offset, signals in enumerate(special_causes(segment, limits)):
            points.append(Point(start + offset, segment[offset], limits, signals))
    if limits is None:
        raise ValueError(f"An XmR chart needs at least {MINIMUM_VALUES} values.")
    latest = points[-1]
    return Analysis(
        points=points,
        limits=limits,
        variation=variation_of(latest.side, polarity),
        assurance=assurance_of(limits, None if target is None else float(target), polarity),
    )
