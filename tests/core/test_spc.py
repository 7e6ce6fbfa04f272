"""SPC (Making Data Count): examples worked out by hand, and properties."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scorecard.core.polarity import Polarity
from scorecard.core.spc import (
    Assurance,
    Limits,
    Rule,
    Side,
    Variation,
    analyse,
    assurance_of,
    limits_for,
    moving_ranges,
    special_causes,
)


def test_limits_worked_by_hand():
    # values 10, 12, 11, 13, 14: mean 60 / 5 = 12; moving ranges 2, 1, 2, 1: mean 1.5;
    # limits 12 +/- 2.66 x 1.5 = 12 +/- 3.99; upper range limit 3.267 x 1.5 = 4.9005.
    limits = limits_for([10, 12, 11, 13, 14])
    assert moving_ranges([10, 12, 11, 13, 14]) == [2, 1, 2, 1]
    assert limits.mean == pytest.approx(12)
    assert limits.mean_moving_range == pytest.approx(1.5)
    assert limits.upper == pytest.approx(15.99)
    assert limits.lower == pytest.approx(8.01)
    assert limits.upper_range_limit == pytest.approx(4.9005)


def test_excluding_moving_ranges_above_the_upper_range_limit():
    # 10 x9 then 40, then 10: ranges 0 x8, 30, 30 -> mean 60/10 = 6, URL 19.602: both 30s go,
    # the rest are 0, so the mean moving range becomes 0 and the limits close onto the mean.
    values = [10] * 9 + [40, 10]
    kept = limits_for(values)
    assert kept.mean_moving_range == pytest.approx(6)
    dropped = limits_for(values, exclude_large_ranges=True)
    assert dropped.excluded_ranges == 2
    assert dropped.mean_moving_range == pytest.approx(0)
    assert dropped.upper == pytest.approx(dropped.mean)


def test_a_point_outside_the_limits():
    # 14 x 10 alternating 10/12 then 30: baseline (first 10) mean 11, mR 2, limits 5.68..16.32.
    values = [10, 12] * 5 + [30]
    result = analyse(values, polarity=Polarity.LOWER, baseline=10)
    assert result.limits.upper == pytest.approx(16.32)
    last = result.points[-1]
    assert last.signals[Rule.OUTSIDE] is Side.HIGH
    assert result.variation is Variation.CONCERNING  # higher is worse
    assert analyse(values, polarity=Polarity.HIGHER, baseline=10).variation is Variation.IMPROVING
    assert analyse(values, polarity=Polarity.NONE, baseline=10).variation is Variation.SPECIAL


def test_a_shift_of_seven_points_on_one_side_of_the_mean():
    # Baseline 12, 10 x 4 (mean 11, mR 2: limits 5.68 .. 16.32, close above 14.547).
    # Then seven values of 12 (above 11, not close to the limit, no trend): a shift.
    values = [12, 10, 12, 10, 12, 10, 12, 10] + [12] * 7
    signals = analyse(values, baseline=8).points
    assert [Rule.SHIFT in p.signals for p in signals] == [False] * 8 + [True] * 7
    # Six in a row are not enough.
    assert not any(p.special for p in analyse(values[:-1], baseline=8).points)


def test_a_point_on_the_mean_breaks_a_shift():
    values = [12, 10, 12, 10, 12, 10, 12, 10] + [12, 12, 12, 11, 12, 12, 12]
    assert not any(p.special for p in analyse(values, baseline=8).points)


def test_a_trend_of_six_points():
    # Baseline mean 50, mR 10 (limits 23.4 .. 76.6); then 45, 46, 47, 48, 49, 50: six rising
    # points (45 is below the mean, so no shift; none close to a limit).
    base = [45, 55, 45, 55, 45, 55, 45, 55]
    values = base + [45, 46, 47, 48, 49, 50]
    points = analyse(values, baseline=8, polarity=Polarity.HIGHER).points
    # 55 -> 45 is a fall, so the rising run starts at the first 45 (index 8).
    assert [i for i, p in enumerate(points) if Rule.TREND in p.signals] == list(range(8, 14))
    assert points[-1].signals[Rule.TREND] is Side.HIGH
    # Five rising points are not a trend.
    assert not any(Rule.TREND in p.signals for p in analyse(values[:-1], baseline=8).points)


def test_equal_values_break_a_trend():
    values = [45, 55, 45, 55, 45, 55, 45, 55] + [45, 46, 47, 47, 48, 49]
    assert not any(Rule.TREND in p.signals for p in analyse(values, baseline=8).points)


def test_two_of_three_close_to_a_limit():
    # Baseline mean 50, mR 10: upper limit 76.6, close to it above 50 + 2/3 x 26.6 = 67.733.
    # 70, 60, 70: two of three above 67.733 (and below the limit).
    values = [45, 55, 45, 55, 45, 55, 45, 55, 70, 60, 70]
    points = analyse(values, baseline=8).points
    assert [i for i, p in enumerate(points) if p.special] == [8, 10]
    assert points[8].signals == {Rule.TWO_OF_THREE: Side.HIGH}
    # On opposite sides they do not count: 70 (high) and 30 (low).
    values = [45, 55, 45, 55, 45, 55, 45, 55, 70, 50, 30]
    assert not any(p.special for p in analyse(values, baseline=8).points)


def test_common_cause_and_assurance():
    # mean 50, mR 10: limits 23.4 .. 76.6.
    values = [45, 55, 45, 55, 45, 55, 45, 55]
    assert analyse(values, polarity=Polarity.HIGHER, target=20).assurance is Assurance.MET
    assert analyse(values, polarity=Polarity.HIGHER, target=80).assurance is Assurance.MISSED
    assert analyse(values, polarity=Polarity.HIGHER, target=60).assurance is Assurance.HIT_AND_MISS
    assert analyse(values, polarity=Polarity.LOWER, target=80).assurance is Assurance.MET
    assert analyse(values, polarity=Polarity.LOWER, target=20).assurance is Assurance.MISSED
    assert analyse(values, polarity=Polarity.HIGHER).assurance is Assurance.NONE
    assert analyse(values, polarity=Polarity.HIGHER).variation is Variation.COMMON


def test_recalculation_from_a_chosen_point():
    # 10, 12, 10, 12 then 30, 32, 30, 32: two processes, means 11 and 31, each mR 2.
    values = [10, 12, 10, 12, 30, 32, 30, 32]
    result = analyse(values, recalculate_from=4, polarity=Polarity.HIGHER, target=25)
    assert result.points[0].limits.mean == pytest.approx(11)
    assert result.points[-1].limits.mean == pytest.approx(31)
    assert result.limits.lower == pytest.approx(31 - 5.32)
    assert result.assurance is Assurance.MET
    assert not any(p.special for p in result.points)
    # Without recalculation the jump shows as special cause.
    assert analyse(values).points[-1].special
    with pytest.raises(ValueError):
        analyse(values, recalculate_from=7)


def test_too_few_values():
    with pytest.raises(ValueError):
        analyse([5])


values_strategy = st.lists(
    st.integers(min_value=-1000, max_value=1000).map(float), min_size=2, max_size=40
)


@settings(deadline=None)
@given(values_strategy)
def test_limits_are_symmetric_around_the_mean(values):
    limits = limits_for(values)
    assert limits.upper - limits.mean == pytest.approx(limits.mean - limits.lower)
    assert limits.lower <= limits.mean <= limits.upper


@settings(deadline=None)
@given(values_strategy, st.integers(min_value=-500, max_value=500))
def test_shifting_every_value_moves_the_limits_and_keeps_the_signals(values, offset):
    before = analyse(values)
    after = analyse([v + offset for v in values])
    assert after.limits.mean == pytest.approx(before.limits.mean + offset)
    assert after.limits.mean_moving_range == pytest.approx(before.limits.mean_moving_range)
    assert [p.signals for p in after.points] == [p.signals for p in before.points]


@settings(deadline=None)
@given(values_strategy)
def test_mirroring_the_values_mirrors_the_signals_and_the_icons(values):
    before = analyse(values, polarity=Polarity.HIGHER)
    after = analyse([-v for v in values], polarity=Polarity.LOWER)
    flip = {Side.HIGH: Side.LOW, Side.LOW: Side.HIGH}
    assert [{r: flip[s] for r, s in p.signals.items()} for p in before.points] == [
        p.signals for p in after.points
    ]
    assert before.variation == after.variation


@settings(deadline=None)
@given(values_strategy)
def test_a_constant_series_has_no_special_cause(values):
    flat = [values[0]] * len(values)
    assert not any(p.special for p in analyse(flat).points)
    assert special_causes(flat, limits_for(flat)) == [{} for _ in flat]


@settings(deadline=None)
@given(values_strategy)
def test_a_point_outside_is_beyond_a_limit(values):
    result = analyse(values)
    for p in result.points:
        if Rule.OUTSIDE in p.signals:
            assert p.value > p.limits.upper or p.value < p.limits.lower


def test_a_baseline_is_held_in_each_process_when_the_process_is_recalculated():
    # First process: values 0-5, limits from its first 3 values 10, 12, 14: mean 12, moving
    # ranges 2, 2 (mean 2), so 12 +/- 5.32. Second process from value 6: limits from 50, 54, 52:
    # mean 52, moving ranges 4, 2 (mean 3), so 52 +/- 7.98. The later 30s and 80s stay outside.
    values = [10, 12, 14, 30, 30, 30, 50, 54, 52, 80, 80, 80]
    result = analyse(values, baseline=3, recalculate_from=6)
    first, second = result.points[0].limits, result.points[6].limits
    assert (first.mean, first.upper, first.lower) == pytest.approx((12, 17.32, 6.68))
    assert (second.mean, second.upper, second.lower) == pytest.approx((52, 59.98, 44.02))
    assert first.baseline_count == second.baseline_count == 3
    assert all(p.limits == first for p in result.points[:6])
    assert all(p.limits == second for p in result.points[6:])
    assert result.limits == second
    outside = [p.index for p in result.points if Rule.OUTSIDE in p.signals]
    assert outside == [3, 4, 5, 9, 10, 11]


def _limits(lower, upper):
    mean = (lower + upper) / 2
    return Limits(mean, 0.0, upper, lower, 0.0, baseline_count=2)


@pytest.mark.parametrize(
    ("polarity", "target", "expected"),
    [
        # Limits 40 to 60 written out by hand; a target on a limit counts as met (right side)
        # or as hit and miss (wrong side): the process can still reach it.
        (Polarity.HIGHER, 40, Assurance.MET),
        (Polarity.HIGHER, 60, Assurance.HIT_AND_MISS),
        (Polarity.HIGHER, 61, Assurance.MISSED),
        (Polarity.LOWER, 60, Assurance.MET),
        (Polarity.LOWER, 40, Assurance.HIT_AND_MISS),
        (Polarity.LOWER, 39, Assurance.MISSED),
    ],
)
def test_assurance_exactly_at_a_limit(polarity, target, expected):
    assert assurance_of(_limits(40.0, 60.0), target, polarity) == expected


def test_a_steady_process_exactly_on_its_target_consistently_meets_it():
    # Four values of 20: mean 20, no moving range, so both limits are 20, the target itself.
    for polarity in (Polarity.HIGHER, Polarity.LOWER):
        result = analyse([20, 20, 20, 20], polarity=polarity, target=20)
        assert result.assurance == Assurance.MET


def test_a_falling_trend_and_a_low_shift_are_marked_low():
    # 10 then six points each lower than the one before (20 down to 15): a falling trend of 6.
    falling = special_causes([10, 20, 19, 18, 17, 16, 15], limits_for([0, 100]))
    assert [i for i, s in enumerate(falling) if s.get(Rule.TREND) == Side.LOW] == [1, 2, 3, 4, 5, 6]
    # Seven 30s then seven 10s around a mean of 20: a high shift, then a low one.
    shifts = special_causes([30] * 7 + [10] * 7, limits_for([0, 40]))
    assert [s.get(Rule.SHIFT) for s in shifts] == [Side.HIGH] * 7 + [Side.LOW] * 7


@pytest.mark.parametrize(
    ("polarity", "expected"),
    [
        (Polarity.HIGHER, Variation.CONCERNING),
        (Polarity.LOWER, Variation.IMPROVING),
        (Polarity.NONE, Variation.SPECIAL),
    ],
)
def test_a_latest_point_below_the_lower_limit_reads_the_right_way_round(polarity, expected):
    # Ten values of 50 or 52: mean 51, moving ranges all 2, limits 51 +/- 5.32; then 20, below.
    values = [50, 52] * 5 + [20]
    result = analyse(values, polarity=polarity, baseline=10)
    assert result.points[-1].signals[Rule.OUTSIDE] == Side.LOW
    assert result.variation == expected


def test_excluded_moving_ranges_leave_the_mean_of_the_others():
    # Ranges 2 (x8), 30, 30: mean 76 / 10 = 7.6, upper range limit 3.267 x 7.6 = 24.83, so both
    # 30s go; the mean of the eight 2s is 2 and the upper range limit becomes 3.267 x 2 = 6.534.
    values = [10, 12, 10, 12, 10, 12, 10, 12, 10, 40, 10]
    limits = limits_for(values, exclude_large_ranges=True)
    assert limits.excluded_ranges == 2
    assert limits.mean_moving_range == pytest.approx(2)
    assert limits.upper_range_limit == pytest.approx(6.534)
    assert limits_for(values).excluded_ranges == 0


def test_the_smallest_baseline_and_process_split_are_accepted_and_one_fewer_is_refused():
    values = [10, 12, 11, 13, 12, 14]
    assert analyse(values, baseline=2).limits.baseline_count == 2
    assert [p.limits.baseline_count for p in analyse(values, recalculate_from=2).points] == [
        2, 2, 4, 4, 4, 4,
    ]  # fmt: skip
    assert analyse(values, recalculate_from=4).points[4].limits.baseline_count == 2
    with pytest.raises(ValueError, match="A baseline needs at least 2 values."):
        analyse(values, baseline=1)
    for start in (1, 5):
        with pytest.raises(ValueError, match="at least 2 values on each side of its start"):
            analyse(values, recalculate_from=start)
