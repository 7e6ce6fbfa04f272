from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scorecard.core.direction import Direction, direction_of_travel
from scorecard.core.polarity import Margin, Polarity


@pytest.mark.parametrize(
    ("current", "previous", "polarity", "expected"),
    [
        (D(80), D(70), Polarity.HIGHER, Direction.IMPROVING),
        (D(60), D(70), Polarity.HIGHER, Direction.DETERIORATING),
        (D(60), D(70), Polarity.LOWER, Direction.IMPROVING),
        (D(80), D(70), Polarity.LOWER, Direction.DETERIORATING),
        (D(70), D(70), Polarity.HIGHER, Direction.NO_CHANGE),
        (D(70), None, Polarity.HIGHER, Direction.NOT_COMPARABLE),
        (D(80), D(70), Polarity.NONE, Direction.NOT_COMPARABLE),
    ],
)
def test_direction_follows_polarity(current, previous, polarity, expected):
    assert direction_of_travel(current, previous, polarity=polarity) == expected


def test_no_material_change_band_in_percent_of_the_earlier_value():
    band = Margin.percent(2)
    assert (
        direction_of_travel(D("101.9"), D(100), polarity=Polarity.HIGHER, band=band)
        == Direction.NO_CHANGE
    )
    assert (
        direction_of_travel(D("102.1"), D(100), polarity=Polarity.HIGHER, band=band)
        == Direction.IMPROVING
    )
    assert (
        direction_of_travel(D("97.9"), D(100), polarity=Polarity.HIGHER, band=band)
        == Direction.DETERIORATING
    )


def test_on_target_best_improves_when_moving_closer_to_target():
    kw = {"polarity": Polarity.ON_TARGET, "target": D(50)}
    assert direction_of_travel(D(48), D(40), **kw) == Direction.IMPROVING
    assert direction_of_travel(D(52), D(58), **kw) == Direction.IMPROVING
    assert direction_of_travel(D(62), D(55), **kw) == Direction.DETERIORATING
    assert direction_of_travel(D(45), D(55), **kw) == Direction.NO_CHANGE  # same distance
    assert (
        direction_of_travel(D(45), D(55), polarity=Polarity.ON_TARGET) == Direction.NOT_COMPARABLE
    )


numbers = st.decimals(min_value=-1000, max_value=1000, places=2, allow_nan=False)


@given(numbers, numbers, st.sampled_from([Polarity.HIGHER, Polarity.LOWER]))
def test_swapping_the_values_reverses_the_direction(a, b, polarity):
    forward = direction_of_travel(a, b, polarity=polarity)
    backward = direction_of_travel(b, a, polarity=polarity)
    reverse = {
        Direction.IMPROVING: Direction.DETERIORATING,
        Direction.DETERIORATING: Direction.IMPROVING,
        Direction.NO_CHANGE: Direction.NO_CHANGE,
    }
    assert backward == reverse[forward]


@given(numbers, numbers)
def test_mirrored_polarity_reverses_the_direction(a, b):
    higher = direction_of_travel(a, b, polarity=Polarity.HIGHER)
    lower = direction_of_travel(-a, -b, polarity=Polarity.LOWER)
    assert higher == lower
