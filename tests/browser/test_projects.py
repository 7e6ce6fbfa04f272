"""A project's page and its quarterly update form in Chromium, with and without JavaScript,
checked with axe-core: the rating with its reason, the tabs readable without JavaScript, and a
refused update keeping what was typed."""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from scorecard.organisation import services as organisation_services
from scorecard.organisation.models import Directorate
from scorecard.performance.services import reporting_period_open
from scorecard.projects import services
from tests.browser.test_home import sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_project_page_and_the_update_form(
    page, live_server, demo, demo_password, assert_accessible
):
    organisation_services.organisation_clock_set(clock_date=dt.date(2017, 12, 4))
    reporting_period_open(period="2017/18-Q3", by=demo["admin"])
    project = services.project_create(
        name="Digital front door", owner=demo["editor"], directorate=Directorate.objects.get(code="ASC"),
        programme=services.programme_create(name="Transformation Programme"),
        start_date=dt.date(2017, 4, 1), end_date=dt.date(2018, 3, 31),
    )  # fmt: skip
    services.milestone_create(project=project, name="Forms live", planned_date=dt.date(2017, 11, 1))
    services.project_finance_set(project=project, year="2017/18", budget="400000")

    sign_in(page, live_server, "editor", demo_password)
    page.goto(f"{live_server.url}/projects/{project.pk}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Digital front door")
    expect(page.get_by_text("Milestone “Forms live” 33 days late.").first).to_be_visible()
    # Every tab's content is on the page, shown at once without JavaScript.
    expect(page.locator("#milestones")).to_contain_text("Forms live")
    assert_accessible(page)

    page.get_by_role("link", name="Write the Quarter Three 2017/18 update").click()
    page.get_by_label("Your judgement of the overall rating (optional)").select_option("green")
    page.get_by_label("Progress this quarter").fill("Forms built.")
    page.get_by_label("Spent to date this year (£)").fill("120000")
    page.get_by_role("button", name="Submit for approval").click()
    expect(page).to_have_title(re.compile(r"^Error: "))
    expect(page.get_by_role("alert")).to_contain_text("Give the reason for your judgement")
    expect(page.get_by_label("Spent to date this year (£)")).to_have_value("120000")
    assert_accessible(page)
