"""Take the screenshots of the README and the user guides from a running demo (`make demo`):
the dashboards as the reader, and the value form as the editor, who keys in an Adult Services
value and sees the status change as they type.

Usage: .venv/bin/python scripts/take-screenshots.py [http://127.0.0.1:8000]
"""

import sys
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
PAGES = {
    "performance-dashboard.png": "/reports/performance/?period=2017%2F18-Q2",
    "risk-dashboard.png": "/reports/risks/?period=2017%2F18-Q2",
}
INDICATOR = "HW04"  # Service users with a direct payment: quarterly, with a history
VALUE = "27.4"


def sign_in(page, username: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{BASE}/sign-in/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password", exact=True).fill("scorecard-demo")
    page.get_by_role("button", name="Sign in").click()


with sync_playwright() as playwright:
    browser = playwright.chromium.launch(
        executable_path="/usr/bin/chromium",
        args=[
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
        ],
    )
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    sign_in(page, "reader")
    for name, path in PAGES.items():
        page.goto(BASE + path)
        page.screenshot(
            path=OUT / name, clip={"x": 0, "y": 0, "width": 1280, "height": 2000}, full_page=True
        )
        print(f"{OUT / name}")
    sign_in(page, "editor")
    page.goto(f"{BASE}/scorecard/my-updates/?show=all")
    page.get_by_role("link", name=f"{INDICATOR} Quarter Three").click()
    page.get_by_label("Value").press_sequentially(VALUE)
    expect(page.locator("#status-preview .govuk-tag")).not_to_have_text("Not rated yet")
    page.screenshot(path=OUT / "value-form.png", full_page=True)
    print(OUT / "value-form.png")
    browser.close()
