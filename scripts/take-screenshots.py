"""Take the screenshots of the README and the user guides from a running demo (`make demo`):
the dashboards as the reader, the value form as the editor, who keys in an Adult Services
value and sees the status change as they type, and the column-matching page as the
administrator, with Hart's KPI table and Fenland's risk register as the councils published them.

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
REALDATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "realdata"
MATCHING = {
    "matching-kpi.png": (
        REALDATA / "hart_dc_kpis" / "hart_kpis_2014-08-10.csv",
        "Indicators with their targets and values for a period",
        [("Indicator code", "kpi_ref"), ("Indicator title (optional)", "description"),
         ("Directorate (optional)", "service"), ("Value for the period (optional)", "this_quarter"),
         ("Target for the period (optional)", "target"), ("Commentary (optional)", "notes")],
        [("How values are rated: or the same for every row", "amber within 10%"),
         ("Lower is better for these indicators (optional)", "ETS01, HR11, HS01, RB07, RB08, RB09"),
         ("Or a value of 0 means not reported yet only for these indicators (optional)",
          "ETS01, IT06, PS05"),
         ("Period: or the same for every row", "2014/15-Q1")],
    ),
    "matching-risks.png": (
        REALDATA / "fenland_risk_register" / "fenland_corporate_risk_register_2019-07.csv",
        "Risks with their ratings and controls",
        [("Risk reference", "ref"), ("Risk title", "risk"), ("Owner", "owner"),
         ("Inherent likelihood", "inherent_likelihood"), ("Inherent impact", "inherent_impact"),
         ("Current likelihood", "current_likelihood"), ("Current impact", "current_impact"),
         ("Inherent score (optional)", "inherent_score"),
         ("Current score (optional)", "current_score")],
        [("Register: or the same for every row", "Corporate Risk Register")],
    ),
}  # fmt: skip


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
    sign_in(page, "admin")
    for name, (path, kind, columns, typed) in MATCHING.items():
        page.goto(f"{BASE}/import-export/")
        page.get_by_label("Upload a file").set_input_files(str(path))
        page.get_by_role("button", name="Upload and check").click()
        page.get_by_label("What does the file hold?").select_option(label=kind)
        page.get_by_role("button", name="Continue").click()
        for label, column in columns:
            page.get_by_label(label, exact=True).select_option(column)
        for label, text in typed:
            page.get_by_label(label).fill(text)
        page.screenshot(path=OUT / name, full_page=True)
        print(OUT / name)
    browser.close()
