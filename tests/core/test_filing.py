"""Which quarter work is filed to: the one chosen, else the open quarter, never a locked one."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scorecard.core.filing import FilingError, filing_choices, filing_quarter
from scorecard.core.periods import Period

Q3 = Period.quarter(2017, 3)
Q4 = Period.quarter(2017, 4)
NEXT_Q1 = Period.quarter(2018, 1)


def test_a_review_on_10_april_2018_counts_in_quarter_four_while_it_is_open():
    on = dt.date(2018, 4, 10)
    assert filing_quarter(on=on, chosen=None, open_quarters=[Q4], locked_keys=[Q3.key]) == Q4
    assert filing_quarter(on=on, chosen=Q4, open_quarters=[Q4, NEXT_Q1], locked_keys=[]) == Q4


def test_with_nothing_open_work_goes_to_its_dates_quarter():
    on = dt.date(2017, 12, 4)
    assert filing_quarter(on=on, chosen=None, open_quarters=[], locked_keys=[]) == Q3


def test_a_locked_quarter_is_refused_by_name():
    with pytest.raises(FilingError, match="Quarter Four 2017/18 is locked"):
        filing_quarter(on=dt.date(2018, 4, 10), chosen=Q4, open_quarters=[], locked_keys=[Q4.key])


def test_a_month_of_a_locked_quarter_is_refused_too():
    march = Period.month(2017, 3)
    with pytest.raises(FilingError, match="Quarter Four 2017/18 is locked"):
        filing_quarter(
            on=dt.date(2018, 4, 10), chosen=march, open_quarters=[], locked_keys=[Q4.key]
        )


def test_a_quarter_not_yet_begun_is_refused():
    with pytest.raises(FilingError, match="begins on 1 April 2018"):
        filing_quarter(
            on=dt.date(2018, 3, 31), chosen=NEXT_Q1, open_quarters=[NEXT_Q1], locked_keys=[]
        )


quarters = st.builds(Period.quarter, st.integers(2010, 2030), st.integers(1, 4))
days = st.dates(dt.date(2010, 1, 1), dt.date(2031, 12, 31))


@given(on=days, open_quarters=st.lists(quarters, max_size=4), locked=st.lists(quarters, max_size=4))
def test_the_default_is_the_earliest_open_quarter_begun_else_the_dates_own(
    on, open_quarters, locked
):
    locked_keys = [q.key for q in locked]
    begun = [q for q in open_quarters if q.start <= on]
    expected = min(begun, key=lambda q: q.start) if begun else Period.containing(on, "quarter")
    try:
        filed = filing_quarter(
            on=on, chosen=None, open_quarters=open_quarters, locked_keys=locked_keys
        )
    except FilingError:
        assert expected.key in locked_keys
    else:
        assert filed == expected and filed.key not in locked_keys and filed.start <= on
        assert filing_choices(on, open_quarters)[:1] == ([filed] if begun else [])


@given(on=days, chosen=quarters, locked=st.lists(quarters, max_size=4))
def test_a_chosen_quarter_is_kept_unless_locked_or_not_begun(on, chosen, locked):
    locked_keys = [q.key for q in locked]
    try:
        filed = filing_quarter(on=on, chosen=chosen, open_quarters=[], locked_keys=locked_keys)
    except FilingError:
        assert chosen.key in locked_keys or chosen.start > on
    else:
        assert filed == chosen and chosen.key not in locked_keys and chosen.start <= on
