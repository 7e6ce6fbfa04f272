"""The public site as a visitor without an account sees it, on a desktop and on phones (390, 375
and 320 wide), with and without JavaScript: every page passes axe-core, none scrolls sideways,
a keyboard user can skip to the content, and the headline shows the published counts. On a
phone each indicator's status and direction of travel are on the screen, and a table too wide
for it (the heat map) scrolls inside its own labelled region."""

import re

from scorecard.performance.models import Measurement
from scorecard.performance.services import measurement_restate
from scorecard.reporting import summary
from scorecard.reporting.models import IndicatorSnapshot

SCREENS = [(1280, 800), (390, 844), (375, 667), (320, 640)]
PAGES = re.compile(r"^/public/([^.]*/)?$")
PHONE = 640  # below GOV.UK's tablet breakpoint (641 px)
# The rows of the cells matched that are not wholly on the screen, unless (when told so) they
# are inside a table's own scrolling region, focusable and labelled, where they can be reached.
OUT_OF_SIGHT = """([selector, regionWillDo]) => [...document.querySelectorAll(selector)]
    .filter(cell => {
        const box = cell.getBoundingClientRect();
        const seen = box.left >= 0 && box.right <= document.documentElement.clientWidth;
        const region = cell.closest('.app-table-scroll[role=region][aria-label][tabindex="0"]');
        return !seen && !(regionWillDo && region);
    })
    .map(cell => cell.closest('tr').dataset.code || cell.closest('tr').innerText.trim())"""


# How far the page's main content scrolls sideways inside itself (0: not at all).
MAIN_SCROLLS = """() => { const main = document.querySelector('main');
    return main.scrollWidth - main.clientWidth; }"""


def _crawl(page, live_server):
    queue, seen = ["/public/", "/open-data/"], []
    while queue:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.append(path)
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        yield path
        for href in page.eval_on_selector_all(
            "a[href^='/public/']", "links => links.map(a => a.getAttribute('href'))"
        ):
            href = href.split("#")[0]
            if PAGES.match(href) and href not in seen and href not in queue:
                # One indicator page stands for all (the same template).
                if "/indicators/" in href and any("/indicators/" in p for p in seen + queue):
                    continue
                queue.append(href)


def test_a_visitor_reads_every_public_page_on_any_screen(
    browser, live_server, demo_council, javascript, assert_accessible
):
    counts = summary.rating_counts(IndicatorSnapshot.objects.all())
    # A restated value, so the dated notes are on the pages checked too.
    measurement = Measurement.objects.get(indicator__code="HW01", period="2017/18-Q2")
    measurement_restate(
        measurement=measurement, by=demo_council["admin"], reason="Counted twice",
        expected_version=measurement.version, value="1298",
    )  # fmt: skip
    problems = []
    for width, height in SCREENS:
        context = browser.new_context(
            viewport={"width": width, "height": height}, java_script_enabled=javascript
        )
        page = context.new_page()
        visited = []
        for path in _crawl(page, live_server):
            visited.append(path)
            assert_accessible(page)
            scroll = page.evaluate("document.documentElement.scrollWidth")
            if scroll > width:
                problems.append(f"{path} at {width} px: {scroll} px wide")
            if inside := page.evaluate(MAIN_SCROLLS):
                problems.append(f"{path} at {width} px: its content scrolls {inside} px sideways")
            if path == "/public/2017-18-Q2/":
                shown = {
                    key: int(page.locator(f'[data-count="{key}"]').inner_text()) for key in counts
                }
                assert shown == counts
        assert {"/public/", "/public/2017-18-Q2/", "/public/2017-18-Q2/risks/",
                "/public/accessibility/"} <= set(visited)  # fmt: skip
        assert any("/indicators/" in p for p in visited)
        # The page with a restatement note, and the one whose commentary is internal.
        for code, words in (
            ("HW01", "Restated on 4 December 2017: Counted twice."),
            ("RC02", "The council's commentary for this quarter is not published."),
        ):
            page.goto(f"{live_server.url}/public/2017-18-Q2/indicators/{code}/")
            assert_accessible(page)
            assert words in page.locator("main").inner_text()
            scroll = page.evaluate("document.documentElement.scrollWidth")
            if scroll > width:
                problems.append(f"{code} at {width} px: {scroll} px wide")
        # Each indicator's status and direction of travel: on a phone the rows stack, so both
        # are on the screen; wider, they are at least in the table's own scrolling region.
        page.goto(live_server.url + "/public/2017-18-Q2/")
        cells = "[data-code] [data-field=status], [data-code] [data-field=direction]"
        assert page.locator(cells).count() == 2 * IndicatorSnapshot.objects.count()
        assert page.evaluate(OUT_OF_SIGHT, [cells, width > PHONE]) == [], width
        # The heat map's key reads in full; its cells are in reach, scrolling in its region.
        page.goto(live_server.url + "/public/2017-18-Q2/risks/")
        key = page.locator("#heat-map-how").bounding_box()
        assert key["x"] >= 0 and key["x"] + key["width"] <= width
        assert page.evaluate(OUT_OF_SIGHT, [".app-heat-map td", True]) == [], width
        # The first Tab reaches the skip link, visibly focused.
        page.goto(live_server.url + "/public/2017-18-Q2/")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to main content"
        context.close()
    assert problems == []
