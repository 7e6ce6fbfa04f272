"""Benchmarking: where a value stands among comparators, the right way round for its polarity.

Pure module: no Django import.

- *Rank* counts from 1 for the best value: the highest when higher is better, the lowest when
  lower is better. Ties share the best rank they cover ("1, 2, 2, 4"), so a tie never flatters
  one council over another.
- *Quartile* 1 is the best quarter: rank r of n is in quartile 1 + floor(4(r - 1) / n), so
  the best council is always in the first and, from four councils on, the worst in the fourth.
- *Median* of the comparators (the mean of the middle two for an even count).
- *Distance from the median*: value - median in the indicator's units, and whether that is
  better, worse or level, given the polarity.

Only higher-is-better and lower-is-better indicators are ranked; on-target-is-best and
no-polarity indicators get the median and distance but no rank or quartile.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from .polarity import Polarity, to_decimal

TWO = Decimal(2)


def median(values: Iterable[object]) -> Decimal:
    ordered = sorted(to_decimal(v) for v in values)
    if not ordered:
        raise ValueError("The median needs at least one value.")
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / TWO


def _ranked(polarity: Polarity | str) -> bool:
    return Polarity(polarity) in (Polarity.HIGHER, Polarity.LOWER)


def rank(value: object, values: Iterable[object], polarity: Polarity) -> int:
    """1 + the number of comparators strictly better than `value` (ties share a rank)."""
    if not _ranked(polarity):
        raise ValueError("Only higher-is-better or lower-is-better indicators are ranked.")
    mine = to_decimal(value)
    others = [to_decimal(v) for v in values]
    if Polarity(polarity) is Polarity.HIGHER:
        return 1 + sum(1 for v in others if v > mine)
    return 1 + sum(1 for v in others if v < mine)


def quartile(rank_: int, count: int) -> int:
    """The quarter (1 best .. 4 worst) that rank `rank_` of `count` falls in."""
    if count < 1 or not 1 <= rank_ <= count:
        raise ValueError(f"Rank {rank_} is not between 1 and {count}.")
    return 1 + (4 * (rank_ - 1)) // count


def compare(difference: Decimal, polarity: Polarity) -> str:
    """'better', 'worse' or 'level': a difference (value - reference) read through the polarity."""
    if difference == 0 or not _ranked(polarity):
        return "level" if difference == 0 else "different"
    better = difference > 0 if Polarity(polarity) is Polarity.HIGHER else difference < 0
    return "better" if better else "worse"


@dataclass(frozen=True)
class Position:
    """Where `value` stands among `count` comparators (the value itself among them)."""

    value: Decimal
    count: int
    median: Decimal
    distance: Decimal  # value - median, in the indicator's units
    versus_median: str  # better, worse, level, or different (no polarity)
    rank: int | None
    quartile: int | None


def position(value: object, comparators: Iterable[object], polarity: Polarity) -> Position:
    """The position of `value` among `comparators`. The value is counted among them once: pass
    the other councils' values, or every council's including this one with `value` among them
    already (see `position_in`)."""
    mine = to_decimal(value)
    values = [to_decimal(v) for v in comparators] + [mine]
    return _position(mine, values, polarity)


def position_in(value: object, values: Iterable[object], polarity: Polarity) -> Position:
    """As `position`, where `values` already holds `value` (e.g. every council's published
    figure, this council's included)."""
    mine = to_decimal(value)
    numbers = [to_decimal(v) for v in values]
    if mine not in numbers:
        raise ValueError(f"The value {mine} is not among the comparators.")
    return _position(mine, numbers, polarity)


def _position(mine: Decimal, values: list[Decimal], polarity: Polarity) -> Position:
    middle = median(values)
    distance = mine - middle
    ranked = _ranked(polarity)
    r = rank(mine, values, polarity) if ranked else None
    return Position(
        value=mine,
        count=len(values),
        median=middle,
        distance=distance,
        versus_median=compare(distance, polarity),
        rank=r,
        quartile=quartile(r, len(values)) if r is not None else None,
    )


def outcome(
    numerator: object, denominator: object, scale: object = 100, places: int = 1
) -> Decimal:
    """A published ratio recomputed from its counts, rounded half up as published (67 of 1,343
    per 100 = 5.0)."""
    top, bottom = to_decimal(numerator, "numerator"), to_decimal(denominator, "denominator")
    if bottom == 0:
        raise ValueError("The denominator is zero.")
    return (top * to_decimal(scale, "scale") / bottom).quantize(
        Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP
    )
