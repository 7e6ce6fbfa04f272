"""Take the README's screenshots of the dashboards from a running demo (`make demo`).

Usage: .venv/bin/python scripts/take-screenshots.py [http://127.0.0.1:8000]
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
PAGES = {
    "performance-dashboard.png": "/reports/performance/?period=2017%2F18-Q2",
    "risk-dashboard.png": "/reports/risks/?period=2017%2F18-Q2",
}

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
    page.goto(f"{BASE}/sign-in/")
    page.get_by_label("Username").fill("reader")
    page.get_by_label("Password", exact=True).fill("scorecard-demo")
    page.get_by_role("button", name="Sign in").click()
    for name, path in PAGES.items():
        page.goto(BASE + path)
        page.screenshot(
            path=OUT / name, clip={"x": 0, "y": 0, "width": 1280, "height": 2000}, full_page=True
        )
        print(f"{OUT / name}")
    browser.close()
