"""The actions tests' people: the projects tests' demo accounts and Sam, and two auditors."""

import datetime as dt

import pytest

from scorecard.actions import services
from scorecard.organisation import services as organisation_services
from scorecard.organisation.choices import Role
from scorecard.organisation.models import Directorate
from tests.projects.conftest import people, project  # noqa: F401 (shared fixtures)


@pytest.fixture
def auditors(people):  # noqa: F811 (the imported fixture)
    """Two auditors of internal audit, Ines and Omar, beside the demo's accounts."""
    found = {}
    for username, first in [("ines", "Ines"), ("omar", "Omar")]:
        person = organisation_services.person_create(
            username=username, password=None, first_name=first, last_name="Auditor"
        )
        organisation_services.membership_create(person=person, role=Role.AUDITOR)
        found[username] = person
    return {**people, **found}


@pytest.fixture
def audit(auditors):
    return services.audit_create(
        reference="IA 2017-09",
        title="Payroll",
        financial_year="2017/18",
        directorate=Directorate.objects.get(code="ASC"),
        issued_on=dt.date(2017, 10, 2),
        opinion="limited",
        lead_auditor=auditors["ines"],
    )
