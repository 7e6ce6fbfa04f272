"""The council's risk categories in Chromium, checked with axe-core: added on the settings page
(a repeated name refused, what was typed kept), then offered on the risk form."""

import re

import pytest
from playwright.sync_api import expect

from scorecard.risks import services as risks
from tests.browser.test_home import sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_administrator_adds_a_category_and_a_risk_uses_it(
    page, live_server, demo, demo_password, assert_accessible
):
    risks.risk_matrix_create_default()
    risks.register_create(name="Corporate Risk Register", kind="corporate")
    sign_in(page, live_server, "admin", demo_password)
    page.goto(f"{live_server.url}/risks/categories/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Risk categories")
    assert_accessible(page)
    page.get_by_role("button", name="Add a category").click()
    page.get_by_label("Name").fill("Strategic")
    page.get_by_role("button", name="Add category").click()
    expect(page).to_have_title(re.compile(r"^Error: Add a category"))
    expect(page.get_by_role("alert")).to_contain_text("There is already a category called")
    expect(page.get_by_label("Name")).to_have_value("Strategic")
    assert_accessible(page)
    page.get_by_label("Name").fill("Planning")
    page.get_by_role("button", name="Add category").click()
    expect(page.get_by_text("Planning added.")).to_be_visible()
    expect(page.get_by_role("row", name=re.compile("^Planning"))).to_be_visible()
    assert_accessible(page)

    page.goto(f"{live_server.url}/risks/new/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Add a risk")
    page.get_by_label("Category", exact=True).select_option(label="Planning")
    expect(page.get_by_label("Category", exact=True)).to_have_value("planning")
