"""The whole quarter as its users live it, in Chromium with JavaScript on and off, every page
checked with axe-core: the editor submits a red value (refused without commentary), the admin
approves it, the indicator shows red with its commentary, the editor reviews a risk up a band,
and the reader reaches no form."""

import re

import pytest
from playwright.sync_api import expect

from scorecard.organisation.models import Directorate
from scorecard.performance import services as performance
from scorecard.performance.choices import Unit
from scorecard.risks import services as risks
from tests.browser.test_home import sign_in
from tests.performance.factories import IndicatorFactory, TargetFactory
from tests.risks.factories import RegisterFactory, RiskFactory


@pytest.fixture
def quarter_data(demo):
    performance.reporting_period_open(period="2017/18-Q2", by=demo["admin"])
    asc = Directorate.objects.get(code="ASC")
    indicator = IndicatorFactory(
        code="ASC-B1", title="Older people still at home after reablement", directorate=asc,
        unit=Unit.PERCENTAGE, owner=demo["admin"],
    )  # fmt: skip
    TargetFactory(indicator=indicator, period="2017/18", value=90)
    risks.risk_matrix_create_default()
    register = RegisterFactory(name="Adult Services register", directorate=asc)
    risk = RiskFactory(
        reference="ASC-R9", title="Care market failure", register=register, owner=demo["admin"],
        current_likelihood=2, current_impact=3,
    )  # fmt: skip
    return {"indicator": indicator, "risk": risk}


def sign_out(page):
    page.get_by_role("button", name="Sign out").click()


def test_the_quarter_end_to_end(
    page, live_server, demo, demo_password, quarter_data, assert_accessible
):
    indicator, risk = quarter_data["indicator"], quarter_data["risk"]

    # The editor finds the value due and submits it red without commentary: refused.
    sign_in(page, live_server, "editor", demo_password)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Scorecard").click()
    page.get_by_role("link", name="My updates").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My updates for Quarter Two 2017/18")
    expect(page.get_by_text("Overdue").first).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Enter ASC-B1 Quarter Two 2017/18").click()
    page.get_by_label("Value").fill("62.5")
    page.get_by_role("button", name="Submit for approval").click()
    expect(page).to_have_title(re.compile(r"^Error: ASC-B1 value for Quarter Two 2017/18"))
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("This value is red: explain in the commentary")
    expect(page.get_by_label("Value")).to_have_value("62.5")
    expect(page.locator("#status-preview")).to_contain_text("Red")
    assert_accessible(page)

    # With commentary and improvement actions it is submitted.
    page.get_by_label("Commentary", exact=True).fill("Hospital discharges doubled in August.")
    page.get_by_label("Improvement actions").fill("Reablement team expanded from November.")
    page.get_by_role("button", name="Submit for approval").click()
    expect(page.get_by_text("ASC-B1 Quarter Two 2017/18 submitted for approval.")).to_be_visible()
    assert_accessible(page)
    sign_out(page)

    # The admin approves it from the queue.
    sign_in(page, live_server, "admin", demo_password)
    page.goto(f"{live_server.url}/scorecard/approvals/")
    assert_accessible(page)
    page.get_by_role("link", name="Review ASC-B1 2017/18-Q2").click()
    assert_accessible(page)
    page.get_by_role("button", name="Approve").click()
    expect(page.get_by_text("ASC-B1 2017/18-Q2 approved.")).to_be_visible()

    # The indicator shows red with its commentary.
    page.goto(f"{live_server.url}/scorecard/indicators/{indicator.pk}/")
    expect(page.get_by_text("Latest quarter, Quarter Two 2017/18: Red")).to_be_visible()
    if page.get_by_role("tab").count():  # JavaScript on: GOV.UK tabs; off: one long page
        page.get_by_role("tab", name="Commentary").click()
    commentary = page.locator("#commentary")
    expect(commentary).to_contain_text("Hospital discharges doubled in August.")
    expect(commentary).to_contain_text("Reablement team expanded from November.")
    assert_accessible(page)
    sign_out(page)

    # The editor reviews a risk to a higher score: its band changes from green to red.
    sign_in(page, live_server, "editor", demo_password)
    page.goto(f"{live_server.url}/risks/")
    assert_accessible(page)
    page.get_by_role("link", name="ASC-R9 Care market failure").click()
    expect(page.get_by_text("Current score: Green 6")).to_be_visible()
    page.get_by_role("link", name="Review this risk").click()
    page.get_by_role("group", name="Likelihood now").get_by_label("4 Likely").check()
    page.get_by_role("group", name="Impact now").get_by_label("4 Major").check()
    page.get_by_role("button", name="Check the score").click()
    expect(page.locator("#score-preview")).to_contain_text("4 × 4 = 16")
    assert_accessible(page)
    page.get_by_label("What has changed, and why").fill("Two providers closed in October.")
    page.get_by_role("button", name="Save review").click()
    expect(page.get_by_text("ASC-R9 reviewed: score 16, red.")).to_be_visible()
    expect(page.get_by_text("Current score: Red 16")).to_be_visible()
    assert_accessible(page)
    sign_out(page)

    # The reader reads, and reaches no form.
    sign_in(page, live_server, "reader", demo_password)
    page.goto(f"{live_server.url}/risks/{risk.pk}/")
    expect(page.get_by_role("link", name="Review this risk")).to_have_count(0)
    for url in [
        f"/risks/{risk.pk}/review/",
        f"/scorecard/indicators/{indicator.pk}/values/2017-18-Q2/",
        "/scorecard/periods/",
    ]:
        response = page.goto(live_server.url + url)
        assert response.status == 403, url
        expect(
            page.locator("form[method=post] textarea, form[method=post] input[type=text]")
        ).to_have_count(0)
