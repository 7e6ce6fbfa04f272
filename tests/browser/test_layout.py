"""No page scrolls sideways on a tablet in portrait (768 px) or a phone (390 px), and no page has
an axe-core violation for any demo account: a crawl of the demo council follows the links each
account is offered (the administrator sees the most pages) and checks every page it reaches.
Wide tables scroll inside their own region instead."""

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from tests.browser.conftest import AXE_SOURCE, WCAG_TAGS
from tests.browser.test_home import sign_in

# Files, the API's JSON, the admin and sign-out are not pages to lay out.
SKIP = re.compile(
    r"^/(static|django-admin|api/(v1|schema|token))/|/(export|download|sign-out|logout)"
    r"|\.(pdf|docx|xlsx|csv|json|zip|svg|png)$|[?&]format="
)
MAX_PAGES = 60
# Pages reached from the footer or by address rather than through a link in the crawl's path.
START = [
    "/", "/api/docs/", "/projects/", "/actions/?status=all", "/audits/",
    "/reports/audit-committee/",
]  # fmt: skip


def _pattern(path: str) -> str:
    """One page of each kind: /risks/12/ and /risks/13/ are the same layout."""
    return re.sub(r"\d+", "N", path)


def crawl(page, live_server) -> Iterator[str]:
    """Visit one page of each kind the signed-in account can reach by its links, breadth first;
    yield each HTML page's address while the page is open."""
    queue, seen, visited = list(START), set(), 0
    while queue and visited < MAX_PAGES:
        path = queue.pop(0)
        if _pattern(urlsplit(path).path) in seen:
            continue
        seen.add(_pattern(urlsplit(path).path))
        response = page.goto(live_server.url + path)
        if response is None or "text/html" not in response.headers.get("content-type", ""):
            continue
        visited += 1
        yield path
        for href in page.eval_on_selector_all(
            "a[href^='/']", "links => links.map(a => a.getAttribute('href'))"
        ):
            href = href.split("#")[0]
            if href and not SKIP.search(href) and _pattern(urlsplit(href).path) not in seen:
                queue.append(href)


@pytest.mark.parametrize("javascript", [True], ids=["js"])
@pytest.mark.parametrize("width", [768, 390])
def test_no_page_scrolls_sideways(
    browser, live_server, demo_council, demo_password, javascript, width
):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    sign_in(page, live_server, "admin", demo_password)
    too_wide, visited = [], 0
    for path in crawl(page, live_server):
        visited += 1
        document_width = page.evaluate("document.documentElement.scrollWidth")
        if document_width > width:
            too_wide.append(f"{path}: {document_width} px")
    context.close()
    assert visited >= 30, f"the crawl reached only {visited} pages"
    assert too_wide == [], f"pages wider than {width} px:\n" + "\n".join(too_wide)


@pytest.mark.parametrize("username", ["admin", "editor", "reader"])
def test_every_page_passes_axe(browser, live_server, demo_council, demo_password, username):
    """Every page the account's crawl reaches, /api/docs/ among them, has no axe-core violation.
    One browser context per account; every violation of every page is reported at once.
    The reader, who approves nothing, is offered no link to the approval queue on any page."""
    context = browser.new_context()
    page = context.new_page()
    sign_in(page, live_server, username, demo_password)
    queue_link = f"a[href^='{reverse('performance:approvals')}']"
    failures, visited, offering_queue = [], [], []
    for path in crawl(page, live_server):
        visited.append(path)
        if page.locator(queue_link).count():
            offering_queue.append(path)
        # Evaluated through DevTools: the page's Content-Security-Policy refuses injected <script>.
        page.evaluate(AXE_SOURCE)
        result = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
        )
        failures += [
            f"{path}: {v['id']} ({v['impact']}) at {[n['target'] for n in v['nodes']][:3]}"
            for v in result["violations"]
        ]
    context.close()
    assert "/api/docs/" in visited
    assert len(visited) >= 15, f"the crawl reached only {len(visited)} pages"
    if username == "admin":
        assert offering_queue, "the administrator is offered the approval queue"
    if username == "reader":
        assert offering_queue == [], f"the reader is offered the approval queue on {offering_queue}"
    assert failures == [], "axe-core violations:\n" + "\n".join(failures)
