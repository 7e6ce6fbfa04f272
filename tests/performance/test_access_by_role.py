"""Who reads, edits and approves which indicators, checked on hand-written lists and on the pages
a person opens: a person signed in with no role sees no indicator at all."""

import re

import pytest
from django.urls import reverse

from scorecard.organisation import services as organisation_services
from scorecard.organisation.choices import Role
from scorecard.organisation.models import Directorate
from scorecard.performance.access import can, indicator_access
from tests.performance.factories import IndicatorFactory

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


@pytest.fixture
def people(demo):
    nobody = organisation_services.person_create(
        username="nobody", password="scorecard-test", first_name="Noel", last_name="Body"
    )
    auditor = organisation_services.person_create(
        username="auditor", password="scorecard-test", first_name="Ada", last_name="Price"
    )
    organisation_services.membership_create(person=auditor, role=Role.AUDITOR)
    return {**demo, "nobody": nobody, "auditor": auditor}


@pytest.fixture
def indicators(people):
    asc = Directorate.objects.get(code="ASC")
    other = Directorate.objects.exclude(code="ASC").order_by("code").first()
    return [
        IndicatorFactory(code="ASC01", title="Carers supported", directorate=asc),
        IndicatorFactory(
            code="OTH01", title="Roads repaired", directorate=other, owner=people["reader"]
        ),
    ]


def codes(user, action="view") -> list[str]:
    return sorted(indicator_access(user, action).values_list("code", flat=True))


def test_a_person_with_no_role_reads_no_indicator(client, people, indicators):
    assert codes(people["nobody"]) == []
    client.force_login(people["nobody"])
    listing = text(client.get(reverse("performance:index")))
    assert "ASC01" not in listing and "OTH01" not in listing
    page = client.get(reverse("performance:indicator", args=[indicators[0].pk]))
    assert page.status_code in (403, 404)
    assert "Carers supported" not in text(page)


def test_every_role_reads_every_indicator(client, people, indicators):
    # Administrators, editors, readers and auditors all read both indicators.
    for username in ("admin", "editor", "reader", "auditor"):
        assert codes(people[username]) == ["ASC01", "OTH01"], username
    client.force_login(people["auditor"])
    page = text(client.get(reverse("performance:indicator", args=[indicators[1].pk])))
    assert "Roads repaired" in page


def test_editing_and_approving_follow_the_directorate_and_the_owner(people, indicators):
    # The Adult Services editor edits ASC01 only; OTH01's owner (the reader) approves it;
    # the auditor changes nothing; the administrator does everything.
    assert codes(people["editor"], "edit") == ["ASC01"]
    assert codes(people["reader"], "edit") == ["OTH01"]
    assert codes(people["reader"], "approve") == ["OTH01"]
    assert codes(people["editor"], "approve") == []
    assert codes(people["auditor"], "edit") == codes(people["auditor"], "approve") == []
    assert codes(people["admin"], "approve") == ["ASC01", "OTH01"]
    assert codes(people["nobody"], "edit") == codes(people["nobody"], "approve") == []


def test_an_indicator_updater_edits_only_the_indicators_naming_them(people, indicators):
    # Named updater of OTH01 only: edits OTH01, reads both, approves neither.
    updater = organisation_services.person_create(username="updater", password="scorecard-test")
    organisation_services.membership_create(person=updater, role=Role.INDICATOR_UPDATER)
    indicators[1].updaters.add(updater)
    assert codes(updater, "edit") == ["OTH01"]
    assert codes(updater) == ["ASC01", "OTH01"]
    assert codes(updater, "approve") == []


def test_one_indicator_is_checked_the_same_way(people, indicators):
    asc01 = indicators[0]
    assert [can(people[name], "view", asc01) for name in ("admin", "reader", "nobody")] == [
        True, True, False,
    ]  # fmt: skip
    assert [can(people[name], "edit", asc01) for name in ("editor", "reader")] == [True, False]
