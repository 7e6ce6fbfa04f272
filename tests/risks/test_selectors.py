"""What the selectors report: counts, heat map, ranking, areas, appetite, movement, overdue work."""

import datetime as dt
from collections import Counter

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from scorecard.core import scoring
from scorecard.risks import selectors, services
from scorecard.risks.choices import ActionStatus, RiskCategory, RiskStatus
from scorecard.risks.models import Risk, RiskMatrix

from .factories import (
    TODAY,
    ActionFactory,
    RegisterFactory,
    RiskAreaFactory,
    RiskFactory,
    UserFactory,
    default_matrix,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def risks():
    """30 risks over every cell, three of them closed (closed risks never count)."""
    default_matrix()
    made = RiskFactory.create_batch(30)
    for risk in made[:3]:
        Risk.objects.filter(pk=risk.pk).update(status=RiskStatus.CLOSED)
    return Risk.objects.exclude(status=RiskStatus.CLOSED)


# The default matrix written out by hand (green 1-6, amber 8-12, red 15-25), one row per
# likelihood from 1 to 5, one letter per impact from 1 to 5: e.g. L3 x I4 = 12, amber.
DEFAULT_GRID = {1: "ggggg", 2: "gggaa", 3: "ggaar", 4: "gaarr", 5: "garrr"}
BAND_NAMES = {"g": "green", "a": "amber", "r": "red"}


def expected_band(risk):
    return BAND_NAMES[DEFAULT_GRID[risk.current_likelihood][risk.current_impact - 1]]


def test_counts_by_band_match_the_scores_of_the_live_risks(risks):
    counts = selectors.risk_counts_by_band()
    assert [c.band.key for c in counts] == ["red", "amber", "green"]
    assert {c.band.key: c.count for c in counts} == Counter(expected_band(r) for r in risks)


def test_counts_by_inherent_rating_use_the_inherent_cells(risks):
    counts = selectors.risk_counts_by_band(basis="inherent")
    assert {c.band.key: c.count for c in counts} == {"red": risks.count(), "amber": 0, "green": 0}


def test_the_heat_map_has_every_cell_with_its_count_and_references(risks):
    heat_map = selectors.risk_heat_map()
    assert len(heat_map.cells) == 25
    assert heat_map.total == risks.count()
    for risk in risks:
        cell = heat_map.cells[(risk.current_likelihood, risk.current_impact)]
        assert risk.reference in cell.references
        assert cell.band.key == expected_band(risk)
    for cell in heat_map.cells.values():
        assert cell.count == len(cell.references)
    rows = heat_map.rows()
    assert [row[0].likelihood for row in rows] == [5, 4, 3, 2, 1]  # highest likelihood on top


def test_a_base_queryset_restricts_every_count(risks):
    register = risks.first().register
    mine = Risk.objects.filter(register=register)
    assert selectors.risk_heat_map(risks=mine).total == mine.exclude(status="closed").count()
    assert sum(c.count for c in selectors.risk_counts_by_band(risks=mine)) == (
        mine.exclude(status="closed").count()
    )


def test_top_risks_follow_the_pure_ranking_order(risks):
    top = selectors.risks_top(limit=8)
    expected = sorted(
        risks,
        key=lambda r: scoring.rank_key(
            risk_score=r.current_score,
            impact=r.current_impact,
            likelihood=r.current_likelihood,
            reference=r.reference,
        ),
    )[:8]
    assert [r.reference for r in top] == [r.reference for r in expected]
    assert top[0].score == 25 and top[0].band_key == "red"


def test_the_corporate_view_holds_live_risks_of_every_register_in_use(risks):
    before = {r.reference for r in risks}
    project = RegisterFactory(kind="project")
    RiskFactory(register=project, reference="PRJ1")
    RiskFactory(register=project, reference="PRJ2", status=RiskStatus.CLOSED)
    retired = RegisterFactory(is_archived=True)
    RiskFactory(register=retired, reference="OLD1")
    view = [r.reference for r in selectors.risks_corporate_view()]
    assert sorted(view) == sorted(before | {"PRJ1"})


def test_outside_appetite_compares_the_score_with_the_category_maximum(risks):
    services.risk_appetite_set(category=RiskCategory.STRATEGIC, maximum_score=8)
    flagged = {r.reference: r.outside_appetite for r in selectors.risks_ranked()}
    assert flagged == {r.reference: r.current_score > 8 for r in risks}
    RiskFactory(
        category_id=RiskCategory.FINANCIAL, current_likelihood=5, current_impact=5, reference="F1"
    )
    f1 = next(r for r in selectors.risks_ranked() if r.reference == "F1")
    assert f1.outside_appetite is False  # no appetite set for financial risks


def test_movement_since_the_previous_assessment(risks):
    owner = UserFactory()
    up, down, once = list(risks[:3])
    for risk, scores in ((up, [(2, 2), (3, 4)]), (down, [(4, 4), (2, 4)]), (once, [(3, 3)])):
        for day, (likelihood, impact) in enumerate(scores, start=1):
            services.assessment_record(
                risk=risk,
                likelihood=likelihood,
                impact=impact,
                assessor=owner,
                assessed_on=dt.date(2017, 10, day),
                commentary="Monthly review.",
            )
    moves = {r.reference: selectors.movement_of(r) for r in selectors.risks_ranked()}
    assert (moves[up.reference], moves[down.reference], moves[once.reference]) == (
        "up",
        "down",
        "new",
    )


def test_risk_areas_show_their_risks_and_a_derived_rating(risks):
    area = RiskAreaFactory(name="Children's Social Care")
    empty = RiskAreaFactory(name="Adult Social Care")
    members = list(risks[:10])
    Risk.objects.filter(pk__in=[r.pk for r in members]).update(area=area)
    ratings = {r.area.name: r for r in selectors.risk_area_ratings()}
    rating = ratings["Children's Social Care"]
    assert rating.highest_score == max(r.current_score for r in members)
    assert rating.counts == {"red": 0, "amber": 0, "green": 0} | Counter(
        expected_band(r) for r in members
    )
    assert [r.reference for r in rating.most_serious_risks] == sorted(
        (r.reference for r in members if expected_band(r) == "red"),
        key=lambda ref: next(
            scoring.rank_key(
                risk_score=m.current_score,
                impact=m.current_impact,
                likelihood=m.current_likelihood,
                reference=m.reference,
            )
            for m in members
            if m.reference == ref
        ),
    )
    assert ratings["Adult Social Care"].total == 0
    assert ratings["Adult Social Care"].highest_band is None
    by_area = {a.name: [r.reference for r in a.ranked_risks] for a in selectors.risks_by_area()}
    assert sorted(by_area["Children's Social Care"]) == sorted(r.reference for r in members)
    assert by_area["Adult Social Care"] == []
    assert empty.pk  # archived areas aside, every area is listed


def test_reviews_overdue_are_live_risks_past_their_next_review(risks):
    overdue = list(selectors.risks_review_overdue(today=TODAY))
    assert [r.reference for r in overdue] == [
        r.reference
        for r in sorted(risks, key=lambda r: (r.next_review_on, r.reference))
        if r.next_review_on < TODAY
    ]
    assert overdue


def test_actions_overdue_use_the_revised_date_and_skip_finished_work(risks):
    risk = risks.first()
    late = ActionFactory(risk=risk, due_on=TODAY - dt.timedelta(days=3))
    ActionFactory(
        risk=risk, due_on=TODAY - dt.timedelta(days=3), revised_due_on=TODAY + dt.timedelta(days=30)
    )
    ActionFactory(risk=risk, due_on=TODAY - dt.timedelta(days=3), status=ActionStatus.COMPLETED)
    ActionFactory(risk=risk, due_on=TODAY + dt.timedelta(days=3))
    closed = Risk.objects.filter(status=RiskStatus.CLOSED).first()
    ActionFactory(risk=closed, due_on=TODAY - dt.timedelta(days=3))
    assert list(selectors.actions_overdue(today=TODAY)) == [late]


def test_the_default_today_is_the_local_date(risks):
    assert timezone.localdate() > TODAY
    assert selectors.risks_review_overdue().count() == risks.count()


def test_counts_follow_the_stored_matrix_when_a_cell_is_rebanded(risks):
    in_cell = risks.filter(current_likelihood=2, current_impact=3).count()
    before = {c.band.key: c.count for c in selectors.risk_counts_by_band()}
    matrix = RiskMatrix.objects.get(is_current=True)
    services.risk_matrix_cell_set_band(matrix=matrix, likelihood=2, impact=3, band_key="amber")
    after = {c.band.key: c.count for c in selectors.risk_counts_by_band()}
    assert in_cell > 0
    assert after == before | {
        "green": before["green"] - in_cell,
        "amber": before["amber"] + in_cell,
    }


def test_an_appetite_above_the_highest_score_is_refused(risks):
    with pytest.raises(ValidationError) as refused:
        services.risk_appetite_set(category=RiskCategory.FINANCIAL, maximum_score=26)
    assert refused.value.message_dict == {
        "maximum_score": ["The highest acceptable score must be between 1 and 25."]
    }
