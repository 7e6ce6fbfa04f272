from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scorecard.core.aggregation import Aggregation, AggregationError, Reading, aggregate


def values(*numbers):
    return [Reading(value=Decimal(str(n))) for n in numbers]


def test_sum_average_latest_of_three_months():
    months = values(10, 20, 60)
    assert aggregate(Aggregation.SUM, months) == Decimal(90)
    assert aggregate(Aggregation.AVERAGE, months) == Decimal(30)
    assert aggregate(Aggregation.LATEST, months) == Decimal(60)


def test_ratio_of_sums_is_not_the_average_of_percentages():
    # 1 of 2 (50%) and 99 of 100 (99%): the quarter is 100 of 102, not 74.5%.
    months = [
        Reading(Decimal(50), numerator=Decimal(1), denominator=Decimal(2)),
        Reading(Decimal(99), numerator=Decimal(99), denominator=Decimal(100)),
    ]
    result = aggregate(Aggregation.RATIO, months)
    assert result.quantize(Decimal("0.01")) == Decimal("98.04")
    assert result != aggregate(Aggregation.AVERAGE, months)


def test_ratio_with_nothing_to_measure_is_none():
    assert (
        aggregate(Aggregation.RATIO, [Reading(numerator=Decimal(0), denominator=Decimal(0))])
        is None
    )


def test_ratio_without_parts_is_refused():
    with pytest.raises(AggregationError, match="numerator and denominator"):
        aggregate(Aggregation.RATIO, values(50))


def test_missing_value_is_refused_and_nothing_is_none():
    with pytest.raises(AggregationError):
        aggregate(Aggregation.SUM, [Reading(Decimal(1)), Reading(None)])
    assert aggregate(Aggregation.SUM, []) is None


counts = st.integers(min_value=0, max_value=10_000)


@given(st.lists(st.tuples(counts, counts), min_size=1, max_size=12))
def test_ratio_of_sums_equals_percentage_of_summed_parts(parts):
    parts = [(min(n, d), d) for n, d in parts]  # a numerator never exceeds its denominator
    readings = [Reading(numerator=Decimal(n), denominator=Decimal(d)) for n, d in parts]
    total_n = sum(n for n, _ in parts)
    total_d = sum(d for _, d in parts)
    result = aggregate(Aggregation.RATIO, readings)
    if total_d == 0:
        assert result is None
    else:
        assert result == Decimal(total_n) * 100 / Decimal(total_d)
        assert Decimal(0) <= result <= Decimal(100)
