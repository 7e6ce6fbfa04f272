import datetime as dt

import pytest

from scorecard.organisation import services as organisation_services
from scorecard.organisation.choices import Role
from scorecard.organisation.models import Directorate
from scorecard.performance import services as performance_services
from scorecard.projects import services

QUARTER = "2017/18-Q2"


@pytest.fixture
def people(demo):
    """The demo's admin, editor (Adult Services) and reader, and Sam Patel, a project sponsor;
    the council's clock on the demo's 4 December 2017."""
    organisation_services.organisation_clock_set(clock_date=dt.date(2017, 12, 4))
    sam = organisation_services.person_create(
        username="sam", password=None, first_name="Sam", last_name="Patel"
    )
    organisation_services.membership_create(person=sam, role=Role.READER)
    return {**demo, "sam": sam}


@pytest.fixture
def project(people):
    """A project of Adult Services managed by the editor, sponsored by Sam, with two milestones
    and its 2017/18 budget and savings target; Quarter Two 2017/18 open."""
    performance_services.reporting_period_open(period=QUARTER, by=people["admin"])
    programme = services.programme_create(name="Transformation Programme", owner=people["admin"])
    project = services.project_create(
        name="Digital front door",
        owner=people["editor"],
        sponsor=people["sam"],
        directorate=Directorate.objects.get(code="ASC"),
        programme=programme,
        start_date=dt.date(2017, 4, 1),
        end_date=dt.date(2018, 3, 31),
    )
    services.milestone_create(
        project=project, name="Online forms live", planned_date=dt.date(2017, 9, 1)
    )
    services.milestone_create(
        project=project, name="Phone line closed", planned_date=dt.date(2018, 2, 1)
    )
    services.project_finance_set(
        project=project, year="2017/18", budget="400000", savings_target="1000000"
    )
    return project
