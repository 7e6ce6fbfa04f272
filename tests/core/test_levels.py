"""Likelihood and impact written as councils write them (scorecard/core/levels.py)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scorecard.core.levels import level_from_words, rescale

LIKELIHOOD = {1: "Rare", 2: "Unlikely", 3: "Possible", 4: "Likely", 5: "Almost certain"}
IMPACT = {1: "Negligible", 2: "Minor", 3: "Moderate", 4: "Major", 5: "Severe"}
OWN = {1: "Low", 2: "Medium", 3: "High"}  # a council's own 3 x 3 words


@pytest.mark.parametrize(
    ("text", "labels", "axis", "expected"),
    [
        ("Possible", LIKELIHOOD, "likelihood", 3),
        ("POSSIBLE", LIKELIHOOD, "likelihood", 3),
        ("  almost   certain ", LIKELIHOOD, "likelihood", 5),
        ("Almost-certain", LIKELIHOOD, "likelihood", 5),
        ("Major", IMPACT, "impact", 4),
        ("very likely", LIKELIHOOD, "likelihood", 5),  # a synonym of the matrix's label
        ("catastrophic", IMPACT, "impact", 5),
        ("3 - Possible", LIKELIHOOD, "likelihood", 3),
        ("4 Major", IMPACT, "impact", 4),
        ("Medium", OWN, "likelihood", 2),  # the council's own word wins over the synonym
        ("High", OWN, "impact", 3),
    ],
)
def test_a_level_written_as_the_matrixs_words(text, labels, axis, expected):
    assert level_from_words(text, labels, axis) == expected


@pytest.mark.parametrize(
    ("text", "labels", "axis"),
    [
        ("Posible", LIKELIHOOD, "likelihood"),  # a typing slip is not guessed
        ("Major", LIKELIHOOD, "likelihood"),  # an impact word on the likelihood scale
        ("4 (Possible)", LIKELIHOOD, "likelihood"),  # the number and the word disagree
        ("very likely", OWN, "likelihood"),  # a synonym of a label this matrix does not have
        ("6", LIKELIHOOD, "likelihood"),
    ],
)
def test_words_that_name_no_level_are_not_guessed(text, labels, axis):
    assert level_from_words(text, labels, axis) is None


def test_a_three_point_scale_onto_five_keeps_the_ends_and_the_middle():
    assert [rescale(n, file_top=3, matrix_top=5) for n in (1, 2, 3)] == [1, 3, 5]
    assert [rescale(n, file_top=4, matrix_top=5) for n in (1, 2, 3, 4)] == [1, 2, 4, 5]
    assert [rescale(n, file_top=5, matrix_top=3) for n in (1, 2, 3, 4, 5)] == [1, 2, 2, 3, 3]


def test_a_number_off_the_files_scale_is_refused():
    with pytest.raises(ValueError, match="4 is not between 1 and 3"):
        rescale(4, file_top=3, matrix_top=5)


@given(st.integers(2, 10), st.integers(2, 10), st.data())
def test_rescaling_keeps_the_ends_and_the_order(file_top, matrix_top, data):
    placed = [rescale(n, file_top=file_top, matrix_top=matrix_top) for n in range(1, file_top + 1)]
    assert placed[0] == 1 and placed[-1] == matrix_top
    assert placed == sorted(placed)
    assert all(1 <= p <= matrix_top for p in placed)
    same = data.draw(st.integers(1, file_top))
    assert rescale(same, file_top=file_top, matrix_top=file_top) == same
