"""The indicator page's XmR chart, drawn as plain SVG, read in Chromium and checked with
axe-core."""

from playwright.sync_api import expect

from scorecard.performance.models import Indicator

from .test_home import sign_in


def test_the_indicator_page_shows_its_xmr_chart_accessibly(
    page, live_server, demo_council, demo_password, assert_accessible
):
    indicator = Indicator.objects.get(code="HW02")
    sign_in(page, live_server, "reader", demo_password)
    page.goto(f"{live_server.url}/scorecard/indicators/{indicator.pk}/")
    chart = page.get_by_role("img", name="XmR chart of HW02")
    expect(chart).to_be_visible()
    drawing = chart.locator("svg")  # hidden from screen readers: the figure says it once
    expect(drawing.get_by_text("Upper process limit")).to_be_visible()
    expect(drawing.get_by_text("Concerning")).to_be_visible()
    assert drawing.bounding_box()["width"] > 500
    assert_accessible(page)
