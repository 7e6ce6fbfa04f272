"""The demo council reproduces the source Cabinet report for Quarter Two 2017/18.

The figures come out of the status engine and the risk scoring: the demo writes values,
targets and assessments, never statuses, and the test reads them back through the selectors.
"""

import pytest
from django.db.models import F, Q

from scorecard.core.periods import parse
from scorecard.demo import load_demo
from scorecard.organisation.models import User
from scorecard.organisation.selectors import organisation_settings_get
from scorecard.performance.choices import PeriodState, WorkflowState
from scorecard.performance.models import (
    Indicator,
    Measurement,
    ReportingPeriod,
    ScorecardVersion,
)
from scorecard.reporting import summary
from scorecard.reporting.selectors import report_data
from scorecard.risks.models import Assessment, Risk

pytestmark = pytest.mark.django_db

REPORT_NAMES = [
    "Older People Funded in Permanent Care Home placements",
    "Adults with a learning disability in paid employment",
    "Satisfaction with the local area as a place to live",
    "Performance Reviews completed",
    "Financial savings achieved (Transformation Programme)",
]


def test_quarter_two_matches_the_source_report_live_and_published(demo_council):
    for live in (True, False):
        data = report_data(parse("2017/18-Q2"), live=live)
        assert data.is_published is not live
        facts = summary.facts(data)
        assert facts["indicator_total"] == 73
        assert (facts["green"], facts["red"]) == (25, 9)
        assert facts["red_updated"] == 5
        assert sorted(facts["red_updated_names"]) == sorted(REPORT_NAMES)
        assert facts["red_carried"] == 4
        # Of the colours counted, which are this quarter's and which carried, counted by hand.
        carried = [i for i in data.indicators if i.rating and i.rating_period != "2017/18-Q2"]
        awaiting = [i for i in data.indicators if i.state == "awaiting_data"]
        assert facts["carried"] == len(carried) and facts["rated_this_quarter"] + len(carried) == (
            25 + facts["amber"] + 9
        )
        assert sum(1 for i in carried if i.rating == "red") == facts["red_carried"]
        # Published on 23 November 2017 (and read today), after the deadline: all awaited are late.
        assert facts["awaiting"] == facts["late"] == len(awaiting)
        assert facts["amber"] + facts["not_rated"] == 73 - 25 - 9
        assert (facts["risk_total"], facts["risk_red"]) == (160, 9)
        assert [a["name"] for a in facts["risk_areas"]] == [
            "Children's Social Care",
            "Adult Social Care",
        ]
        assert facts["refreshed"] is True


def test_history_refresh_and_next_quarter(demo_council):
    # Three financial years of values, and a refresh to the new plan inside them.
    years = {m.period[:7] for m in Measurement.objects.all()}
    assert {"2015/16", "2016/17", "2017/18"} <= years
    versions = ScorecardVersion.objects.order_by("number")
    assert [(v.number, v.live_from) for v in versions] == [(1, "2015/16-Q1"), (2, "2017/18-Q2")]
    assert versions[0].corporate_plan != versions[1].corporate_plan
    assert Indicator.objects.filter(is_retired=True).count() == 5
    # Quarter Two locked and published; Quarter Three open, Adult Services due from the editor.
    states = dict(ReportingPeriod.objects.values_list("period", "state"))
    assert states["2017/18-Q2"] == PeriodState.LOCKED
    assert states["2017/18-Q3"] == PeriodState.OPEN
    editor = User.objects.get(username="editor")
    asc = Indicator.objects.filter(directorate__code="ASC", is_retired=False)
    assert asc.count() >= 10
    assert all(editor in i.updaters.all() for i in asc)
    assert {"HW01", "HW02"} <= set(asc.values_list("code", flat=True))  # the red-prone ones
    q3 = dict(
        Measurement.objects.filter(period="2017/18-Q3").values_list("indicator__code", "state")
    )
    assert q3 == {"HW05": WorkflowState.DRAFT, "HW07": WorkflowState.SUBMITTED}
    # Every value loaded was approved by someone other than the person who entered it.
    approved = Measurement.objects.filter(state=WorkflowState.APPROVED)
    assert approved.count() > 500  # the check is not vacuous
    assert not approved.filter(
        Q(reviewed_by=F("entered_by")) | Q(reviewed_by=F("submitted_by"))
    ).exists()
    assert not approved.filter(self_approved=True).exists()
    assert not organisation_settings_get().allow_self_approval
    # Risk movement is real: assessments in three quarters, and risks moved both ways.
    assert set(Assessment.objects.values_list("period", flat=True)) >= {
        "2016/17-Q4",
        "2017/18-Q1",
        "2017/18-Q2",
    }
    moves = {r.movement for r in report_data(parse("2017/18-Q2")).risks}
    assert {"up", "down", "same", "new"} <= moves
    # Stored score and band agree with the matrix.
    for a in Assessment.objects.all()[:50]:
        assert a.score == a.likelihood * a.impact


def test_loading_twice_changes_nothing(demo_council):
    counts = (Indicator.objects.count(), Measurement.objects.count(), Risk.objects.count())
    load_demo()
    assert (Indicator.objects.count(), Measurement.objects.count(), Risk.objects.count()) == counts
