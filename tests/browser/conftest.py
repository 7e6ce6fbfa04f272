"""Playwright driving Debian's Chromium against pytest-django's live server.

Every page a test visits is checked with axe-core (from npm) for WCAG 2.2 A and AA.
"""

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, sync_playwright

CHROMIUM = "/usr/bin/chromium"
AXE_SOURCE = (
    Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
).read_text()
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture(params=[True, False], ids=["js", "no-js"])
def javascript(request) -> bool:
    return request.param


@pytest.fixture
def page(browser, javascript):
    """A fresh page, once with JavaScript on and once with it off."""
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def _axe_page(browser):
    """A JavaScript-enabled page where axe checks what a no-JavaScript page showed."""
    context = browser.new_context()
    yield context.new_page()
    context.close()


SCRIPT = re.compile(r"<script\b.*?</script>", re.DOTALL | re.IGNORECASE)


@pytest.fixture
def assert_accessible(javascript, _axe_page):
    """Assert that the page as the user sees it now has no axe-core violations.

    axe itself is JavaScript: for a page with JavaScript off, its DOM (scripts removed,
    stylesheets kept through a <base>) is checked in a separate page with JavaScript on.
    """

    def check(page: Page) -> None:
        # A click that follows a link returns once the navigation starts: wait for the new page.
        page.wait_for_load_state("load")
        target = page
        if not javascript:
            html = SCRIPT.sub("", page.content())
            html = html.replace("<head>", f'<head><base href="{page.url}">', 1)
            _axe_page.set_content(html, wait_until="load")
            target = _axe_page
        # Evaluated through DevTools: the page's Content-Security-Policy refuses injected <script>.
        target.evaluate(AXE_SOURCE)
        result = target.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
        )
        violations = [
            f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:5]}"
            for v in result["violations"]
        ]
        assert violations == [], f"axe-core violations on {page.url}:\n" + "\n".join(violations)

    return check
