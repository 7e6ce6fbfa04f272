"""The confidential-risk rule on rows already read (pure, property-tested)."""

from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st

from scorecard.core.confidentiality import EVERY_RISK, NO_RISK, RiskVisibility

ids = st.integers(1, 30)
codes = st.sampled_from(["", "ASC", "CFC", "RES"])
lines = st.lists(
    st.builds(SimpleNamespace, risk_id=ids, is_confidential=st.booleans(), directorate_code=codes)
)
readers = st.builds(
    RiskVisibility,
    directorate_codes=st.frozensets(codes),
    owned=st.frozensets(ids),
    confidential_now=st.frozensets(ids),
)


@given(lines)
def test_administrators_and_auditors_see_every_risk_and_no_role_none(rows):
    assert EVERY_RISK.hidden(rows) == frozenset()
    assert all(not NO_RISK.allows(r.risk_id, r.is_confidential, r.directorate_code) for r in rows)


@given(readers, lines)
def test_a_reader_sees_a_risk_unless_confidential_and_neither_theirs_nor_their_directorates(
    reader, rows
):
    for r in rows:
        confidential = r.is_confidential or r.risk_id in reader.confidential_now
        theirs = r.risk_id in reader.owned or (
            r.directorate_code != "" and r.directorate_code in reader.directorate_codes
        )
        assert reader.allows(r.risk_id, r.is_confidential, r.directorate_code) == (
            not confidential or theirs
        )


@given(readers, lines)
def test_hidden_names_exactly_the_rows_not_allowed(reader, rows):
    assert reader.hidden(rows) == {
        r.risk_id
        for r in rows
        if not reader.allows(r.risk_id, r.is_confidential, r.directorate_code)
    }


def test_a_register_of_the_whole_council_is_no_directorate_of_anyone():
    reader = RiskVisibility(directorate_codes=frozenset({""}))
    assert not reader.allows(1, True, "")
