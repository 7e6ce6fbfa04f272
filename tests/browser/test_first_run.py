"""From an empty installation (migrations and the first administrator's command only) to a
council with a risk matrix, a corporate scorecard and its first open quarter, through the
setup checklist in the browser."""

import io

from django.core.management import call_command
from playwright.sync_api import expect

from tests.browser.test_home import sign_in

PASSWORD = "correct horse battery staple"


def test_a_new_council_is_set_up_from_the_checklist(
    page, live_server, transactional_db, monkeypatch, assert_accessible
):
    monkeypatch.setenv("FIRST_ADMIN_PASSWORD", PASSWORD)
    call_command("create_admin", "--username", "ada", "--email", "ada@example.org",
                 "--password-from-env", "FIRST_ADMIN_PASSWORD", stdout=io.StringIO())  # fmt: skip
    sign_in(page, live_server, "ada", PASSWORD)
    expect(page.get_by_text("The council is not set up yet: 4 steps to do.")).to_be_visible()
    page.get_by_role("link", name="Set up the council").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Set up the council")
    expect(page.get_by_text("4 of the required steps are still to do.")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Council name and financial year").click()
    page.get_by_label("Council name").fill("Fenland District Council")
    page.get_by_label("Financial year starts in").select_option(label="April")
    page.get_by_role("button", name="Save").click()

    page.goto(f"{live_server.url}/setup/")
    page.get_by_role("link", name="Directorates").click()
    page.get_by_label("Code").fill("CORP")
    page.get_by_label("Name").fill("Corporate Services")
    page.get_by_role("button", name="Add directorate").click()
    expect(page.get_by_text("Directorate Corporate Services added.")).to_be_visible()

    page.goto(f"{live_server.url}/setup/")
    page.get_by_role("link", name="Risk matrix").click()
    assert_accessible(page)
    page.get_by_role("button", name="Use 4 x 4 matrix").click()
    expect(
        page.get_by_text("Corporate 4 x 4 matrix is in use: every risk is rated on it.")
    ).to_be_visible()
    expect(page.get_by_role("rowheader", name="Likelihood 4 Almost certain")).to_be_visible()

    page.goto(f"{live_server.url}/setup/")
    page.get_by_role("link", name="Corporate scorecard").click()
    page.get_by_label("Name", exact=True).fill("Corporate scorecard")
    page.get_by_label("Tier").select_option(label="Corporate")
    page.get_by_label("First quarter it reports").fill("2024/25-Q1")
    page.get_by_role("button", name="Add scorecard").click()
    expect(page.get_by_text("Corporate scorecard added")).to_be_visible()

    page.goto(f"{live_server.url}/setup/")
    page.get_by_role("link", name="First quarter").click()
    page.get_by_label("Quarter to open").fill("2024/25-Q1")
    page.get_by_role("button", name="Open quarter").click()
    expect(page.get_by_text("Quarter One 2024/25 is open for updates.")).to_be_visible()

    page.goto(f"{live_server.url}/setup/")
    expect(page.get_by_text("The council is set up.")).to_be_visible()
    expect(
        page.get_by_text("Fenland District Council, financial year starting in April.")
    ).to_be_visible()
    expect(page.get_by_text("Corporate 4 x 4 matrix is in use.")).to_be_visible()
    expect(page.get_by_text("Corporate scorecard.", exact=True)).to_be_visible()
    expect(page.get_by_text("2024/25-Q1 is open for updates.")).to_be_visible()
    assert_accessible(page)
    page.goto(f"{live_server.url}/")
    expect(page.get_by_text("The council is not set up yet")).to_have_count(0)
