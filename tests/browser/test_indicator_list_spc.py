"""The indicator list with its SPC column in Chromium, JavaScript on and off, checked with
axe-core: the icons are decorative and their tags say the same in words."""

from playwright.sync_api import expect

from tests.browser.test_home import sign_in
from tests.test_indicator_list_spc import STEADY, monthly


def test_the_indicator_list_shows_spc_icons_accessibly(
    page, live_server, demo, demo_password, assert_accessible
):
    monthly("SPC1", [*STEADY, 30], target=70)
    sign_in(page, live_server, "reader", demo_password)
    page.goto(f"{live_server.url}/scorecard/")
    row = page.get_by_role("row").filter(has_text="SPC1")
    expect(row).to_contain_text("Special cause: concerning (low)")
    expect(row).to_contain_text("Target missed consistently")
    assert_accessible(page)
