"""The value form in Chromium, with JavaScript on and off, checked with axe-core: the editor sees
the target, the last values and the last commentary; the status changes as a value is typed
(with JavaScript; the button does it without); copy forward fills the commentary; and a monthly
indicator's three months are saved from one form."""

import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from scorecard.performance.choices import WorkflowState
from scorecard.performance.models import Measurement
from tests.browser.test_home import sign_in
from tests.performance import value_form_data


@pytest.fixture
def quarter(demo):
    return value_form_data.open_quarter(demo)


@pytest.fixture
def indicator(demo):
    return value_form_data.indicator_with_history(demo)


@pytest.fixture
def monthly(demo, quarter):
    return value_form_data.monthly_indicator(demo)


def test_the_value_form_shows_its_context_and_the_status_as_it_is_typed(
    page, live_server, demo, demo_password, quarter, indicator, javascript, assert_accessible
):
    sign_in(page, live_server, "editor", demo_password)
    page.goto(f"{live_server.url}/scorecard/indicators/{indicator.pk}/values/2017-18-Q3/")
    context = page.locator("#value-context")
    expect(context).to_contain_text("Target 92.0% for Quarter Three 2017/18")
    last = page.get_by_role("table", name="Last approved values")
    expect(last.get_by_role("row")).to_have_count(5)  # the header and four values
    expect(last.get_by_role("row").nth(1)).to_contain_text("Quarter Two 2017/18 95.0% Green")
    expect(last.get_by_role("row").nth(2)).to_contain_text("Quarter One 2017/18 88.0% Amber")
    expect(page.get_by_role("table", name="Same period last year")).to_contain_text(
        "Quarter Three 2016/17 78.0% Amber"
    )
    expect(page.locator("#last-commentary")).to_contain_text("Winter pressures eased.")
    expect(page.locator("#status-preview")).to_contain_text("Not rated yet")
    assert_accessible(page)

    value = page.get_by_label("Value")
    preview = page.locator("#status-preview")
    if javascript:  # typed, not submitted: HTMX fetches the status
        value.press_sequentially("80")
        expect(preview).to_contain_text("Red")
        expect(preview).to_contain_text("at 80.0% against a target of 92.0%")
        value.fill("")
        value.press_sequentially("85")  # 92 * 0.9 = 82.8 <= 85 < 92
        expect(preview).to_contain_text("Amber")
        value.fill("")
        value.press_sequentially("95")
        expect(preview).to_contain_text("Green")
        expect(page).to_have_url(re.compile(r"/values/2017-18-Q3/$"))  # nothing was submitted
    else:
        value.fill("80")
        page.get_by_role("button", name="Check the status").click()
        expect(preview).to_contain_text("Red")
        value.fill("95")
        page.get_by_role("button", name="Check the status").click()
        expect(preview).to_contain_text("Green")
    assert_accessible(page)

    # Copy forward: last quarter's commentary and actions, the typed value kept.
    page.get_by_role("button", name="Copy forward into the form").click()
    expect(page.get_by_label("Commentary", exact=True)).to_have_value("Winter pressures eased.")
    expect(page.get_by_label("Improvement actions")).to_have_value("Two more reablement staff.")
    expect(page.get_by_label("Value")).to_have_value("95")
    page.get_by_role("button", name="Submit for approval").click()
    expect(page.get_by_text("ASC-V1 Quarter Three 2017/18 submitted for approval.")).to_be_visible()
    saved = Measurement.objects.get(indicator=indicator, period="2017/18-Q3")
    assert (saved.value, saved.commentary, saved.state) == (
        Decimal("95"),
        "Winter pressures eased.",
        WorkflowState.SUBMITTED,
    )


def test_three_months_of_a_monthly_indicator_are_saved_from_one_form(
    page, live_server, demo, demo_password, quarter, monthly, assert_accessible
):
    sign_in(page, live_server, "editor", demo_password)
    page.goto(f"{live_server.url}/scorecard/my-updates/?period=2017/18-Q3")
    page.get_by_role("link", name="All three months in one form for ASC-M1 Quarter Three").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Reablement packages started")
    assert_accessible(page)
    october = page.get_by_role("group", name="October 2017")
    november = page.get_by_role("group", name="November 2017")
    december = page.get_by_role("group", name="December 2017")
    october.get_by_label("Value").fill("101")
    november.get_by_label("Value").fill("80")  # red: needs commentary and actions
    december.get_by_label("Value").fill("99")
    page.get_by_role("button", name="Submit for approval").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Nothing has been saved")
    expect(summary).to_contain_text("November 2017: This value is red")
    assert Measurement.objects.filter(indicator=monthly).count() == 0
    assert_accessible(page)

    november.get_by_label("Commentary", exact=True).fill("Two care homes closed to admissions.")
    november.get_by_label("Improvement actions").fill("Block-booked beds from January.")
    page.get_by_role("button", name="Submit for approval").click()
    expect(page.get_by_text("October 2017, November 2017, December 2017 submitted")).to_be_visible()
    saved = Measurement.objects.filter(indicator=monthly).order_by("period_start")
    assert [(m.period, m.value, m.state) for m in saved] == [
        ("2017/18-M10", Decimal("101"), WorkflowState.SUBMITTED),
        ("2017/18-M11", Decimal("80"), WorkflowState.SUBMITTED),
        ("2017/18-M12", Decimal("99"), WorkflowState.SUBMITTED),
    ]
    assert_accessible(page)
