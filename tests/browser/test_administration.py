"""An administrator manages the organisation in the browser; every page passes axe-core."""

from playwright.sync_api import expect

from tests.browser.test_home import sign_in


def test_administrator_adds_a_directorate_after_correcting_an_error(
    page, live_server, demo, demo_password, assert_accessible
):
    sign_in(page, live_server, "admin", demo_password)
    page.goto(f"{live_server.url}/administration/")
    assert_accessible(page)

    page.get_by_role("button", name="Add a directorate").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Add a directorate")
    assert_accessible(page)
    page.get_by_label("Code").fill("ASC")
    page.get_by_label("Name").fill("Housing")
    page.get_by_role("button", name="Add directorate").click()
    expect(page).to_have_title("Error: Add a directorate – Midshire County Council Scorecard")
    expect(page.get_by_role("alert")).to_contain_text("Directorate with this Code already exists.")
    assert_accessible(page)

    page.get_by_label("Code").fill("HSG")
    page.get_by_role("button", name="Add directorate").click()
    expect(page.get_by_text("Directorate Housing added.")).to_be_visible()
    expect(page.get_by_role("rowheader", name="Housing")).to_be_visible()


def test_administrator_gives_a_person_a_role(
    page, live_server, demo, demo_password, assert_accessible
):
    sign_in(page, live_server, "admin", demo_password)
    page.goto(f"{live_server.url}/administration/")
    page.get_by_role("link", name="Give a role to Ruth Bennett").click()
    assert_accessible(page)
    page.get_by_label("Role").select_option(label="Auditor")
    page.get_by_role("button", name="Add role").click()
    expect(page.get_by_text("Ruth Bennett is now auditor.")).to_be_visible()
    assert_accessible(page)
