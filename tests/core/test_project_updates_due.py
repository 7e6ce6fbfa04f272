"""When a project update is owed and late: hand-worked cases and properties."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from scorecard.core.project_updates_due import (
    runs_in,
    update_deadline,
    update_late,
    update_owed,
)

Q3_START, Q3_END = dt.date(2017, 10, 1), dt.date(2017, 12, 31)
STATES = st.sampled_from([None, "draft", "submitted", "approved", "returned"])
DATES = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 12, 31))


def test_a_draft_or_returned_update_is_still_owed_a_submitted_or_approved_one_is_not():
    assert [update_owed(s) for s in (None, "draft", "returned", "submitted", "approved")] == [
        True, True, True, False, False,
    ]  # fmt: skip


def test_due_thirty_days_after_the_quarter_and_late_from_the_day_after():
    # 31 December 2017 + 30 days = 30 January 2018.
    assert update_deadline(Q3_END) == dt.date(2018, 1, 30)
    assert not update_late(state=None, quarter_end=Q3_END, today=dt.date(2018, 1, 30))
    assert update_late(state="draft", quarter_end=Q3_END, today=dt.date(2018, 1, 31))
    assert not update_late(state="submitted", quarter_end=Q3_END, today=dt.date(2018, 1, 31))


def test_a_project_runs_in_the_quarters_it_overlaps():
    kwargs = {"quarter_start": Q3_START, "quarter_end": Q3_END}
    assert runs_in(start=dt.date(2017, 4, 1), end=dt.date(2019, 3, 31), **kwargs)
    assert runs_in(start=Q3_END, end=dt.date(2019, 3, 31), **kwargs)  # starts on its last day
    assert runs_in(start=dt.date(2017, 4, 1), end=Q3_START, **kwargs)  # ends on its first day
    assert not runs_in(start=dt.date(2018, 1, 1), end=dt.date(2019, 3, 31), **kwargs)
    assert not runs_in(start=dt.date(2016, 4, 1), end=dt.date(2017, 9, 30), **kwargs)


@given(STATES, DATES, DATES)
def test_late_only_when_owed_and_after_the_deadline(state, quarter_end, today):
    late = update_late(state=state, quarter_end=quarter_end, today=today)
    assert late == (update_owed(state) and (today - quarter_end).days > 30)


@given(DATES, DATES, DATES)
def test_a_project_runs_in_a_quarter_it_has_a_day_in(start, end, day):
    """Any day of the project that falls in the quarter means it runs in it."""
    if start <= day <= end and Q3_START <= day <= Q3_END:
        assert runs_in(start=start, end=end, quarter_start=Q3_START, quarter_end=Q3_END)
