"""In Chromium, with JavaScript on and off, as each demo account of the whole demo council: the
home page lists that person's own work (counted against the database) and nothing their role
cannot use, and a bulk approval of five values leaves five approvals in the history. Every
page is checked with axe-core.

With SCORECARD_SCREENSHOTS set to a folder (docs/screenshots), the JavaScript run saves the
user guide's pictures of each home page and of the approval queue there."""

import datetime as dt
import os
from pathlib import Path

import pytest
from django.db.models import Q
from playwright.sync_api import expect

from scorecard.performance import services
from scorecard.performance.choices import WorkflowState
from scorecard.performance.models import Indicator, Measurement
from scorecard.reporting.models import IndicatorSnapshot
from scorecard.risks.choices import RiskStatus
from scorecard.risks.models import Risk
from tests.browser.test_home import sign_in

TODAY = dt.date(2017, 12, 4)  # the demo council's clock
Q3_PERIODS = ["2017/18-Q3", "2017/18-M10", "2017/18-M11", "2017/18-M12"]
SCREENSHOTS = os.environ.get("SCORECARD_SCREENSHOTS", "")


def screenshot(page, javascript: bool, name: str) -> None:
    if SCREENSHOTS and javascript:
        page.set_viewport_size({"width": 1280, "height": 900})
        page.screenshot(path=Path(SCREENSHOTS) / name, full_page=True)


def rows(page, heading_id: str):
    return page.locator(f"section[aria-labelledby='{heading_id}'] tbody tr")


def test_the_editor_sees_their_updates_and_reviews(
    page, live_server, demo_council, demo_password, javascript, assert_accessible
):
    editor = demo_council["editor"]
    sign_in(page, live_server, "editor", demo_password)
    expect(page).to_have_url(live_server.url + "/")
    # 14 values of Adult Services are due in Quarter Three (worked out by hand from the demo);
    # those already submitted or approved are not to do.
    done = Measurement.objects.filter(
        indicator__directorate__code="ASC",
        period__in=Q3_PERIODS,
        state__in=[WorkflowState.SUBMITTED, WorkflowState.APPROVED],
    ).count()
    expect(rows(page, "home-updates")).to_have_count(14 - done)
    expect(page.locator("#home-updates-count")).to_contain_text(f"{14 - done} values still to do")
    reviews = Risk.objects.filter(
        Q(register__directorate__code="ASC") | Q(owner=editor),
        next_review_on__lte=TODAY + dt.timedelta(days=14),
    ).exclude(status=RiskStatus.CLOSED)
    expect(rows(page, "home-risks")).to_have_count(reviews.count())
    assert_accessible(page)
    screenshot(page, javascript, "home-editor.png")

    page.get_by_role("link", name="Enter HW01 Quarter Three 2017/18").click()
    hw01 = Indicator.objects.get(code="HW01")
    expect(page).to_have_url(f"{live_server.url}/scorecard/indicators/{hw01.pk}/values/2017-18-Q3/")


def test_the_administrator_sees_approvals_waiting_and_the_quarters_progress(
    page, live_server, demo_council, demo_password, javascript, assert_accessible
):
    admin = demo_council["admin"]
    sign_in(page, live_server, "admin", demo_password)
    waiting = Measurement.objects.filter(state=WorkflowState.SUBMITTED).exclude(
        Q(entered_by=admin) | Q(submitted_by=admin)
    )
    expect(page.locator("#home-approvals-count")).to_contain_text(
        f"{waiting.count()} value submitted and waiting for you"
    )
    expect(page.locator("section[aria-labelledby='home-approvals'] li")).to_have_count(
        waiting.count()
    )
    # The directorates with updates due in the quarter, each a row of the progress table.
    directorates = (
        Indicator.objects.filter(entries__isnull=False, is_retired=False)
        .values("directorate")
        .distinct()
        .count()
    )
    expect(rows(page, "home-progress")).to_have_count(directorates)
    expect(page.locator("#home-progress-count")).to_contain_text("updates in")
    assert_accessible(page)
    screenshot(page, javascript, "home-administrator.png")


def test_the_reader_sees_the_latest_report_and_no_page_they_cannot_use(
    page, live_server, demo_council, demo_password, javascript, assert_accessible
):
    sign_in(page, live_server, "reader", demo_password)
    published = IndicatorSnapshot.objects.filter(snapshot__period="2017/18-Q2")
    expect(page.locator("#home-published-figures")).to_contain_text(
        f"{published.count()} indicators: {published.filter(rating='green').count()} green"
    )
    for text in ("My updates", "Values waiting for approval"):
        expect(page.get_by_role("link", name=text)).to_have_count(0)
    assert_accessible(page)
    screenshot(page, javascript, "home-reader.png")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Scorecard").click()
    for text in ("My updates", "Values waiting for approval"):
        expect(page.get_by_role("link", name=text)).to_have_count(0)
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Performance dashboard, Quarter Two 2017/18").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Performance")


@pytest.fixture
def five_submitted(demo_council):
    """The demo's submitted HW07 and four more values of Adult Services, from the editor."""
    editor = demo_council["editor"]
    for code in ("HW01", "HW03", "HW04", "HW08"):
        indicator = Indicator.objects.get(code=code)
        last = indicator.measurements.filter(state=WorkflowState.APPROVED).latest("period_start")
        services.measurement_save(
            indicator=indicator, period="2017/18-Q3", by=editor, expected_version=0, submit=True,
            value=last.value, commentary="Steady this quarter.",
            improvement_actions="Keep the weekly review going.",
        )  # fmt: skip
    return list(Measurement.objects.filter(state=WorkflowState.SUBMITTED).order_by("pk"))


def test_a_bulk_approval_of_five_values_leaves_five_approvals_in_the_history(
    page, live_server, demo_council, demo_password, five_submitted, javascript, assert_accessible
):
    admin = demo_council["admin"]
    assert len(five_submitted) == 5
    sign_in(page, live_server, "admin", demo_password)
    expect(page.locator("#home-approvals-count")).to_contain_text("5 values submitted")
    page.get_by_role("link", name="Values waiting for approval").first.click()
    assert_accessible(page)
    screenshot(page, javascript, "approval-queue.png")

    # A value's review page shows it in context: the target and the earlier values rated.
    page.get_by_role("link", name="Review HW07 2017/18-Q3").click()
    expect(page.get_by_role("heading", name="How it compares")).to_be_visible()
    expect(page.get_by_text("Target for Quarter Three 2017/18")).to_be_visible()
    expect(
        page.get_by_role("table", name="Previous approved values").locator("tbody tr")
    ).to_have_count(4)
    assert_accessible(page)
    page.get_by_role("link", name="Back to values waiting for approval").click()

    for m in five_submitted:
        page.get_by_label(f"Choose {m.indicator.code} {m.period}").check()
    page.get_by_role("button", name="Approve chosen values").click()
    expect(page.get_by_text("5 values approved:")).to_be_visible()
    expect(page.get_by_text("Nothing is waiting for your approval.")).to_be_visible()
    assert_accessible(page)

    approvals = Measurement.history.filter(
        id__in=[m.pk for m in five_submitted], state=WorkflowState.APPROVED
    )
    assert approvals.count() == 5
    assert {(r.id, r.history_user_id) for r in approvals} == {
        (m.pk, admin.pk) for m in five_submitted
    }
