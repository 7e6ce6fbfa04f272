"""Separation of duties: nobody approves or returns a value they entered or submitted, whether
from the review page, the API or an import, unless the council allows self-approval; then each
such value is marked and listed in the Cabinet pack."""

import io
import re

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from scorecard.interchange.services import import_file
from scorecard.organisation import services as organisation_services
from scorecard.organisation.choices import Role
from scorecard.organisation.models import Directorate, OrganisationSettings, User
from scorecard.performance import services
from scorecard.performance.choices import Unit, WorkflowState
from scorecard.performance.models import Measurement
from tests.api.clients import client_for

from .interchange.conftest import xlsx

pytestmark = pytest.mark.django_db

QUARTER = "2017/18-Q2"
REFUSED = (
    "You entered this value, so someone else must approve it: the indicator's owner "
    "Jane Smith or a performance administrator."
)


@pytest.fixture
def people(demo):
    """The demo's administrator (Alex Morgan) and editor, and Jane Smith, the indicator's owner."""
    jane = organisation_services.person_create(
        username="jane", password=None, first_name="Jane", last_name="Smith"
    )
    organisation_services.membership_create(person=jane, role=Role.READER)
    return {**demo, "jane": jane}


@pytest.fixture
def indicator(people):
    services.reporting_period_open(period=QUARTER, by=people["admin"])
    return services.indicator_create(
        code="HW07",
        title="Older people at home 91 days after reablement",
        directorate=Directorate.objects.get(code="ASC"),
        unit=Unit.PERCENTAGE,
        owner=people["jane"],
        updaters=[people["editor"]],
    )


def submitted_by(person, indicator, value="83.1") -> Measurement:
    return services.measurement_save(
        indicator=indicator, period=QUARTER, by=person, expected_version=0, submit=True,
        value=value, commentary="Held up despite winter pressures.",
    )  # fmt: skip


def text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode()).replace("&#39;", "'")


def allow_self_approval(admin, client) -> None:
    """An administrator ticks the setting on the organisation settings page."""
    client.force_login(admin)
    response = client.post(
        reverse("organisation:settings_edit"),
        {"name": "Midshire County Council", "financial_year_start_month": 4, "ons_code": "",
         "allow_self_approval": "on"},
    )  # fmt: skip
    assert response.status_code == 302


# --- the three ways in -------------------------------------------------------------------------


def approve_on_the_review_page(admin, indicator, client) -> str:
    value = submitted_by(admin, indicator)
    client.force_login(admin)
    page = client.post(
        reverse("performance:measurement_review", args=[value.pk]),
        {"decision": "approve", "version": value.version},
    )
    assert page.status_code == 200
    return text(page)


def approve_through_the_api(admin, indicator, client) -> str:
    value = submitted_by(admin, indicator)
    api = client_for(admin)
    response = api.post(
        f"/api/v1/measurements/{value.pk}/approve/",
        {"expected_version": value.version},
        format="json",
    )
    assert response.status_code == 400
    return " ".join(response.json()["state"])


def approve_by_import(admin, indicator, client) -> str:
    rows = [["Indicator", "Period", "Value", "State"], ["HW07", QUARTER, 83.1, "approved"]]
    outcome = import_file(
        user=admin, data=xlsx({"Measurements": rows}), filename="q2.xlsx", dry_run=False
    )
    return " ".join(str(problem) for problem in outcome.problems)


WAYS_IN = [approve_on_the_review_page, approve_through_the_api, approve_by_import]


@pytest.mark.parametrize("approve", WAYS_IN, ids=["review page", "API", "import"])
def test_nobody_approves_a_value_they_entered_and_the_refusal_names_who_can(
    approve, people, indicator, client
):
    said = approve(people["admin"], indicator, client)
    assert REFUSED in said
    if approve is approve_by_import:
        assert "Measurements, row 2, column State: " + REFUSED in said
        assert not Measurement.objects.exists()  # nothing written
    else:
        value = Measurement.objects.get()
        assert (value.state, value.reviewed_by) == (WorkflowState.SUBMITTED, None)


def test_returning_ones_own_value_is_refused_too(people, indicator):
    value = submitted_by(people["jane"], indicator)
    with pytest.raises(Exception, match="You entered this value, so someone else must return it"):
        services.measurement_return(
            measurement=value, by=people["jane"], reason="Typo.", expected_version=value.version
        )


def test_the_submitter_may_not_approve_a_value_someone_else_entered(people, indicator):
    draft = services.measurement_save(
        indicator=indicator, period=QUARTER, by=people["editor"], expected_version=0, value="80"
    )
    value = services.measurement_submit(
        measurement=draft, by=people["admin"], expected_version=draft.version
    )
    assert (value.entered_by, value.submitted_by) == (people["editor"], people["admin"])
    with pytest.raises(Exception, match="You submitted this value, so someone else must approve"):
        services.measurement_approve(
            measurement=value, by=people["admin"], expected_version=value.version
        )


def test_someone_without_the_right_to_approve_is_told_who_can(people, indicator):
    value = submitted_by(people["editor"], indicator)
    with pytest.raises(Exception) as caught:
        services.measurement_approve(
            measurement=value, by=people["reader"], expected_version=value.version
        )
    assert caught.value.message_dict["state"] == [
        "Only the indicator's owner Jane Smith or a performance administrator can approve this value."
    ]


def test_another_person_approves_from_the_review_page(people, indicator, client):
    value = submitted_by(people["editor"], indicator)
    client.force_login(people["jane"])
    response = client.post(
        reverse("performance:measurement_review", args=[value.pk]),
        {"decision": "approve", "version": value.version},
        follow=True,
    )
    assert "HW07 2017/18-Q2 approved." in text(response)
    value.refresh_from_db()
    assert (value.state, value.reviewed_by, value.self_approved) == (
        WorkflowState.APPROVED,
        people["jane"],
        False,
    )
    assert (value.entered_by, value.submitted_by) == (people["editor"], people["editor"])


def test_another_person_approves_through_the_api(people, indicator):
    value = submitted_by(people["editor"], indicator)
    api = client_for(people["jane"])
    response = api.post(
        f"/api/v1/measurements/{value.pk}/approve/",
        {"expected_version": value.version},
        format="json",
    )
    assert response.status_code == 200, response.content
    shown = response.json()
    assert (shown["state"], shown["entered_by"], shown["submitted_by"], shown["reviewed_by"]) == (
        "approved",
        "editor",
        "editor",
        "jane",
    )
    assert shown["self_approved"] is False


def test_the_queue_does_not_offer_a_person_their_own_value(
    people, indicator, client, django_assert_max_num_queries
):
    value = submitted_by(people["jane"], indicator)
    client.force_login(people["jane"])
    with django_assert_max_num_queries(12):
        page = text(client.get(reverse("performance:approvals")))
    offered, waiting = page.split("Your values waiting for someone else")
    assert "Nothing is waiting for your approval." in offered and "HW07" not in offered
    assert "HW07 Older people at home 91 days after reablement" in waiting
    assert "a performance administrator" in waiting
    review = text(client.get(reverse("performance:measurement_review", args=[value.pk])))
    assert "You entered this value, so someone else must approve or return it" in review
    assert "Return with this reason" not in review

    client.force_login(people["admin"])
    page = text(client.get(reverse("performance:approvals")))
    assert "Review HW07 2017/18-Q2" in re.sub(r"<[^>]+>", "", page)
    assert "Your values waiting for someone else" not in page


def test_with_the_setting_on_self_approval_works_is_marked_and_listed_in_the_pack(
    people, indicator, client
):
    admin = people["admin"]
    allow_self_approval(admin, client)
    settings = OrganisationSettings.objects.get()
    assert settings.allow_self_approval
    assert settings.history.first().history_user == admin  # who switched it on is recorded
    assert "Allowed: a person may approve a value they entered" in text(
        client.get(reverse("organisation:administration"))
    )
    scorecard = services.scorecard_create(name="Corporate Balanced Scorecard", is_published=True)
    services.scorecard_version_create(
        scorecard=scorecard, live_from="2017/18-Q1", entries=[(indicator, None)]
    )
    value = submitted_by(admin, indicator)
    response = client.post(
        reverse("performance:measurement_review", args=[value.pk]),
        {"decision": "approve", "version": value.version},
        follow=True,
    )
    assert "HW07 2017/18-Q2 approved." in text(response)
    value.refresh_from_db()
    assert (value.state, value.reviewed_by, value.self_approved) == (
        WorkflowState.APPROVED,
        admin,
        True,
    )
    history = text(client.get(reverse("performance:indicator", args=[indicator.pk])))
    assert "approved by the person who entered it" in history.lower()

    pack = text(client.get(reverse("reporting:appendix", kwargs={"period": QUARTER})))
    assert (
        "Values approved by the person who entered them: HW07 Quarter Two 2017/18 (A. Morgan)."
        in pack
    )


def test_with_the_setting_on_an_import_approves_its_own_rows_and_marks_them(
    people, indicator, client
):
    allow_self_approval(people["admin"], client)
    rows = [["Indicator", "Period", "Value", "State"], ["HW07", QUARTER, 83.1, "approved"]]
    outcome = import_file(
        user=people["admin"], data=xlsx({"Measurements": rows}), filename="q.xlsx", dry_run=False
    )
    assert outcome.problems == []
    value = Measurement.objects.get()
    assert (value.state, value.reviewed_by, value.self_approved) == (
        WorkflowState.APPROVED,
        people["admin"],
        True,
    )


def test_an_import_approves_a_value_someone_else_submitted(people, indicator):
    submitted_by(people["editor"], indicator)
    rows = [["Indicator", "Period", "Value", "State"], ["HW07", QUARTER, 83.1, "approved"]]
    outcome = import_file(
        user=people["admin"], data=xlsx({"Measurements": rows}), filename="q.xlsx", dry_run=False
    )
    assert outcome.problems == []
    value = Measurement.objects.get()
    assert (value.state, value.entered_by, value.reviewed_by) == (
        WorkflowState.APPROVED,
        people["editor"],
        people["admin"],
    )


def test_a_command_line_import_is_made_by_a_named_person_never_by_nobody(
    people, tmp_path, monkeypatch
):
    """Without --user, the import is made by the only administrator or superuser, and says so;
    with two of them it asks who."""
    monkeypatch.delenv("SCORECARD_USER", raising=False)
    path = tmp_path / "q2.xlsx"
    path.write_bytes(xlsx({"Measurements": [["Indicator", "Period", "Value"]]}))
    admins = User.objects.filter(memberships__role="administrator").distinct()
    assert admins.count() == 1
    out = io.StringIO()
    call_command("import", str(path), "--no-progress", stdout=out)
    assert (
        f"Importing as {admins.get().get_full_name()} ({admins.get().username})." in out.getvalue()
    )
    User.objects.create_superuser(username="root", password=None)
    with pytest.raises(CommandError, match="--user USERNAME"):
        call_command("import", str(path), "--no-progress")
