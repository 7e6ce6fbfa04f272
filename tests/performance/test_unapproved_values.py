"""A reader sees the figures the council stands by: a draft or a value waiting for approval, and
its commentary, is read only by those who may edit the indicator, the team and auditors — on the
indicator page, its history and the API alike."""

import pytest
from django.urls import reverse

from scorecard.organisation import services as organisation_services
from scorecard.organisation.choices import Role
from scorecard.performance.models import Indicator
from tests.api.clients import client_for

DRAFT = "Draft: the October figures are still being checked."  # HW05, Quarter Three, a draft


@pytest.fixture
def auditor(demo_council):
    person = organisation_services.person_create(username="auditor", password=None)
    organisation_services.membership_create(person=person, role=Role.AUDITOR, directorate=None)
    return person


def api_states(user) -> set[str]:
    api = client_for(user)
    rows = api.get("/api/v1/measurements/?indicator=HW05&page_size=200").json()["results"]
    drafts = api.get("/api/v1/measurements/?indicator=HW05&state=draft").json()["results"]
    return {row["state"] for row in rows} | {f"filtered {row['state']}" for row in drafts}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("who", "sees_draft"), [("reader", False), ("editor", True), ("admin", True), ("auditor", True)]
)
def test_a_draft_is_read_only_by_those_who_may_edit_it_the_team_and_auditors(
    client, demo_council, auditor, who, sees_draft
):
    person = auditor if who == "auditor" else demo_council[who]
    client.force_login(person)
    hw05 = Indicator.objects.get(code="HW05")
    page = client.get(reverse("performance:indicator", kwargs={"pk": hw05.pk}))
    assert page.status_code == 200
    assert (DRAFT in page.content.decode()) is sees_draft
    states = api_states(person)
    assert "approved" in states
    assert ("draft" in states) is sees_draft
    assert ("filtered draft" in states) is sees_draft
