"""The new risk and settings pages in Chromium with JavaScript on and off, each checked with
axe-core: the editor's risk form refused without a title (the error summary names the field and
keeps the rest), then added; the administrator walks the Scorecard and risk settings from the
Administration page, changes a cell of the risk matrix and restates a locked value."""

import re

import pytest
from playwright.sync_api import expect

from scorecard.organisation.models import Directorate
from scorecard.performance import services as performance
from scorecard.performance.choices import PeriodState
from scorecard.risks import services as risks
from tests.browser.test_home import sign_in
from tests.performance.factories import IndicatorFactory, MeasurementFactory
from tests.risks.factories import RegisterFactory


@pytest.fixture
def settings_data(demo):
    asc = Directorate.objects.get(code="ASC")
    risks.risk_matrix_create_default()
    RegisterFactory(name="Adult Services register", directorate=asc)
    indicator = IndicatorFactory(code="ASC-B1", title="Reablement", directorate=asc)
    MeasurementFactory(indicator=indicator, value=95)
    performance.reporting_period_set_state(
        period="2017/18-Q2", state=PeriodState.LOCKED, by=demo["admin"]
    )
    return {"indicator": indicator}


def test_the_risk_form_and_the_settings_pages(
    page, live_server, demo, demo_password, settings_data, assert_accessible
):
    sign_in(page, live_server, "editor", demo_password)
    page.goto(f"{live_server.url}/risks/")
    page.get_by_role("button", name="Add a risk").click()
    page.get_by_label("Reference").fill("ASC-R20")
    page.get_by_label("Because of (cause)").fill("Cold winter")
    page.get_by_label("Register").select_option(label="Adult Services register")
    for label, level in [("Inherent likelihood", "5"), ("Inherent impact", "4"),
                         ("Current likelihood", "4"), ("Current impact", "4")]:  # fmt: skip
        page.get_by_label(label, exact=True).select_option(level)
    page.get_by_role("button", name="Add risk").click()
    expect(page).to_have_title(re.compile(r"^Error: Add a risk"))
    expect(page.get_by_role("alert")).to_contain_text("Enter the risk's title.")
    expect(page.get_by_label("Because of (cause)")).to_have_value("Cold winter")
    assert_accessible(page)
    page.get_by_label("Title", exact=True).fill("Winter pressures")
    page.get_by_role("button", name="Add risk").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Winter pressures")
    assert_accessible(page)
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, live_server, "admin", demo_password)
    page.goto(f"{live_server.url}/administration/")
    for name, heading in [
        ("Corporate Plans and their priorities", "Corporate Plans and priorities"),
        ("Scorecards and their versions", "Scorecards and their versions"),
        ("Risk registers", "Risk registers"),
        ("Risk areas", "Risk areas"),
        ("Risk categories", "Risk categories"),
        ("Risk appetite", "Risk appetite"),
        ("Risk matrix", "Risk matrix"),
    ]:
        page.goto(f"{live_server.url}/administration/")
        page.get_by_role("link", name=name, exact=True).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        assert_accessible(page)
    page.get_by_role("link", name="Change the band of likelihood 3 x impact 4").click()
    assert_accessible(page)
    page.get_by_label("Red").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Likelihood 3 x impact 4 saved.")).to_be_visible()

    page.goto(f"{live_server.url}/scorecard/indicators/{settings_data['indicator'].pk}/#status")
    page.get_by_role("link", name="Restate 2017/18-Q2 of ASC-B1").click()
    page.get_by_label("Restated value").fill("92.5")
    page.get_by_role("button", name="Restate the value").click()
    expect(page.get_by_role("alert")).to_contain_text("Say why the value is restated")
    assert_accessible(page)
    page.get_by_label("Why is the value restated?").fill("Late returns.")
    page.get_by_role("button", name="Restate the value").click()
    expect(page.get_by_text("ASC-B1 2017/18-Q2 restated.")).to_be_visible()
    assert_accessible(page)
