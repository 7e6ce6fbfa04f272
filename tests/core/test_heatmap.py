"""The pure heat map check: a printed heat map against the register's ratings."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scorecard.core.heatmap import (
    HeatMapError,
    Position,
    check_printed_heat_map,
    parse_positions,
    references_by_cell,
)


def test_positions_are_read_as_likelihood_then_impact():
    assert parse_positions("L4/I3") == [Position(4, 3)]
    assert parse_positions(" l4 / i3 ; L3/I4 ") == [Position(4, 3), Position(3, 4)]
    assert parse_positions("") == []


@pytest.mark.parametrize("text", ["4/3", "I3/L4", "L4-I3", "L4/I"])
def test_unreadable_positions_are_refused_with_an_example(text):
    with pytest.raises(HeatMapError, match="e.g. L4/I3"):
        parse_positions(text)


def test_each_kind_of_disagreement_is_found_once_per_risk():
    scored = {"1": Position(5, 2), "4": Position(3, 4), "15": Position(2, 3), "9": Position(4, 4)}
    printed = {
        "1": [Position(5, 2)],
        "4": [Position(4, 3), Position(3, 4)],
        "15": [Position(2, 4)],
        "21": [Position(1, 1)],
    }
    findings = check_printed_heat_map(scored=scored, printed=printed)
    assert [(f.reference, f.kind) for f in findings] == [
        ("4", "printed_more_than_once"),
        ("9", "not_printed"),
        ("15", "wrong_cell"),
        ("21", "not_in_register"),
    ]
    assert findings[2].message == (
        "Risk 15 is printed at likelihood 2 x impact 4, but the register rates it "
        "likelihood 2 x impact 3."
    )
    assert findings[0].message.startswith("Risk 4 is printed 2 times")


cells = st.builds(Position, st.integers(1, 5), st.integers(1, 5))
registers = st.dictionaries(st.from_regex(r"R[0-9]{1,3}", fullmatch=True), cells, max_size=25)


@given(registers)
def test_a_heat_map_printed_from_the_register_agrees_with_it(scored):
    printed = {ref: [cell] for ref, cell in scored.items()}
    assert check_printed_heat_map(scored=scored, printed=printed) == []


@given(registers, st.data())
def test_moving_one_risk_gives_exactly_one_wrong_cell(scored, data):
    if not scored:
        return
    moved = data.draw(st.sampled_from(sorted(scored)))
    elsewhere = data.draw(cells.filter(lambda c: c != scored[moved]))
    printed = {ref: [cell] for ref, cell in scored.items()}
    printed[moved] = [elsewhere]
    findings = check_printed_heat_map(scored=scored, printed=printed)
    assert [(f.reference, f.kind, f.printed) for f in findings] == [
        (moved, "wrong_cell", (elsewhere,))
    ]


@given(registers)
def test_references_by_cell_keeps_every_risk_once(scored):
    grouped = references_by_cell(scored.items())
    assert sorted(ref for refs in grouped.values() for ref in refs) == sorted(scored)
    for cell, refs in grouped.items():
        assert all(scored[ref] == cell for ref in refs)


def test_references_in_a_cell_sort_naturally():
    grouped = references_by_cell([("10", Position(3, 3)), ("2", Position(3, 3))])
    assert grouped == {Position(3, 3): ["2", "10"]}


def test_a_risk_printed_twice_in_the_same_cell_is_printed_more_than_once():
    # CR3 is rated L4/I3 and printed twice, both times in L4/I3: the right cell, but twice.
    scored = {"CR3": Position(4, 3), "CR7": Position(2, 2)}
    printed = {"CR3": [Position(4, 3), Position(4, 3)], "CR7": [Position(2, 2)]}
    findings = check_printed_heat_map(scored=scored, printed=printed)
    assert [(f.reference, f.kind) for f in findings] == [("CR3", "printed_more_than_once")]
    assert findings[0].message == (
        "Risk CR3 is printed 2 times (likelihood 4 x impact 3; likelihood 4 x impact 3); "
        "the register rates it likelihood 4 x impact 3."
    )


def test_each_cell_lists_its_references_in_natural_order():
    # CR2 and CR10 share L4/I3 (2 before 10); CR1 alone in L1/I5.
    positions = [("CR10", Position(4, 3)), ("CR1", Position(1, 5)), ("CR2", Position(4, 3))]
    assert references_by_cell(positions) == {
        Position(1, 5): ["CR1"],
        Position(4, 3): ["CR2", "CR10"],
    }


def test_an_empty_part_between_cells_is_skipped_not_the_end():
    # "L4/I3;;L3/I4": the empty part between the two semicolons is skipped, L3/I4 still read.
    assert parse_positions("L4/I3;;L3/I4") == [Position(4, 3), Position(3, 4)]
    assert parse_positions(", L1/I1") == [Position(1, 1)]
