"""Administrators manage the organisation through the product's own pages."""

import pytest

from scorecard.organisation.choices import Role
from scorecard.organisation.models import Directorate, Membership, OrganisationSettings, User

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, demo):
    client.force_login(demo["admin"])
    return client


def test_administrator_changes_the_council_name_and_year_start(admin_client):
    response = admin_client.post(
        "/administration/settings/", {"name": "Midshire Council", "financial_year_start_month": "1"}
    )
    assert response.status_code == 302
    settings = OrganisationSettings.objects.get()
    assert (settings.name, settings.financial_year_start_month) == ("Midshire Council", 1)
    assert "Organisation settings saved." in admin_client.get("/administration/").content.decode()


def test_adding_a_directorate_with_a_taken_code_names_the_field_and_writes_nothing(admin_client):
    count = Directorate.objects.count()
    response = admin_client.post(
        "/administration/directorates/new/", {"code": "ASC", "name": "Another Adults"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: Add a directorate" in page
    assert 'href="#id_code"' in page  # the error summary links to the field
    assert "Directorate with this Code already exists." in page
    assert Directorate.objects.count() == count


def test_archiving_a_directorate_keeps_it_and_its_history(admin_client):
    directorate = Directorate.objects.get(code="PH")
    response = admin_client.post(
        f"/administration/directorates/{directorate.pk}/",
        {"code": "PH", "name": "Public Health", "is_archived": "on"},
    )
    assert response.status_code == 302
    directorate.refresh_from_db()
    assert directorate.is_archived
    assert directorate.history.count() == 2
    page = admin_client.get("/administration/").content.decode()
    assert "Directorate Public Health saved." in page
    assert '<th scope="row" class="govuk-table__header">Public Health</th>' not in page
    assert '<th scope="row" class="govuk-table__header">Adult Services</th>' in page


def test_adding_a_person_and_a_role(admin_client):
    admin_client.post(
        "/administration/people/new/",
        {
            "username": "pat",
            "first_name": "Pat",
            "last_name": "Lee",
            "email": "pat@example.org",
            "job_title": "Risk Officer",
        },
    )
    pat = User.objects.get(username="pat")
    assert not pat.has_usable_password()
    directorate = Directorate.objects.get(code="EI")
    response = admin_client.post(
        f"/administration/people/{pat.pk}/roles/new/",
        {"role": Role.RISK_OWNER, "directorate": directorate.pk},
    )
    assert response.status_code == 302
    membership = Membership.objects.get(person=pat)
    assert (membership.role, membership.directorate) == (Role.RISK_OWNER, directorate)
    assert membership.history.latest().history_user.username == "admin"


def test_a_role_that_needs_a_directorate_is_refused_on_its_field(admin_client, demo):
    reader = demo["reader"]
    response = admin_client.post(
        f"/administration/people/{reader.pk}/roles/new/", {"role": Role.DIRECTORATE_EDITOR}
    )
    assert "A directorate editor needs a directorate." in response.content.decode()
    assert not Membership.objects.filter(person=reader, role=Role.DIRECTORATE_EDITOR).exists()


def test_a_person_who_leaves_is_deactivated_not_deleted(admin_client, demo):
    editor = demo["editor"]
    admin_client.post(
        f"/administration/people/{editor.pk}/",
        {"first_name": "Erin", "last_name": "Shaw", "email": "erin@example.org", "job_title": ""},
    )
    editor.refresh_from_db()
    assert not editor.is_active
    assert User.objects.filter(username="editor").exists()


def test_readers_cannot_change_anything(client, demo):
    client.force_login(demo["reader"])
    response = client.post(
        "/administration/settings/", {"name": "Hacked", "financial_year_start_month": "1"}
    )
    assert response.status_code == 403
    assert OrganisationSettings.objects.get().name == "Midshire County Council"
