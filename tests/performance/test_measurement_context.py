"""The context shown beside a value under review: the period's target, the last four approved
values with the rating each was given, the same period last year and the last commentary.
Expected values worked by hand from the rule: green on or above target, amber within 10% of
it, red beyond."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from scorecard.core.periods import parse
from scorecard.core.status import State
from scorecard.organisation.models import Directorate
from scorecard.performance import services
from scorecard.performance.choices import Unit, WorkflowState
from scorecard.performance.context import measurement_context

from .factories import IndicatorFactory, MeasurementFactory, TargetFactory

pytestmark = pytest.mark.django_db

# period: value (target 80 in 2016/17, 90 in 2017/18; amber from 72 and from 81)
APPROVED = {
    "2016/17-Q1": 85,  # green
    "2016/17-Q2": 75,  # amber
    "2016/17-Q3": 70,  # red
    "2016/17-Q4": 82,  # green
    "2017/18-Q1": 85,  # amber
    "2017/18-Q2": 91,  # green
}


@pytest.fixture
def indicator(demo):
    made = IndicatorFactory(
        code="CTX1",
        title="People helped home from hospital",
        directorate=Directorate.objects.get(code="ASC"),
        unit=Unit.PERCENTAGE,
    )
    TargetFactory(indicator=made, period="2016/17", value=80)
    TargetFactory(indicator=made, period="2017/18", value=90)
    for period, value in APPROVED.items():
        MeasurementFactory(
            indicator=made,
            period=period,
            value=value,
            commentary="Winter pressures eased." if period == "2017/18-Q1" else "",
            improvement_actions="Extra reablement staff." if period == "2017/18-Q1" else "",
        )
    return made


def test_the_context_of_quarter_three_is_worked_by_hand(indicator):
    context = measurement_context(indicator=indicator, period=parse("2017/18-Q3"))
    assert context.target == Decimal(90)
    assert [(p.period.key, p.value, p.status.state) for p in context.previous] == [
        ("2017/18-Q2", Decimal(91), State.GREEN),
        ("2017/18-Q1", Decimal(85), State.AMBER),
        ("2016/17-Q4", Decimal(82), State.GREEN),
        ("2016/17-Q3", Decimal(70), State.RED),
    ]
    assert (context.last_year.period.key, context.last_year.status.state) == (
        "2016/17-Q3",
        State.RED,
    )
    assert context.last_notes.period.key == "2017/18-Q1"
    assert context.last_notes.improvement_actions == "Extra reablement staff."


def test_values_not_approved_and_later_periods_are_left_out(indicator):
    MeasurementFactory(
        indicator=indicator, period="2017/18-Q3", value=40, state=WorkflowState.SUBMITTED
    )
    MeasurementFactory(
        indicator=indicator, period="2015/16-Q4", value=1, state=WorkflowState.RETURNED
    )
    context = measurement_context(indicator=indicator, period=parse("2017/18-Q2"))
    assert [p.period.key for p in context.previous] == [
        "2017/18-Q1",
        "2016/17-Q4",
        "2016/17-Q3",
        "2016/17-Q2",
    ]
    assert context.last_year.value == Decimal(75)
    early = measurement_context(indicator=indicator, period=parse("2016/17-Q2"))
    assert [p.period.key for p in early.previous] == ["2016/17-Q1"]  # not the returned one
    assert early.last_year is None and early.last_notes is None


def test_the_review_page_shows_the_context(client, demo, indicator):
    services.reporting_period_open(period="2017/18-Q3", by=demo["admin"])
    value = services.measurement_save(
        indicator=indicator, period="2017/18-Q3", by=demo["editor"], expected_version=0,
        submit=True, value="88", commentary="Close to target.",
    )  # fmt: skip
    client.force_login(demo["admin"])
    page = re.sub(
        r"\s+",
        " ",
        re.sub(
            r"<[^>]+>",
            " ",
            client.get(reverse("performance:measurement_review", args=[value.pk])).content.decode(),
        ),
    )
    assert "Target for Quarter Three 2017/18 90.0%" in page
    assert "Same period last year 70.0% (Quarter Three 2016/17) Red" in page
    assert "Quarter Two 2017/18 91.0% 90.0% Green" in page
    assert "Quarter Three 2016/17 70.0% 80.0% Red" in page
    assert "Last commentary, Quarter One 2017/18 Winter pressures eased." in page
