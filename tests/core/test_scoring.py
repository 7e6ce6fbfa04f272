"""The pure risk scoring core: matrix validation, score, band, ranking, movement, review dates."""

import calendar
import datetime as dt
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scorecard.core import scoring
from scorecard.core.scoring import Band, Level, Matrix, ScoringError

levels = st.integers(min_value=1, max_value=5)


def test_the_core_modules_import_without_django():
    code = (
        "import sys, scorecard.core.scoring, scorecard.core.heatmap; "
        "assert 'django' not in sys.modules, sorted(m for m in sys.modules if 'django' in m)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_default_matrix_is_five_by_five_with_the_usual_labels():
    matrix = scoring.default_matrix()
    assert matrix.problems() == {}
    assert [lv.label for lv in matrix.likelihood] == [
        "Rare",
        "Unlikely",
        "Possible",
        "Likely",
        "Almost certain",
    ]
    assert [lv.label for lv in matrix.impact] == [
        "Negligible",
        "Minor",
        "Moderate",
        "Major",
        "Severe",
    ]
    assert all(level.descriptor for level in matrix.likelihood + matrix.impact)
    review = {band.key: band.review_months for band in matrix.bands}
    assert review == {"red": 1, "amber": 3, "green": 6}


@pytest.mark.parametrize(
    ("likelihood", "impact", "band"),
    [
        (1, 1, "green"),
        (2, 3, "green"),
        (2, 4, "amber"),
        (3, 4, "amber"),
        (3, 5, "red"),
        (5, 5, "red"),
    ],
)
def test_default_bands_follow_the_score(likelihood, impact, band):
    assert scoring.default_matrix().band_for(likelihood, impact).key == band


@given(levels, levels)
def test_default_band_ranges_are_green_1_to_6_amber_8_to_12_red_15_to_25(likelihood, impact):
    value = scoring.score(likelihood, impact)
    band = scoring.default_matrix().band_for(likelihood, impact).key
    ranges = {"green": range(1, 7), "amber": range(8, 13), "red": range(15, 26)}
    assert value in ranges[band]


@given(levels, levels, levels, levels)
def test_a_higher_score_is_never_in_a_milder_default_band(l1, i1, l2, i2):
    matrix = scoring.default_matrix()
    first, second = matrix.band_for(l1, i1), matrix.band_for(l2, i2)
    if scoring.score(l1, i1) > scoring.score(l2, i2):
        assert first.severity >= second.severity


@given(levels, levels)
def test_score_is_likelihood_times_impact_and_symmetric(likelihood, impact):
    assert scoring.score(likelihood, impact) == likelihood * impact
    assert scoring.score(likelihood, impact) == scoring.score(impact, likelihood)


@given(st.integers(min_value=-3, max_value=9), st.integers(min_value=-3, max_value=9))
def test_band_lookup_refuses_levels_outside_the_matrix(likelihood, impact):
    matrix = scoring.default_matrix()
    if 1 <= likelihood <= 5 and 1 <= impact <= 5:
        assert matrix.band_for(likelihood, impact).key in {"green", "amber", "red"}
    else:
        with pytest.raises(ScoringError, match="outside the risk matrix"):
            matrix.band_for(likelihood, impact)


def _matrix(likelihood_numbers, impact_numbers, cells, bands=scoring.DEFAULT_BANDS):
    return Matrix(
        tuple(Level(n, f"L{n}") for n in likelihood_numbers),
        tuple(Level(n, f"I{n}") for n in impact_numbers),
        tuple(bands),
        cells,
    )


@given(st.integers(1, 7), st.integers(1, 7), st.data())
def test_any_complete_matrix_is_accepted_and_removing_a_cell_is_refused(rows, columns, data):
    cells = {
        (lk, im): data.draw(st.sampled_from(["green", "amber", "red"]))
        for lk in range(1, rows + 1)
        for im in range(1, columns + 1)
    }
    assert _matrix(range(1, rows + 1), range(1, columns + 1), cells).problems() == {}
    gap = data.draw(st.sampled_from(sorted(cells)))
    del cells[gap]
    problems = _matrix(range(1, rows + 1), range(1, columns + 1), cells).problems()
    assert list(problems) == ["cells"]
    assert f"likelihood {gap[0]} x impact {gap[1]}" in problems["cells"][0]


def test_levels_with_a_gap_are_refused_with_their_numbers():
    cells = {(lk, im): "green" for lk in (1, 2, 4) for im in (1, 2)}
    problems = _matrix((1, 2, 4), (1, 2), cells).problems()
    assert problems["likelihood"] == [
        "The likelihood levels must be numbered 1, 2, 3... without gaps or repeats; they are 1, 2, 4."
    ]
    assert "impact" not in problems


def test_a_cell_with_an_undefined_band_is_refused():
    cells = {(lk, im): "green" for lk in (1, 2) for im in (1, 2)}
    cells[(2, 2)] = "purple"
    problems = _matrix((1, 2), (1, 2), cells).problems()
    assert problems["cells"] == ["These bands are used in cells but not defined: purple."]


def test_a_band_defined_twice_or_never_reviewed_is_refused():
    bands = (Band("red", "Red", "#d4351c", 3, 1), Band("red", "Red again", "#000000", 4, 0))
    problems = _matrix((1,), (1,), {(1, 1): "red"}, bands).problems()
    assert "The band 'red' is defined more than once." in problems["bands"]
    assert (
        "The review frequency of the Red again band must be 1 month or more." in problems["bands"]
    )


risk_rows = st.lists(
    st.tuples(levels, levels, st.text(alphabet="ABCR0123456789", min_size=1, max_size=5)),
    max_size=30,
)


@given(risk_rows)
def test_ranking_puts_higher_scores_first_then_impact_then_likelihood_then_reference(rows):
    ranked = sorted(
        rows,
        key=lambda r: scoring.rank_key(
            risk_score=r[0] * r[1], likelihood=r[0], impact=r[1], reference=r[2]
        ),
    )
    for (l1, i1, ref1), (l2, i2, ref2) in zip(ranked, ranked[1:], strict=False):
        assert l1 * i1 >= l2 * i2
        if l1 * i1 == l2 * i2:
            assert i1 >= i2
            if i1 == i2:
                assert l1 >= l2
                if l1 == l2:
                    assert ref1 <= ref2


def test_impact_outranks_likelihood_at_equal_score():
    severe_but_rare = scoring.rank_key(risk_score=5, likelihood=1, impact=5, reference="B")
    likely_but_minor = scoring.rank_key(risk_score=5, likelihood=5, impact=1, reference="A")
    assert severe_but_rare < likely_but_minor


@given(st.none() | st.integers(1, 25), st.integers(1, 25))
def test_movement_compares_with_the_previous_score(previous, current):
    result = scoring.movement(previous, current)
    if previous is None:
        assert result == "new"
    else:
        assert (
            result == {-1: "down", 0: "same", 1: "up"}[(current > previous) - (current < previous)]
        )
        opposite = {"up": "down", "down": "up", "same": "same"}[result]
        assert scoring.movement(current, previous) == opposite


@given(st.integers(1, 25), st.none() | st.integers(1, 25))
def test_outside_appetite_only_above_the_maximum(value, maximum):
    assert scoring.outside_appetite(value, maximum) == (maximum is not None and value > maximum)


@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2090, 12, 31)), st.integers(1, 24))
def test_next_review_is_that_many_calendar_months_later(last_review, months):
    due = scoring.next_review_date(last_review, months)
    assert due > last_review
    assert (due.year - last_review.year) * 12 + due.month - last_review.month == months
    if due.day != last_review.day:  # kept inside a shorter month: its last day
        assert last_review.day > 28
        assert due.day == calendar.monthrange(due.year, due.month)[1]


def test_next_review_keeps_the_end_of_short_months():
    assert scoring.next_review_date(dt.date(2019, 1, 31), 1) == dt.date(2019, 2, 28)
    assert scoring.next_review_date(dt.date(2019, 8, 31), 6) == dt.date(2020, 2, 29)
    with pytest.raises(ScoringError):
        scoring.next_review_date(dt.date(2019, 1, 31), 0)


def test_cells_outside_the_scales_are_refused_and_named():
    # A 2 x 2 matrix with every cell banded, plus a third likelihood row and a third impact
    # column that the scales do not have: both extra cells are named, nothing else is wrong.
    cells = {(lk, im): "green" for lk in (1, 2) for im in (1, 2)}
    cells[(3, 1)] = "amber"
    cells[(1, 3)] = "red"
    problems = _matrix((1, 2), (1, 2), cells).problems()
    assert problems == {
        "cells": [
            "These cells are outside the scales: likelihood 1 x impact 3, likelihood 3 x impact 1."
        ]
    }


def test_a_cell_outside_only_one_scale_is_refused():
    # Likelihood 2 exists but impact 0 does not (the scales start at 1).
    cells = {(lk, im): "green" for lk in (1, 2) for im in (1, 2)}
    cells[(2, 0)] = "green"
    problems = _matrix((1, 2), (1, 2), cells).problems()
    assert problems["cells"] == ["These cells are outside the scales: likelihood 2 x impact 0."]
