"""The API's Swagger page renders under the site's Content-Security-Policy, with no violation."""

import pytest
from playwright.sync_api import expect

from tests.browser.test_home import sign_in


@pytest.mark.parametrize("javascript", [True], ids=["js"])
def test_swagger_ui_renders_with_no_csp_violation(page, live_server, db):
    problems = []
    page.on("console", lambda m: m.type == "error" and problems.append(m.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    response = page.goto(f"{live_server.url}/api/docs/")
    assert "script-src" in response.headers["content-security-policy"]
    # Swagger UI drew the API from its schema: the title and an operation are on the page.
    expect(page.get_by_role("heading", name="Scorecard API")).to_be_visible()
    expect(page.get_by_text("/api/v1/indicators/").first).to_be_visible()
    assert [p for p in problems if "Content Security Policy" in p or "Refused" in p] == []
    assert problems == []


@pytest.mark.parametrize("javascript", [True], ids=["js"])
@pytest.mark.parametrize("who", ["anonymous", "reader"])
def test_swagger_ui_passes_axe(page, live_server, demo, demo_password, assert_accessible, who):
    if who != "anonymous":
        sign_in(page, live_server, who, demo_password)
    page.goto(f"{live_server.url}/api/docs/")
    expect(page.get_by_text("/api/v1/indicators/").first).to_be_visible()
    assert_accessible(page)
