"""The overdue rule for actions and audit recommendations, and who may decide an extension or
verify a recommendation."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from scorecard.core.actions_due import (
    DONE_STATUSES,
    days_overdue,
    due_date,
    is_overdue,
    may_decide_extension,
    may_verify,
)

TODAY = date(2017, 10, 16)
dates = st.one_of(st.none(), st.dates(min_value=date(2015, 1, 1), max_value=date(2020, 12, 31)))
statuses = st.sampled_from(["open", "in_progress", *sorted(DONE_STATUSES)])
people = st.one_of(st.none(), st.integers(min_value=1, max_value=5))


def test_hand_worked_cases():
    yesterday, tomorrow = TODAY - timedelta(days=1), TODAY + timedelta(days=1)
    assert is_overdue(status="open", agreed=yesterday, revised=None, today=TODAY)
    assert not is_overdue(status="open", agreed=TODAY, revised=None, today=TODAY)  # due today
    assert not is_overdue(status="open", agreed=yesterday, revised=tomorrow, today=TODAY)
    assert is_overdue(status="in_progress", agreed=tomorrow, revised=yesterday, today=TODAY)
    assert not is_overdue(status="completed", agreed=yesterday, revised=None, today=TODAY)
    assert not is_overdue(status="implemented", agreed=yesterday, revised=None, today=TODAY)
    assert not is_overdue(status="open", agreed=None, revised=None, today=TODAY)
    assert days_overdue(status="open", agreed=date(2017, 9, 30), revised=None, today=TODAY) == 16
    assert days_overdue(status="open", agreed=tomorrow, revised=None, today=TODAY) == 0


def test_who_may_decide_and_verify():
    assert not may_decide_extension(1, requested_by=1)
    assert may_decide_extension(2, requested_by=1)
    assert not may_decide_extension(None, requested_by=1)
    assert not may_verify(3, implemented_by=3)
    assert may_verify(4, implemented_by=3)
    assert not may_verify(None, implemented_by=None)


@given(status=statuses, agreed=dates, revised=dates, today=st.dates())
def test_overdue_is_not_done_and_due_date_before_today(status, agreed, revised, today):
    due = revised if revised is not None else agreed
    expected = status not in DONE_STATUSES and due is not None and due < today
    assert is_overdue(status=status, agreed=agreed, revised=revised, today=today) == expected
    assert due_date(agreed, revised) == due
    late = days_overdue(status=status, agreed=agreed, revised=revised, today=today)
    assert (late > 0) == expected


@given(
    status=statuses,
    agreed=dates,
    revised=dates,
    today=st.dates(max_value=date(2030, 12, 31)),
    days=st.integers(0, 400),
)
def test_overdue_work_stays_overdue_as_the_clock_moves_on(status, agreed, revised, today, days):
    if is_overdue(status=status, agreed=agreed, revised=revised, today=today):
        later = today + timedelta(days=days)
        assert is_overdue(status=status, agreed=agreed, revised=revised, today=later)
        assert (
            days_overdue(status=status, agreed=agreed, revised=revised, today=later)
            == days_overdue(status=status, agreed=agreed, revised=revised, today=today) + days
        )


@given(decider=people, requester=people, verifier=people, implementer=people)
def test_nobody_decides_their_own_extension_or_verifies_their_own_work(
    decider, requester, verifier, implementer
):
    assert may_decide_extension(decider, requester) == (
        decider is not None and decider != requester
    )
    assert may_verify(verifier, implementer) == (verifier is not None and verifier != implementer)
