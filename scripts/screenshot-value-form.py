"""Take the updater's guide's screenshot of the value form from a running demo (`make demo`):
the editor keys in an Adult Services value and the status changes as they type.

Usage: .venv/bin/python scripts/screenshot-value-form.py [http://127.0.0.1:8000]
"""

import sys
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots" / "value-form.png"
INDICATOR = "HW04"  # Service users with a direct payment: quarterly, with a history
VALUE = "27.4"

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
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password", exact=True).fill("scorecard-demo")
    page.get_by_role("button", name="Sign in").click()
    page.goto(f"{BASE}/scorecard/my-updates/?show=all")
    page.get_by_role("link", name=f"{INDICATOR} Quarter Three").click()
    page.get_by_label("Value").press_sequentially(VALUE)
    expect(page.locator("#status-preview .govuk-tag")).not_to_have_text("Not rated yet")
    page.screenshot(path=OUT, full_page=True)
    print(OUT)
    browser.close()
