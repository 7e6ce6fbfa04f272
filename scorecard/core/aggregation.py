"""How the values of several periods combine into one (months into a quarter, quarters into a year).

Sum, average, latest, and ratio of sums. A percentage built from a numerator and a denominator
is always recomputed from the summed parts, never averaged: 1 of 2 (50%) and 99 of 100 (99%)
make 100 of 102 (98.04%), not 74.5%.

Pure module: no Django import.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from .polarity import HUNDRED


class Aggregation(StrEnum):
    SUM = "sum"
    AVERAGE = "average"
    LATEST = "latest"
    RATIO = "ratio"  # ratio of sums: sum of numerators / sum of denominators


class AggregationError(ValueError):
    """Values that cannot be combined the way the indicator says."""


@dataclass(frozen=True)
class Reading:
    """One period's recorded figure; for a ratio, its numerator and denominator too."""

    value: Decimal | None = None
    numerator: Decimal | None = None
    denominator: Decimal | None = None


def ratio(numerator: Decimal, denominator: Decimal, scale: Decimal = HUNDRED) -> Decimal | None:
    """numerator / denominator x scale; None when the denominator is zero (nothing to measure)."""
    if denominator == 0:
        return None
    return numerator * scale / denominator


def aggregate(
    method: Aggregation, readings: Sequence[Reading], *, scale: Decimal = HUNDRED
) -> Decimal | None:
    """Combine readings given in period order. None when there is nothing to combine."""
    if not readings:
        return None
    if method is Aggregation.RATIO:
        if any(r.numerator is None or r.denominator is None for r in readings):
            raise AggregationError(
                "A ratio of sums needs the numerator and denominator of every period."
            )
        return ratio(
            sum(r.numerator for r in readings), sum(r.denominator for r in readings), scale
        )
    values = [r.value for r in readings]
    if any(v is None for v in values):
        raise AggregationError("Every period needs a value before the periods can be combined.")
    if method is Aggregation.SUM:
        return sum(values, Decimal(0))
    if method is Aggregation.AVERAGE:
        return sum(values, Decimal(0)) / len(values)
    if method is Aggregation.LATEST:
        return values[-1]
    raise AggregationError(f"Unknown aggregation {method!r}.")
