"""Benchmarking core: rank with ties, quartile, median and distance, polarity-aware."""

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scorecard.core.benchmark import median, outcome, position, position_in, quartile, rank
from scorecard.core.polarity import Polarity

VALUES = [D(5), D(3), D(9), D(3), D(7)]


def test_higher_is_better_ranks_the_highest_first_and_ties_share_a_rank():
    assert [rank(v, VALUES, Polarity.HIGHER) for v in VALUES] == [3, 4, 1, 4, 2]


def test_lower_is_better_ranks_the_lowest_first():
    assert [rank(v, VALUES, Polarity.LOWER) for v in VALUES] == [3, 1, 5, 1, 4]


def test_polarity_may_be_given_as_its_stored_text():
    assert rank(D(9), VALUES, "higher") == 1
    assert rank(D(9), VALUES, "lower") == 5
    assert position_in(D(9), VALUES, "lower").versus_median == "worse"


def test_no_polarity_is_not_ranked():
    with pytest.raises(ValueError, match="ranked"):
        rank(D(1), VALUES, Polarity.NONE)
    p = position_in(D(5), VALUES, Polarity.ON_TARGET)
    assert (p.rank, p.quartile, p.median, p.versus_median) == (None, None, D(5), "level")


@pytest.mark.parametrize(
    ("r", "n", "q"),
    [(1, 4, 1), (2, 4, 2), (3, 4, 3), (4, 4, 4), (1, 150, 1), (38, 150, 1), (39, 150, 2),
     (75, 150, 2), (76, 150, 3), (113, 150, 3), (114, 150, 4), (150, 150, 4), (1, 1, 1),
     (2, 2, 3)],
)  # fmt: skip
def test_quartile_is_the_quarter_the_rank_falls_in(r, n, q):
    assert quartile(r, n) == q


def test_median_of_odd_and_even_counts():
    assert median([3, 1, 2]) == D(2)
    assert median([4, 1, 3, 2]) == D("2.5")
    with pytest.raises(ValueError):
        median([])


def test_distance_from_the_median_reads_the_polarity():
    better = position_in(D(9), VALUES, Polarity.HIGHER)
    assert (better.median, better.distance, better.versus_median) == (D(5), D(4), "better")
    worse = position_in(D(9), VALUES, Polarity.LOWER)
    assert (worse.rank, worse.quartile, worse.versus_median) == (5, 4, "worse")


def test_position_adds_the_value_to_the_others():
    p = position(D(6), [D(1), D(2), D(10)], Polarity.HIGHER)
    assert (p.count, p.rank, p.median) == (4, 2, D(4))


def test_position_in_refuses_a_value_not_among_the_comparators():
    with pytest.raises(ValueError, match="not among"):
        position_in(D(4), VALUES, Polarity.HIGHER)


def test_outcome_recomputes_a_published_percentage_from_its_counts():
    assert outcome(67, 1343) == D("5.0")  # ASCOF 1E, Worcestershire 2020-21
    assert outcome(1, 8) == D("12.5")
    assert outcome(1, 16, places=1) == D("6.3")  # half up, as published
    with pytest.raises(ValueError):
        outcome(1, 0)


numbers = st.lists(st.integers(-1000, 1000), min_size=1, max_size=40)


@given(numbers, st.data())
def test_ranks_are_mirror_images_across_polarities(values, data):
    value = data.draw(st.sampled_from(values))
    higher = rank(value, values, Polarity.HIGHER)
    lower = rank(value, values, Polarity.LOWER)
    ties = values.count(value)
    # The value's tied block spans the same places counted from either end.
    assert higher + lower + ties - 2 == len(values)


@given(numbers, st.data())
def test_rank_and_quartile_are_in_range_and_the_best_value_is_first(values, data):
    value = data.draw(st.sampled_from(values))
    for polarity in (Polarity.HIGHER, Polarity.LOWER):
        p = position_in(value, values, polarity)
        assert 1 <= p.rank <= len(values)
        assert 1 <= p.quartile <= 4
    assert rank(max(values), values, Polarity.HIGHER) == 1
    assert rank(min(values), values, Polarity.LOWER) == 1


@given(numbers)
def test_half_the_values_lie_on_each_side_of_the_median(values):
    m = median(values)
    assert sum(1 for v in values if v < m) <= len(values) // 2
    assert sum(1 for v in values if v > m) <= len(values) // 2


@given(numbers, st.data())
def test_a_better_value_never_ranks_worse(values, data):
    a, b = sorted(data.draw(st.sampled_from(values)) for _ in range(2))
    assert rank(b, values, Polarity.HIGHER) <= rank(a, values, Polarity.HIGHER)
    assert rank(a, values, Polarity.LOWER) <= rank(b, values, Polarity.LOWER)
