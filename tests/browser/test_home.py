"""Sign in as each demo account, look at the home page, and check every page visited with axe-core."""

import pytest
from playwright.sync_api import expect

ACCOUNTS = {
    "admin": ["Administrator (performance and risk team)", "Administration"],
    "editor": ["Directorate editor", "Adult Services"],
    "reader": ["Reader", "Whole organisation"],
}


def sign_in(page, live_server, username, password):
    page.goto(f"{live_server.url}/sign-in/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Sign in").click()


def test_anonymous_home_and_sign_in_pages(page, live_server, demo, assert_accessible):
    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Midshire County Council Scorecard")
    expect(page).to_have_title("Home – Midshire County Council Scorecard")
    assert_accessible(page)
    page.get_by_role("link", name="Sign in").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
    assert_accessible(page)


def test_wrong_password_shows_error_summary(page, live_server, demo, assert_accessible):
    sign_in(page, live_server, "reader", "not-the-password")
    expect(page).to_have_title("Error: Sign in – Midshire County Council Scorecard")
    expect(page.get_by_role("alert")).to_contain_text("There is a problem")
    assert_accessible(page)


@pytest.mark.parametrize("username", list(ACCOUNTS))
def test_each_demo_account_signs_in_and_sees_home(
    page, live_server, demo, demo_password, username, assert_accessible
):
    sign_in(page, live_server, username, demo_password)
    expect(page).to_have_url(live_server.url + "/")
    account = demo[username]
    expect(page.get_by_text(f"Signed in as {account.get_full_name()}")).to_be_visible()
    roles = page.locator(".govuk-summary-list")
    expect(roles).to_contain_text(ACCOUNTS[username][0])
    if username != "admin":
        expect(roles).to_contain_text(ACCOUNTS[username][1])
    assert_accessible(page)

    navigation = page.get_by_role("navigation", name="Main")
    sections = ["Scorecard", "Risks", "Projects", "Actions", "Reports"] + (
        ["Administration"] if username == "admin" else []
    )
    expect(navigation.get_by_role("link")).to_have_text(sections)
    for section in sections:
        page.get_by_role("navigation", name="Main").get_by_role("link", name=section).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(section)
        assert_accessible(page)

    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("link", name="Sign in").first).to_be_visible()


def test_accessibility_check_catches_a_violation(page, live_server, demo, assert_accessible):
    """The checker itself must fail on a page with an image that has no text alternative."""
    page.goto(live_server.url + "/")
    page.evaluate("() => true")  # the page is loaded
    html = page.content().replace("</main>", '<img src="/static/none.png"></main>')
    page.set_content(html)
    with pytest.raises(AssertionError, match="image-alt"):
        assert_accessible(page)
