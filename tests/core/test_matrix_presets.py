"""The ready-made risk matrices: each is complete, and banded as written out by hand."""

import pytest

from scorecard.core import scoring
from scorecard.core.matrix_presets import PRESETS


@pytest.mark.parametrize("size", [3, 4, 5, 6])
def test_every_preset_is_a_complete_matrix(size):
    matrix = PRESETS[size].matrix()
    assert len(matrix.likelihood) == len(matrix.impact) == size
    assert len(matrix.cells) == size * size
    assert matrix.problems() == {}


def test_the_5x5_preset_is_the_default_matrix():
    assert PRESETS[5].matrix() == scoring.default_matrix()
    assert PRESETS[5].matrix().cells == scoring.default_matrix().cells


# (size, likelihood, impact, band): each score worked out by hand as likelihood x impact and
# placed against the preset's bounds (3x3 green <= 2, amber <= 4; 4x4 3 / 8; 6x6 8 / 18).
@pytest.mark.parametrize(
    ("size", "likelihood", "impact", "band"),
    [
        (3, 1, 2, "green"),  # 2
        (3, 2, 2, "amber"),  # 4
        (3, 2, 3, "red"),  # 6
        (4, 1, 3, "green"),  # 3
        (4, 2, 2, "amber"),  # 4
        (4, 2, 4, "amber"),  # 8
        (4, 3, 3, "red"),  # 9
        (5, 2, 3, "green"),  # 6
        (5, 2, 4, "amber"),  # 8
        (5, 3, 5, "red"),  # 15
        (6, 2, 4, "green"),  # 8
        (6, 3, 3, "amber"),  # 9
        (6, 3, 6, "amber"),  # 18
        (6, 4, 5, "red"),  # 20
        (6, 6, 6, "red"),  # 36
    ],
)
def test_a_cell_falls_in_its_band(size, likelihood, impact, band):
    assert PRESETS[size].matrix().band_for(likelihood, impact).key == band


def test_presets_are_named_by_size_and_label_their_levels():
    assert PRESETS[3].name == "Corporate 3 x 3 matrix"
    assert [level.label for level in PRESETS[4].matrix().impact] == [
        "Minor",
        "Moderate",
        "Major",
        "Severe",
    ]
