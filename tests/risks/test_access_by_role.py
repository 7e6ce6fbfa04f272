"""Who reads, changes and decides which risks, on hand-written lists and on the risk page: the
auditor reads every risk, confidential ones included, and changes none."""

import re

import pytest
from django.urls import reverse

from scorecard.organisation import services as organisation_services
from scorecard.organisation.choices import Role
from scorecard.organisation.models import Directorate
from scorecard.risks.access import action_access, risk_access

from .factories import ActionFactory, RegisterFactory, RiskFactory, default_matrix

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


@pytest.fixture
def people(demo):
    made = {}
    for username, role in [("auditor", Role.AUDITOR), ("nobody", None)]:
        person = organisation_services.person_create(
            username=username, password="scorecard-test", first_name=username.title()
        )
        if role:
            organisation_services.membership_create(person=person, role=role)
        made[username] = person
    return {**demo, **made}


@pytest.fixture
def risks(people):
    """Four risks: open and confidential, on Adult Services' register and on another one."""
    default_matrix()
    asc = RegisterFactory(name="Adult Services", directorate=Directorate.objects.get(code="ASC"))
    other = RegisterFactory(
        name="Place", directorate=Directorate.objects.exclude(code="ASC").order_by("code").first()
    )
    return {
        reference: RiskFactory(
            reference=reference, title=title, register=register, is_confidential=secret
        )
        for reference, title, register, secret in [
            ("ASC-1", "Care market failure", asc, False),
            ("ASC-2", "Safeguarding case review", asc, True),
            ("PL-1", "Bridge closure", other, False),
            ("PL-2", "Contractor fraud inquiry", other, True),
        ]
    }


def references(user, action="view") -> list[str]:
    return sorted(risk_access(user, action).values_list("reference", flat=True))


def test_the_auditor_reads_every_risk_confidential_ones_included(client, people, risks):
    assert references(people["auditor"]) == ["ASC-1", "ASC-2", "PL-1", "PL-2"]
    client.force_login(people["auditor"])
    page = client.get(reverse("risks:risk", args=[risks["PL-2"].pk]))
    assert page.status_code == 200
    assert "Contractor fraud inquiry" in text(page)


def test_the_auditor_changes_and_decides_nothing(people, risks):
    assert references(people["auditor"], "edit") == []
    assert references(people["auditor"], "decide") == []


def test_confidential_risks_are_read_by_their_directorate_only(client, people, risks):
    # The reader (no directorate) reads the two open risks; the Adult Services editor reads
    # Adult Services' confidential risk too, but not the other directorate's.
    assert references(people["reader"]) == ["ASC-1", "PL-1"]
    assert references(people["editor"]) == ["ASC-1", "ASC-2", "PL-1"]
    assert references(people["editor"], "edit") == ["ASC-1", "ASC-2"]
    assert references(people["admin"], "decide") == ["ASC-1", "ASC-2", "PL-1", "PL-2"]
    client.force_login(people["reader"])
    page = client.get(reverse("risks:risk", args=[risks["PL-2"].pk]))
    assert page.status_code in (403, 404)
    assert "Contractor fraud inquiry" not in text(page)


def test_a_person_with_no_role_reads_no_risk(people, risks):
    assert references(people["nobody"]) == []
    assert references(people["nobody"], "edit") == []


def test_actions_follow_their_risk(people, risks):
    # One action on each risk: the reader sees those of the two open risks, the auditor all four.
    for reference, risk in risks.items():
        ActionFactory(risk=risk, description=f"Action on {reference}")

    def actions(user):
        return sorted(action_access(user).values_list("description", flat=True))

    assert actions(people["reader"]) == ["Action on ASC-1", "Action on PL-1"]
    assert actions(people["auditor"]) == [
        f"Action on {r}" for r in ("ASC-1", "ASC-2", "PL-1", "PL-2")
    ]
    assert actions(people["nobody"]) == []
