"""The scorecard list sorted and filtered in a browser, the risk's place on the matrix in its
band's colour and words, and the pack's way back into the product: each checked with axe."""

import re

from playwright.sync_api import expect

from scorecard.core.status import State
from scorecard.risks.models import Risk
from tests.browser.test_home import sign_in


def test_the_scorecard_list_sorts_by_status_and_filters(
    page, live_server, demo_council, demo_password, assert_accessible
):
    sign_in(page, live_server, "reader", demo_password)
    # Quarter Two, published: rated values (the open Quarter Three still awaits its data).
    page.goto(live_server.url + "/scorecard/?sort=code&period=2017/18-Q2")
    page.get_by_label("Sort by").select_option("status")
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"sort=status"))
    statuses = page.locator("tbody tr td:nth-child(3) .govuk-tag").all_inner_texts()
    order = {"Red": 0, "Amber": 1, "Awaiting data": 2, "Green": 3}
    ranks = [order.get(s.strip(), 4) for s in statuses]
    assert statuses and ranks == sorted(ranks), statuses
    assert "Red" in [s.strip() for s in statuses]
    assert_accessible(page)
    # Only the red ones, the sort kept.
    page.get_by_label("Status").select_option(State.RED.value)
    page.get_by_role("button", name="Apply filters").click()
    reds = page.locator("tbody tr td:nth-child(3) .govuk-tag").all_inner_texts()
    assert reds and {s.strip() for s in reds} == {"Red"}
    expect(page.get_by_label("Sort by")).to_have_value("status")
    assert_accessible(page)


def test_the_matrix_shows_the_band_in_colour_and_words(
    page, live_server, demo_council, demo_password, assert_accessible
):
    sign_in(page, live_server, "admin", demo_password)
    risk = Risk.objects.filter(status="open").order_by("reference").first()
    page.goto(f"{live_server.url}/risks/{risk.pk}/")
    grid = page.locator("table", has=page.get_by_text("Position on the matrix"))
    red = grid.locator(".app-matrix__cell--red").first
    expect(red).to_contain_text("Red")
    colour = red.evaluate("cell => getComputedStyle(cell).backgroundColor")
    assert colour == "rgb(244, 205, 198)"
    assert_accessible(page)


def test_the_pack_links_back_into_the_product(
    page, live_server, demo_council, demo_password, assert_accessible
):
    sign_in(page, live_server, "reader", demo_password)
    page.goto(live_server.url + "/reports/2017-18-Q2/appendix/")
    back = page.get_by_role("navigation", name="Scorecard")
    back.get_by_role("link", name="Reports").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Reports")
