"""The risk matrix is data: created by default, validated, and changed without rewriting history."""

import pytest
from django.core.exceptions import ValidationError

from scorecard.core import scoring
from scorecard.risks import selectors, services
from scorecard.risks.choices import MatrixAxis
from scorecard.risks.models import MatrixCell, MatrixLevel, RiskMatrix

from .factories import RiskFactory, default_matrix

pytestmark = pytest.mark.django_db


def test_the_default_matrix_is_stored_as_data_and_read_back():
    matrix = default_matrix()
    assert matrix.is_current
    assert MatrixCell.objects.filter(matrix=matrix).count() == 25
    labels = list(
        MatrixLevel.objects.filter(matrix=matrix, axis=MatrixAxis.IMPACT).values_list(
            "label", flat=True
        )
    )
    assert labels == ["Negligible", "Minor", "Moderate", "Major", "Severe"]
    stored = selectors.risk_matrix_current()
    assert stored == scoring.default_matrix()
    assert stored.band_for(3, 5).label == "Red"
    assert {b.key: b.review_months for b in stored.bands} == {"red": 1, "amber": 3, "green": 6}


def test_creating_the_default_twice_keeps_one_matrix():
    first = default_matrix()
    assert default_matrix() == first
    assert RiskMatrix.objects.count() == 1


def _three_by_three(**changes):
    levels = tuple(scoring.Level(n, f"Level {n}") for n in (1, 2, 3))
    spec = {
        "name": "Project 3 x 3",
        "likelihood": levels,
        "impact": levels,
        "bands": scoring.DEFAULT_BANDS,
        # Scores 1-6 green, 9 amber (the default banding, worked by hand for a 3 x 3 grid).
        "cells": {(lk, im): "green" for lk in (1, 2, 3) for im in (1, 2, 3)} | {(3, 3): "amber"},
    }
    spec.update(changes)
    return spec


def test_a_smaller_valid_matrix_can_be_made_current():
    default_matrix()
    smaller = services.risk_matrix_create(**_three_by_three())
    assert RiskMatrix.objects.get(is_current=True) == smaller
    assert selectors.risk_matrix_current().highest_score == 9


def test_a_matrix_with_an_unbanded_cell_is_refused_and_nothing_is_written():
    spec = _three_by_three()
    del spec["cells"][(2, 3)]
    with pytest.raises(ValidationError) as refused:
        services.risk_matrix_create(**spec)
    assert refused.value.message_dict == {
        "cells": ["Every cell needs a band; missing: likelihood 2 x impact 3."]
    }
    assert not RiskMatrix.objects.exists()
    assert not MatrixLevel.objects.exists()


def test_a_matrix_whose_levels_skip_a_number_is_refused():
    gap = (scoring.Level(1, "Low"), scoring.Level(2, "Medium"), scoring.Level(4, "High"))
    spec = _three_by_three(likelihood=gap)
    with pytest.raises(ValidationError) as refused:
        services.risk_matrix_create(**spec)
    assert (
        "without gaps or repeats; they are 1, 2, 4" in refused.value.message_dict["likelihood"][0]
    )


def test_a_matrix_too_small_for_the_open_risks_is_not_made_current():
    default_matrix()
    RiskFactory(reference="CR9", current_likelihood=5, current_impact=4)
    smaller = services.risk_matrix_create(**_three_by_three(), make_current=False)
    with pytest.raises(ValidationError) as refused:
        services.risk_matrix_make_current(matrix=smaller)
    assert "CR9" in refused.value.message_dict["matrix"][0]
    assert RiskMatrix.objects.get(is_current=True).name == "Corporate 5 x 5 matrix"


def test_a_cell_can_move_to_another_band():
    matrix = default_matrix()
    services.risk_matrix_cell_set_band(matrix=matrix, likelihood=2, impact=3, band_key="amber")
    assert selectors.risk_matrix_current().band_for(2, 3).key == "amber"
    with pytest.raises(ValidationError, match="no band called 'purple'"):
        services.risk_matrix_cell_set_band(matrix=matrix, likelihood=2, impact=3, band_key="purple")
