"""A person's alert settings and the administrator's schedule in Chromium, with JavaScript on
and off, each checked with axe-core: linked from every page, refused with the field named,
then saved."""

import re

from playwright.sync_api import expect

from scorecard.notifications.models import AlertPreference
from tests.browser.test_home import sign_in


def test_the_alert_settings_and_the_schedule(
    page, live_server, demo, demo_password, assert_accessible
):
    sign_in(page, live_server, "editor", demo_password)
    page.get_by_role("link", name="Your alerts").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your alerts")
    assert_accessible(page)
    page.get_by_label("A value is returned").select_option(label="In the weekly digest")
    page.get_by_label("A risk review becomes overdue").select_option(label="Never")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Your alert settings are saved.")).to_be_visible()
    expect(page.get_by_label("A value is returned")).to_have_value("digest")
    assert_accessible(page)
    choices = dict(AlertPreference.objects.values_list("kind", "delivery"))
    assert choices["value_returned"] == "digest" and choices["review_overdue"] == "never"
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, live_server, "admin", demo_password)
    page.goto(f"{live_server.url}/administration/")
    page.get_by_role("link", name=re.compile("^Schedule")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Schedule")
    page.get_by_label("Weekly digest: time").fill("26:00")
    page.get_by_role("button", name="Save").click()
    expect(page).to_have_title(re.compile(r"^Error: Schedule"))
    expect(page.get_by_role("alert")).to_contain_text("Enter a valid time")
    assert_accessible(page)
    page.get_by_label("Weekly digest: time").fill("16:30")
    page.get_by_label("Weekly digest: day").select_option(label="Friday")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Schedule saved.")).to_be_visible()
    expect(page.get_by_label("Weekly digest: day")).to_have_value("4")
    assert_accessible(page)
