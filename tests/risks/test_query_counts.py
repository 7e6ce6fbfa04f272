"""Every selector runs in a fixed number of SQL queries, whether a register holds 20 or 2,000 risks."""

import datetime as dt
import itertools

import pytest

from scorecard.core.heatmap import Position
from scorecard.risks import selectors, services
from scorecard.risks.choices import RiskCategory
from scorecard.risks.models import Action, Assessment, Risk

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


def build_register(size: int):
    default_matrix()
    services.risk_appetite_set(category=RiskCategory.STRATEGIC, maximum_score=10)
    owner, register = UserFactory(), RegisterFactory()
    areas = itertools.cycle([RiskAreaFactory(), RiskAreaFactory(), None])
    # Review dates spread 20 days either side of TODAY, from the first risk's on: the factory's
    # own sequence runs on across tests, and 20 risks could all fall after TODAY.
    risks = Risk.objects.bulk_create(
        RiskFactory.build(
            owner=owner,
            register=register,
            area=next(areas),
            next_review_on=TODAY + dt.timedelta(days=n % 40 - 20),
        )
        for n in range(size)
    )
    Assessment.objects.bulk_create(
        Assessment(
            risk=risk,
            period=f"2017/18-Q{quarter}",
            assessed_on=dt.date(2017, 3 * quarter + 1, 5),
            likelihood=risk.current_likelihood,
            impact=risk.current_impact,
            score=risk.current_likelihood * risk.current_impact,
            band_key="amber",
            band_label="Amber",
            band_colour="#f47738",
            assessor=owner,
        )
        for risk in risks
        for quarter in (1, 2)
    )
    Action.objects.bulk_create(ActionFactory.build(risk=risk, owner=owner) for risk in risks)
    return register


def touch(risks):
    """Read what a page shows, so a missing select_related would show as extra queries."""
    for risk in risks:
        _ = (risk.owner.get_full_name(), risk.register.name, risk.area, risk.escalated_to)
        _ = (risk.score, risk.band_key, risk.outside_appetite, selectors.movement_of(risk))


@pytest.mark.parametrize("size", [20, 2000])
def test_selectors_use_the_same_number_of_queries_at_any_size(size, django_assert_num_queries):
    register = build_register(size)
    with django_assert_num_queries(4):
        matrix = selectors.risk_matrix_current()

    with django_assert_num_queries(1):
        counts = selectors.risk_counts_by_band(matrix=matrix)
    assert sum(c.count for c in counts) == size

    with django_assert_num_queries(2):
        heat_map = selectors.risk_heat_map(matrix=matrix)
    assert heat_map.total == size

    with django_assert_num_queries(1):
        heat_map = selectors.risk_heat_map(matrix=matrix, basis="inherent", with_references=False)
    assert heat_map.cells[(5, 5)].count == size

    with django_assert_num_queries(1):
        top = selectors.risks_top(matrix=matrix, limit=10)
        touch(top)
    assert len(top) == 10

    with django_assert_num_queries(1):
        view = list(selectors.risks_corporate_view(matrix=matrix))
        touch(view)
    assert len(view) == size

    with django_assert_num_queries(2):
        areas = selectors.risks_by_area(matrix=matrix)
        touch(risk for area in areas for risk in area.ranked_risks)

    with django_assert_num_queries(3):
        ratings = selectors.risk_area_ratings(matrix=matrix)
        _ = [
            (r.area.owner.username, [x.owner.username for x in r.most_serious_risks])
            for r in ratings
        ]
    assert sum(r.total for r in ratings) == size - size // 3

    with django_assert_num_queries(1):
        overdue = list(selectors.risks_review_overdue(today=TODAY))
        _ = [(r.owner.username, r.register.name) for r in overdue]
    assert overdue

    with django_assert_num_queries(1):
        late = list(selectors.actions_overdue(today=TODAY))
        _ = [(a.risk.reference, a.owner.username) for a in late]
    assert late

    reference, likelihood, impact = Risk.objects.values_list(
        "reference", "current_likelihood", "current_impact"
    ).first()
    printed = {reference: [Position(likelihood, impact)]}
    with django_assert_num_queries(1):
        findings = selectors.register_heat_map_check(register=register, printed=printed)
    assert len(findings) == size - 1  # only one risk printed: every other one is missing


@pytest.mark.parametrize("size", [20, 2000])
def test_a_selector_without_a_matrix_reads_it_in_four_more_queries(size, django_assert_num_queries):
    build_register(size)
    with django_assert_num_queries(5):
        selectors.risk_counts_by_band()
