"""The quarter's lock freezes the approved project updates in the published report: a later
change to the project does not change what was published, and the locked quarter's update
can no longer be changed."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from scorecard.core.periods import parse
from scorecard.organisation.models import Directorate
from scorecard.projects import services
from scorecard.reporting.models import Snapshot
from scorecard.reporting.services import period_lock_and_publish

pytestmark = pytest.mark.django_db

Q3 = "2017/18-Q3"  # open in the demo council, which lives on 4 December 2017


@pytest.fixture
def approved(demo_council):
    admin, editor = demo_council["admin"], demo_council["editor"]
    project = services.project_create(
        name="Care home rebuild",
        owner=editor,
        directorate=Directorate.objects.get(code="ASC"),
        start_date=dt.date(2017, 4, 1),
        end_date=dt.date(2019, 3, 31),
    )
    milestone = services.milestone_create(
        project=project, name="Planning consent", planned_date=dt.date(2017, 11, 1)
    )
    services.project_finance_set(project=project, year="2017/18", budget="2000000")
    update = services.project_update_save(
        project=project, by=editor, period=Q3, progress="Consent delayed by objections.",
        spend="900000", forecast_spend="2300000",
        milestone_dates={str(milestone.pk): {"forecast": "2017-12-20"}},
    )  # fmt: skip
    update = services.project_update_submit(update=update, by=editor, expected_version=1)
    update = services.project_update_approve(update=update, by=admin, expected_version=2)
    return {"project": project, "milestone": milestone, "update": update, **demo_council}


def test_the_lock_freezes_the_approved_update_and_a_later_edit_does_not_change_it(approved, client):
    snapshot = period_lock_and_publish(
        period=parse(Q3), by=approved["admin"], gaps_reason="Published early for the test."
    )
    row = snapshot.projects.get(name="Care home rebuild")
    assert row.update_period == Q3 and row.carried_from(Q3) == ""
    # The demo's projects with no update for Quarter Three stay in the report, carried from
    # their Quarter Two updates and saying so, rather than dropping out of it.
    carried = snapshot.projects.get(name="Digital by default")
    assert carried.update_period == "2017/18-Q2"
    assert carried.why(Q3).endswith(
        "No update for this quarter: as its Quarter Two 2017/18 update reported it."
    )
    # 49 days late (1 November to 20 December) is red; 15% over budget is red.
    assert (row.name, row.rag, row.schedule_rag, row.budget_rag) == (
        "Care home rebuild", "red", "red", "red",
    )  # fmt: skip
    assert row.rag_reason == (
        "Schedule: Milestone “Planning consent” 49 days late. Budget: Spend 15.0% over budget."
    )
    assert row.forecast_spend == Decimal(2300000)
    client.force_login(approved["admin"])
    pack = client.get("/reports/2017-18-Q3/appendix/").content.decode()
    assert "Care home rebuild" in pack and "£2,300,000" in pack
    assert "No update for this quarter: as its Quarter Two 2017/18 update reported it." in pack

    # Later: the milestone is done and the forecast spend comes down, on the live project.
    services.milestone_edit(milestone=approved["milestone"], actual_date=dt.date(2017, 12, 1))
    services.project_finance_set(
        project=approved["project"], year="2017/18", budget="2000000", forecast_spend="2000000"
    )
    row.refresh_from_db()
    assert client.get("/reports/2017-18-Q3/appendix/").content.decode() == pack
    assert (row.rag, row.forecast_spend, row.milestones[0]["forecast"]) == (
        "red", Decimal(2300000), "2017-12-20",
    )  # fmt: skip
    # And the locked quarter's update cannot be changed.
    with pytest.raises(ValidationError, match="locked"):
        services.project_update_save(
            project=approved["project"], by=approved["editor"], period=Q3, progress="Rewritten."
        )


def test_a_quarter_locked_without_project_updates_carries_every_running_project(demo_council):
    """Quarter Three locked with none of its project updates approved: each project still
    running is in the report as its Quarter Two update reported it, and says so."""
    q2 = {row.name for row in Snapshot.objects.get(period="2017/18-Q2").projects.all()}
    snapshot = period_lock_and_publish(
        period=parse(Q3), by=demo_council["admin"], gaps_reason="Published early for the test."
    )
    rows = list(snapshot.projects.all())
    assert {row.name for row in rows} == q2 != set()
    assert {row.carried_from(Q3) for row in rows} == {"Quarter Two 2017/18"}
