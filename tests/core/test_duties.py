"""The separation of duties rule: who may approve or return a value, as far as duties go."""

from hypothesis import given
from hypothesis import strategies as st

from scorecard.core.duties import may_review, own_part

people = st.one_of(st.none(), st.integers(min_value=1, max_value=5))


def test_examples():
    assert own_part(1, entered_by=1, submitted_by=2) == "entered"
    assert own_part(2, entered_by=1, submitted_by=2) == "submitted"
    assert own_part(3, entered_by=1, submitted_by=2) == ""
    assert not may_review(1, 1, 1, self_approval_allowed=False)
    assert may_review(1, 1, 1, self_approval_allowed=True)
    assert may_review(3, 1, 2, self_approval_allowed=False)


@given(reviewer=people, entered_by=people, submitted_by=people, allowed=st.booleans())
def test_a_reviewer_who_entered_or_submitted_the_value_is_refused_unless_allowed(
    reviewer, entered_by, submitted_by, allowed
):
    took_part = reviewer is not None and reviewer in {entered_by, submitted_by}
    assert may_review(reviewer, entered_by, submitted_by, self_approval_allowed=allowed) == (
        allowed or not took_part
    )
    assert bool(own_part(reviewer, entered_by, submitted_by)) == took_part


@given(reviewer=people, entered_by=people, submitted_by=people)
def test_allowing_self_approval_only_ever_allows_more(reviewer, entered_by, submitted_by):
    if may_review(reviewer, entered_by, submitted_by, self_approval_allowed=False):
        assert may_review(reviewer, entered_by, submitted_by, self_approval_allowed=True)
