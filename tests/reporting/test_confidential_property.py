"""Property: whoever reads the risk dashboard receives exactly the risks `risk_access` gives
them, whatever the risks (confidential or not, on any register) and whoever owns them, even
though the dashboard's lines are kept in the process and shared between readers."""

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scorecard.core.periods import parse
from scorecard.organisation.choices import Role
from scorecard.organisation.models import User
from scorecard.organisation.services import membership_create
from scorecard.reporting import kept
from scorecard.reporting.selectors import report_data
from scorecard.risks.access import risk_access
from scorecard.risks.choices import RegisterKind
from scorecard.risks.services import risk_matrix_create_default
from tests.performance.factories import ScorecardFactory
from tests.risks.factories import DirectorateFactory, RegisterFactory, RiskFactory

pytestmark = pytest.mark.django_db

QUARTER = parse("2017/18-Q1")
# name -> (role, which directorate: 0, 1 or None)
PEOPLE = {
    "admin": (Role.ADMINISTRATOR, None),
    "auditor": (Role.AUDITOR, None),
    "reader": (Role.READER, None),
    "editor_of_first": (Role.DIRECTORATE_EDITOR, 0),
    "owner_in_second": (Role.RISK_OWNER, 1),
    "updater": (Role.INDICATOR_UPDATER, None),
    "no_role": (None, None),
}


@pytest.fixture
def council(db):
    risk_matrix_create_default()
    ScorecardFactory()  # the corporate scorecard the dashboards read
    directorates = [DirectorateFactory(), DirectorateFactory()]
    registers = [
        RegisterFactory(kind=RegisterKind.CORPORATE, directorate=None),
        RegisterFactory(directorate=directorates[0]),
        RegisterFactory(directorate=directorates[1]),
    ]
    people = {}
    for name, (role, where) in PEOPLE.items():
        people[name] = User.objects.create_user(name, password="not-used")
        if role is not None:
            membership_create(
                person=people[name],
                role=role,
                directorate=None if where is None else directorates[where],
            )
    return registers, people


risks_drawn = st.lists(
    st.tuples(
        st.integers(0, 2),  # register: corporate, first or second directorate's
        st.booleans(),  # confidential
        st.sampled_from(sorted(PEOPLE)),  # owner
    ),
    min_size=1,
    max_size=8,
)


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(drawn=risks_drawn)
def test_no_reader_receives_from_the_risk_dashboard_a_risk_risk_access_keeps_from_them(
    council, drawn
):
    registers, people = council
    with transaction.atomic():
        kept.forget()  # ids rolled back with the last example may come again
        created = [
            RiskFactory(register=registers[r], is_confidential=secret, owner=people[owner]).pk
            for r, secret, owner in drawn
        ]
        for name, person in people.items():
            person = User.objects.get(pk=person.pk)  # memberships read afresh, as per request
            lines = report_data(QUARTER, reader=person, performance=False, keep=True).risks
            received = {line.risk_id for line in lines}
            allowed = set(risk_access(person).filter(pk__in=created).values_list("pk", flat=True))
            assert received == allowed, name
        transaction.set_rollback(True)
    kept.forget()
