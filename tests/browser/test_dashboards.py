"""Both dashboards of the demo council's published Quarter Two 2017/18, read in Chromium with
JavaScript on and off, checked with axe-core."""

from playwright.sync_api import expect

from .test_home import sign_in


def test_performance_and_risk_dashboards(
    page, live_server, demo_council, demo_password, assert_accessible
):
    sign_in(page, live_server, "reader", demo_password)
    page.goto(f"{live_server.url}/reports/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Reports")
    assert_accessible(page)

    page.get_by_role("link", name="Performance dashboard").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Performance dashboard")
    expect(
        page.get_by_role(
            "img", name="Indicators by status: 25 green, 20 amber, 9 red, 19 not rated."
        )
    ).to_be_visible()
    expect(
        page.get_by_role(
            "heading", name="HW01 Older People Funded in Permanent Care Home placements"
        )
    ).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Status").select_option("red")
    page.get_by_role("button", name="Filter").click()
    expect(page.get_by_text("9 of 73 indicators")).to_be_visible()
    expect(
        page.get_by_text("Of the 54 ratings, 46 were given in Quarter Two 2017/18")
    ).to_be_visible()
    assert_accessible(page)

    page.goto(f"{live_server.url}/reports/risks/?period=2017/18-Q2")
    expect(page.get_by_role("heading", level=1)).to_have_text("Corporate risk dashboard")
    expect(
        page.get_by_role("img", name="Risks by band: 9 red, 60 amber, 91 green.")
    ).to_be_visible()
    expect(page.get_by_role("heading", name="Children's Social Care: 5 red")).to_be_visible()
    assert_accessible(page)


def test_lock_page_shows_readiness_and_asks_why_before_locking_with_gaps(
    page, live_server, demo_council, demo_password, assert_accessible
):
    sign_in(page, live_server, "admin", demo_password)
    page.goto(f"{live_server.url}/reports/2017-18-Q3/lock/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Lock Quarter Three 2017/18 and publish"
    )
    table = page.get_by_role("table", name="Updates, reviews and commentary of Quarter Three")
    expect(table.get_by_role("row", name="Adult Services")).to_contain_text("12")
    assert_accessible(page)
    page.get_by_label("I have checked the figures").check()
    page.get_by_label("I know that some updates or reviews are missing").check()
    page.get_by_role("button", name="Lock and publish").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "Enter why the quarter is locked with updates missing."
    )
    assert_accessible(page)
