"""From an empty installation to a council's first published quarter and its PDF pack, with
the council's own files exactly as they are in the repository, through the web pages only.

The one shell step is the first administrator's command. Everything else is a page in Chromium:
the setup checklist, the council's settings, the column-matching page (no file edited, no rule
written as JSON), the scorecard, locking the quarter and the pack. Every action a person takes
(a page opened by address, a field filled, a choice made, a button or link clicked, a file
chosen) is counted and printed with `-s`: the time a person needs, for the guide.
"""

import csv
import io
import re
import zlib

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from scorecard.core import heatmap
from scorecard.core.periods import Period
from scorecard.organisation import clock
from scorecard.performance.models import Measurement, Scorecard
from scorecard.performance.selectors import scorecard_rows
from scorecard.risks import selectors as risk_selectors
from scorecard.risks.models import Register, Risk

from .test_home import sign_in
from .test_import_council_files import FENLAND, FENLAND_COLUMNS

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "correct horse battery staple"
HART = {
    "2014/15-Q1": "hart_dc_kpis/hart_kpis_2014-08-10.csv",
    "2014/15-Q2": "hart_dc_kpis/hart_kpis_2014-11-07.csv",
}
PUBLISHED = {"lg": "green", "la": "amber", "lr": "red"}  # Hart's own colours; lu, ld not rated
ACCEPTANCE_AGREEING = 76  # tests/performance/test_hart_acceptance.py, of 83


class Person:
    """The page, driven as a person does, each action counted."""

    def __init__(self, page, live_server, assert_accessible):
        self.page, self.url, self.check_page = page, live_server.url, assert_accessible
        self.actions = 0

    def goto(self, path):
        self.actions += 1
        self.page.goto(self.url + path)

    def click(self, locator):
        self.actions += 1
        locator.click()

    def fill(self, label, text, **exact):
        self.actions += 1
        self.page.get_by_label(label, **exact).fill(text)

    def choose(self, field, exact=True, **option):
        self.actions += 1
        self.page.get_by_label(field, exact=exact).select_option(**option)

    def tick(self, label):
        self.actions += 1
        self.page.get_by_label(label).check()

    def link(self, name):
        self.click(self.page.get_by_role("link", name=name))

    def button(self, name):
        self.click(self.page.get_by_role("button", name=name))

    def upload(self, path):
        self.goto("/import-export/")
        self.check_page(self.page)
        self.actions += 1
        self.page.get_by_label("Upload a file").set_input_files(str(path))
        self.button("Upload and check")

    def confirm(self):
        self.check_page(self.page)
        self.button("Confirm and import")
        expect(self.page.get_by_role("heading", name="Import complete")).to_be_visible()
        self.check_page(self.page)


def pdf_metadata(pdf: bytes) -> bytes:
    """The PDF's bytes with every compressed stream opened: its tagged metadata (the title)
    is read there; its page text is in the font's glyph codes, so it is read on the pack page."""
    opened, view = [pdf], memoryview(pdf)
    for start in re.finditer(rb"stream\r?\n", pdf):
        try:
            opened.append(zlib.decompressobj().decompress(view[start.end() :]))
        except zlib.error:
            continue
    return b"".join(opened)


def first_administrator(monkeypatch):
    """The one shell step: `scorecard create-admin`."""
    monkeypatch.setenv("FIRST_ADMIN_PASSWORD", PASSWORD)
    call_command("create_admin", "--username", "ada", "--email", "ada@example.org",
                 "--password-from-env", "FIRST_ADMIN_PASSWORD", stdout=io.StringIO())  # fmt: skip


def set_up(person, name, matrix, quarter, scorecard=None, self_approval=False):
    """The setup checklist, from the home page's link to it."""
    page = person.page
    person.link("Set up the council")
    person.check_page(page)
    person.link("Council name and financial year")
    person.fill("Council name", name)
    person.choose("Financial year starts in", label="April")
    if self_approval:  # a small council: the one who imports approves what the council approved
        person.tick("Allow a person to approve a value they entered or submitted")
    person.button("Save")
    person.goto("/setup/")
    person.link("Risk matrix")
    person.check_page(page)
    person.button(f"Use {matrix} matrix")
    person.goto("/setup/")
    if scorecard:
        person.link("Corporate scorecard")
        person.fill("Name", scorecard, exact=True)
        person.choose("Tier", exact=False, label="Corporate")
        person.fill("First quarter it reports", quarter)
        person.button("Add scorecard")
        person.goto("/setup/")
    person.link("First quarter")
    person.fill("Quarter to open", quarter)
    person.button("Open quarter")
    expect(page.get_by_text("is open for updates.")).to_be_visible()


def lock_and_download_pack(person, quarter_label):
    """Lock the quarter and publish it from the reports page, then download its PDF pack."""
    page = person.page
    person.goto("/reports/")
    person.link(f"Lock {quarter_label} and publish")
    person.check_page(page)
    if page.get_by_label("Why lock the quarter without them").count():
        person.tick("I know that some updates or reviews are missing")
        person.fill("Why lock the quarter without them", "The Cabinet deadline.")
    person.tick("I have checked the figures: lock the quarter and publish its report")
    person.button("Lock and publish")
    expect(page.get_by_text(f"{quarter_label} is locked and its report published.")).to_be_visible()
    person.check_page(page)
    with page.expect_download() as download:
        person.click(page.get_by_role("row", name=quarter_label).get_by_role("link", name="PDF"))
    return download.value


def test_hart_from_an_empty_installation_to_its_first_pack(
    page, live_server, transactional_db, monkeypatch, realdata_dir, assert_accessible
):
    first_administrator(monkeypatch)
    person = Person(page, live_server, assert_accessible)
    sign_in(page, live_server, "ada", PASSWORD)
    set_up(person, "Hart District Council", "5 x 5", "2014/15-Q1", "Corporate scorecard", True)
    counted = {"setup": person.actions}

    # The first quarter's file: every choice on the matching page.
    person.upload(realdata_dir / HART["2014/15-Q1"])
    expect(page.get_by_role("heading", level=1)).to_have_text("Match the columns")
    person.choose(
        "What does the file hold?",
        label="Indicators with their targets and values for a period",
    )
    person.button("Continue")
    for label, column in [
        ("Indicator code", "kpi_ref"), ("Indicator title (optional)", "description"),
        ("Directorate (optional)", "service"), ("Value for the period (optional)", "this_quarter"),
        ("Target for the period (optional)", "target"), ("Commentary (optional)", "notes"),
    ]:  # fmt: skip
        person.choose(label, value=column)
    person.fill("Improvement actions: or the same for every row", "Not published with the table.")
    person.fill("How values are rated: or the same for every row", "amber within 10%")
    person.fill("Lower is better for these indicators (optional)",
                "ETS01, HR11, HS01, RB07, RB08, RB09")  # fmt: skip
    person.fill(
        "Or a value of 0 means not reported yet only for these indicators (optional)",
        "ETS01, IT06, PS05",
    )
    person.tick("Add the directorates the file names that are not in the system yet")
    person.choose(
        "Put the file's indicators on a scorecard (optional)", label="Corporate scorecard"
    )
    person.tick("These are the council's approved figures")
    person.fill("Period: or the same for every row", "2014/15-Q1")
    assert_accessible(page)
    person.button("Check the file")
    expect(page.get_by_role("row", name="Directorates").get_by_role("cell")).to_have_text(
        ["11", "0", "0"]
    )
    person.confirm()
    counted["Q1"] = person.actions - counted["setup"]

    # The next quarter's file: the page remembers the matching, and asks the period again.
    person.upload(realdata_dir / HART["2014/15-Q2"])
    expect(page.get_by_label("Period: or the same for every row")).to_have_value("")
    person.fill("Period: or the same for every row", "2014/15-Q2")
    person.button("Check the file")
    person.confirm()
    counted["Q2"] = person.actions - counted["setup"] - counted["Q1"]
    assert Measurement.objects.filter(state="approved").count() == 44 + 42

    # Hart's published colours, against what the scorecard shows.
    scorecard = Scorecard.objects.get(name="Corporate scorecard")
    agreeing = compared = 0
    for quarter, name in HART.items():
        rows = scorecard_rows(scorecard=scorecard, period=quarter)
        shown = {r.indicator.code: r.status.rating and r.status.rating.value for r in rows}
        with (realdata_dir / name).open(newline="", encoding="utf-8") as source:
            for row in csv.DictReader(source):
                if row["status_code"] in PUBLISHED:
                    compared += 1
                    agreeing += shown[row["kpi_ref"]] == PUBLISHED[row["status_code"]]
    print(f"\nHart: {agreeing} of {compared} show Hart's published colour")
    assert compared == 83
    assert agreeing >= ACCEPTANCE_AGREEING

    before = person.actions
    download = lock_and_download_pack(person, "Quarter One 2014/15")
    counted["lock and pack"] = person.actions - before
    pdf = download.path().read_bytes()
    assert pdf.startswith(b"%PDF") and download.suggested_filename.endswith(".pdf")
    title = "Quarter One 2014/15 Balanced Scorecard Performance Summary Dashboard Report"
    assert title.encode() in pdf_metadata(pdf)
    # The PDF is printed from the pack's page: the same figures, read there.
    person.goto("/reports/2014-15-Q1/appendix/")
    expect(page.get_by_text("Hart District Council").first).to_be_visible()
    cs01 = page.get_by_role("row").filter(has_text="CS01").first
    expect(cs01).to_contain_text("95.9")  # Hart's Q1 figure for call handling quality
    print(f"Hart actions: {counted}, {person.actions} in all")


def test_fenland_from_an_empty_installation_to_its_first_pack(
    page, live_server, transactional_db, monkeypatch, realdata_dir, assert_accessible
):
    first_administrator(monkeypatch)
    person = Person(page, live_server, assert_accessible)
    sign_in(page, live_server, "ada", PASSWORD)
    # The register as it stands is reported in the quarter of the council's today.
    quarter = Period.containing(clock.today(), "quarter")
    set_up(person, "Fenland District Council", "5 x 5", quarter.key)  # a register, no scorecard
    counted = {"setup": person.actions}

    person.upload(realdata_dir / FENLAND)
    person.choose("What does the file hold?", label="Risks with their ratings and controls")
    person.button("Continue")
    for label, column in FENLAND_COLUMNS:
        person.choose(label, value=column)
    person.fill("Register: or the same for every row", "Corporate Risk Register")
    person.choose(
        "A register the file names that is not in the system yet is added as",
        label="The council's corporate register",
    )
    person.choose("Category: or the same for every row", label="Strategic")
    person.tick(
        "Add the categories, registers and owners the file names that are not in the system yet"
    )
    assert_accessible(page)
    person.button("Check the file")
    rows = list(csv.DictReader((realdata_dir / FENLAND).open(encoding="utf-8")))
    expect(page.get_by_role("row", name="Risks").get_by_role("cell")).to_have_text(["20", "0", "0"])
    expect(page.get_by_text("Corporate Risk Register (a corporate register)")).to_be_visible()
    person.confirm()
    counted["register"] = person.actions - counted["setup"]
    assert Risk.objects.count() == 20

    # The heat map rebuilt from what went in finds exactly the printed map's two slips.
    printed = {
        row["ref"]: heatmap.parse_positions(row["heatmap_positions_likelihood_impact"])
        for row in rows
    }
    register = Register.objects.get(name="Corporate Risk Register", kind="corporate")
    findings = risk_selectors.register_heat_map_check(register=register, printed=printed)
    assert [(f.reference, f.kind) for f in findings] == [
        ("4", "printed_more_than_once"),
        ("15", "wrong_cell"),
    ]

    before = person.actions
    download = lock_and_download_pack(person, quarter.label)
    counted["lock and pack"] = person.actions - before
    pdf = download.path().read_bytes()
    assert pdf.startswith(b"%PDF") and download.suggested_filename.endswith(".pdf")
    assert f"{quarter.label} Corporate Risk Dashboard".encode() in pdf_metadata(pdf)  # risks only
    person.goto(f"/reports/{quarter.key.replace('/', '-')}/appendix/")
    expect(page.get_by_text("Fenland District Council").first).to_be_visible()
    expect(page.get_by_text(rows[0]["risk"]).first).to_be_visible()
    print(f"Fenland actions: {counted}, {person.actions} in all")
