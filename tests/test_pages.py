"""Pages over HTTP: who may see them, and a bounded number of SQL queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from scorecard.organisation import services
from scorecard.organisation.choices import Role

pytestmark = pytest.mark.django_db


def test_home_and_sign_in_pages_answer_without_signing_in(client, demo):
    assert client.get("/").status_code == 200
    response = client.get("/sign-in/")
    assert response.status_code == 200
    assert b'name="csrfmiddlewaretoken"' in response.content


@pytest.mark.parametrize("path", ["/scorecard/", "/risks/", "/reports/", "/administration/"])
def test_sections_ask_anonymous_users_to_sign_in(client, demo, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in/?next=")


@pytest.mark.parametrize(("username", "status"), [("admin", 200), ("editor", 403), ("reader", 403)])
def test_administration_is_for_administrators(client, demo, username, status):
    client.force_login(demo[username])
    assert client.get("/administration/").status_code == status


def test_sign_out_needs_a_post(client, demo):
    client.force_login(demo["reader"])
    assert client.get("/sign-out/").status_code == 405
    assert client.post("/sign-out/").status_code == 302
    assert client.get("/scorecard/").status_code == 302


def test_unknown_page_is_a_friendly_404(client, demo):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert b"Page not found" in response.content


def test_page_queries_do_not_grow_with_the_organisation(client, demo):
    client.force_login(demo["admin"])
    counts = {}
    for size in ["demo", "larger"]:
        if size == "larger":
            for n in range(30):
                directorate = services.directorate_create(code=f"D{n}", name=f"Directorate {n}")
                services.service_create(directorate=directorate, name="A service")
                person = services.person_create(username=f"person{n}", password=None)
                services.membership_create(
                    person=person, role=Role.DIRECTORATE_EDITOR, directorate=directorate
                )
        with CaptureQueriesContext(connection) as home:
            client.get("/")
        with CaptureQueriesContext(connection) as admin:
            client.get("/administration/")
        counts[size] = (len(home), len(admin))
    assert counts["demo"] == counts["larger"]
    # The home page reads the person's own work (tests/test_home.py bounds it on the full demo),
    # the decisions waiting for them, and, for an administrator, whether the council is set up.
    assert counts["demo"][0] <= 15 and counts["demo"][1] <= 10, counts


def test_wal_mode_is_on_for_sqlite(db):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        mode = cursor.fetchone()[0]
    assert mode == "wal"


def test_the_scorecard_command_runs_management_commands_with_hyphens():
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "scorecard.cli", "load-demo", "--help"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0
    assert "Load the demo council" in result.stdout


def test_the_header_shows_the_council_name_escaped(client, db):
    from scorecard.organisation.services import organisation_settings_update

    organisation_settings_update(name="Bath & <North> East Somerset", financial_year_start_month=4)
    html = client.get("/").content.decode()
    assert (
        '<span class="app-header__council-name">Bath &amp; &lt;North&gt; East Somerset</span>'
        in html
    )
