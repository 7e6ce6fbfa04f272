"""Figures as the council publishes them: half-up rounding, thousands separators, dates and
plurals in GOV.UK style, and figures rounded to the places stored with a notice."""

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scorecard.core.figures import (
    as_published,
    as_stored,
    figure,
    long_date,
    plural,
    rounding_notice,
)


@pytest.mark.parametrize(
    ("value", "decimals", "published"),
    [
        ("49.96", 1, "50.0"),
        ("49.996", 2, "50.00"),
        ("2.25", 1, "2.3"),  # half up, as people round by hand (banker's rounding gives 2.2)
        ("2.675", 2, "2.68"),  # a float would give 2.67
        ("-2.25", 1, "-2.3"),
        ("1309.5", 0, "1310"),
    ],
)
def test_a_figure_is_rounded_half_up_to_its_published_decimals(value, decimals, published):
    assert str(as_published(Decimal(value), decimals)) == published


@pytest.mark.parametrize(
    ("value", "decimals", "unit", "shown"),
    [
        (Decimal("1310"), None, "", "1,310"),
        (Decimal("1310.000000"), None, "number", "1,310"),
        (Decimal("49.96"), 1, "percentage", "50.0%"),
        (Decimal("4680000"), 0, "currency", "£4,680,000"),
        (Decimal("-0.04"), 1, "", "0.0"),
        (None, 1, "percentage", "–"),
        (56.175, 3, "", "56.175"),
    ],
)
def test_a_figure_reads_with_thousands_separators_and_its_unit(value, decimals, unit, shown):
    assert figure(value, decimals, unit) == shown


def test_dates_read_as_gov_uk_writes_them():
    assert long_date(dt.date(2018, 3, 31)) == "31 March 2018"
    assert long_date(dt.datetime(2017, 10, 5, 9, 0, tzinfo=dt.UTC)) == "5 October 2017"
    assert long_date("2018-03-31") == "31 March 2018"
    assert long_date(None) == ""


def test_counts_read_as_one_thing_or_several():
    assert plural(1, "indicator") == "1 indicator"
    assert plural(2, "indicator") == "2 indicators"
    assert plural(0, "risk area") == "0 risk areas"
    assert plural(1310, "risk") == "1,310 risks"
    assert plural(1, "indicator is", "indicators are") == "1 indicator is"


def test_excel_noise_is_stored_as_the_councils_figure_with_a_notice():
    noisy = Decimal("56.175000000000004")
    assert as_stored(noisy) == Decimal("56.175")
    assert rounding_notice("value", noisy) == (
        "The value 56.175000000000004 has more than 6 decimal places: it is stored as 56.175."
    )
    assert rounding_notice("value", Decimal("56.175")) == ""
    assert rounding_notice("value", Decimal("1.50000000")) == ""  # trailing zeros change nothing
    assert rounding_notice("value", None) == ""


@given(st.decimals(min_value=-(10**9), max_value=10**9, allow_nan=False, allow_infinity=False))
def test_a_stored_figure_keeps_at_most_six_places_and_is_within_half_a_millionth(value):
    stored = as_stored(value)
    assert -stored.as_tuple().exponent <= 6 or stored == value
    assert abs(stored - value) <= Decimal("0.0000005")


@given(
    st.decimals(min_value=-(10**6), max_value=10**6, places=4, allow_nan=False),
    st.integers(min_value=0, max_value=3),
)
def test_rounding_a_published_figure_again_changes_nothing(value, decimals):
    once = as_published(value, decimals)
    assert as_published(once, decimals) == once
    assert abs(once - value) <= Decimal(5).scaleb(-decimals - 1)
