"""The Audit Committee report's quarters around today: hand-worked dates and properties."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from scorecard.core.actions_due import is_overdue
from scorecard.core.audit_committee import months_on, window

D = dt.date
days = st.dates(min_value=D(2000, 1, 1), max_value=D(2100, 12, 31))
statuses = st.sampled_from(["not_started", "in_progress", "implemented", "verified", "cancelled"])


def test_hand_worked_dates():
    # The demo's today: back three months to 4 September, the day after is the first counted.
    assert (window(D(2017, 12, 4)).since, window(D(2017, 12, 4)).until) == (
        D(2017, 9, 5),
        D(2018, 3, 4),
    )
    # 30 November plus three months: February has 28 days in 2018, 29 in 2020.
    assert months_on(D(2017, 11, 30), 3) == D(2018, 2, 28)
    assert months_on(D(2019, 11, 30), 3) == D(2020, 2, 29)
    assert months_on(D(2018, 1, 31), -3) == D(2017, 10, 31)


def test_due_today_is_due_soon_and_done_work_never_is():
    span = window(D(2017, 12, 4))
    assert span.due_soon(status="in_progress", agreed=D(2017, 12, 4), revised=None)
    assert not span.due_soon(status="implemented", agreed=D(2017, 12, 4), revised=None)
    # The revised date counts, not the first one: moved out of the window.
    assert not span.due_soon(status="in_progress", agreed=D(2017, 12, 20), revised=D(2018, 6, 1))


@given(days, st.integers(min_value=-60, max_value=60))
def test_months_on_moves_by_whole_months_and_back(day, months):
    moved = months_on(day, months)
    assert (moved.year * 12 + moved.month) - (day.year * 12 + day.month) == months
    assert moved.day <= day.day
    if day.day <= 28:
        assert months_on(moved, -months) == day


@given(days, statuses, st.one_of(st.none(), days), st.one_of(st.none(), days))
def test_nothing_is_both_due_soon_and_overdue(today, status, agreed, revised):
    span = window(today)
    soon = span.due_soon(status=status, agreed=agreed, revised=revised)
    late = is_overdue(status=status, agreed=agreed, revised=revised, today=today)
    assert not (soon and late)


@given(days, st.one_of(st.none(), days))
def test_the_period_looked_back_on_is_three_months_ending_today(today, day):
    span = window(today)
    assert span.since <= today <= span.until
    assert span.in_period(today)
    assert span.in_period(day) == (day is not None and span.since <= day <= today)
