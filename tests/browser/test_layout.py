"""No page scrolls sideways on a tablet in portrait (768 px) or a phone (390 px): a crawl of
the demo council, signed in as the administrator (who sees the most pages), measures each page's
document width against the viewport's. Wide tables scroll inside their own region instead."""

import re
from urllib.parse import urlsplit

import pytest

from tests.browser.test_home import sign_in

# Files, the API's JSON, the admin and sign-out are not pages to lay out.
SKIP = re.compile(
    r"^/(static|django-admin|api/(v1|schema|token))/|/(export|download|sign-out|logout)"
    r"|\.(pdf|docx|xlsx|csv|json|zip|svg|png)$|[?&]format="
)
MAX_PAGES = 45


def _pattern(path: str) -> str:
    """One page of each kind: /risks/12/ and /risks/13/ are the same layout."""
    return re.sub(r"\d+", "N", path)


@pytest.mark.parametrize("javascript", [True], ids=["js"])
@pytest.mark.parametrize("width", [768, 390])
def test_no_page_scrolls_sideways(
    browser, live_server, demo_council, demo_password, javascript, width
):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    sign_in(page, live_server, "admin", demo_password)
    queue, seen, too_wide, visited = ["/"], set(), [], 0
    while queue and visited < MAX_PAGES:
        path = queue.pop(0)
        if _pattern(urlsplit(path).path) in seen:
            continue
        seen.add(_pattern(urlsplit(path).path))
        response = page.goto(live_server.url + path)
        if response is None or "text/html" not in response.headers.get("content-type", ""):
            continue
        visited += 1
        document_width = page.evaluate("document.documentElement.scrollWidth")
        if document_width > width:
            too_wide.append(f"{path}: {document_width} px")
        for href in page.eval_on_selector_all(
            "a[href^='/']", "links => links.map(a => a.getAttribute('href'))"
        ):
            href = href.split("#")[0]
            if href and not SKIP.search(href) and _pattern(urlsplit(href).path) not in seen:
                queue.append(href)
    context.close()
    assert visited >= 30, f"the crawl reached only {visited} pages"
    assert too_wide == [], f"pages wider than {width} px:\n" + "\n".join(too_wide)
