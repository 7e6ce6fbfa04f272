"""The Hart and Fenland files, exactly as published, imported through the column-matching page
in a browser (JavaScript on and off), every page checked with axe-core."""

import csv

import pytest
from playwright.sync_api import expect

from scorecard.core import heatmap
from scorecard.interchange.importer.risks import CREATE_NAMED
from scorecard.organisation import services as organisation_services
from scorecard.performance import services as performance_services
from scorecard.performance.models import Measurement, Scorecard
from scorecard.risks import selectors as risk_selectors
from scorecard.risks import services as risk_services
from scorecard.risks.choices import RegisterKind
from scorecard.risks.models import Register, Risk

from .test_home import sign_in

pytestmark = pytest.mark.django_db(transaction=True)

HART = ["hart_dc_kpis/hart_kpis_2014-08-10.csv", "hart_dc_kpis/hart_kpis_2014-11-07.csv"]
FENLAND = "fenland_risk_register/fenland_corporate_risk_register_2019-07.csv"
# The matching page's field for each of Fenland's own columns.
FENLAND_COLUMNS = [
    ("Risk reference", "ref"), ("Risk title", "risk"), ("Owner", "owner"),
    ("Consequence or effects (optional)", "effects"),
    ("Inherent likelihood", "inherent_likelihood"), ("Inherent impact", "inherent_impact"),
    ("Current likelihood", "current_likelihood"), ("Current impact", "current_impact"),
    ("Existing controls (mitigation) (optional)", "mitigation"),
    ("Inherent score (optional)", "inherent_score"),
    ("Current score (optional)", "current_score"),
]  # fmt: skip


def upload(page, live_server, path, assert_accessible):
    page.goto(f"{live_server.url}/import-export/")
    assert_accessible(page)
    page.get_by_label("Upload a file").set_input_files(str(path))
    page.get_by_role("button", name="Upload and check").click()


def confirm(page, assert_accessible):
    assert_accessible(page)
    page.get_by_role("button", name="Confirm and import").click()
    expect(page.get_by_role("heading", name="Import complete")).to_be_visible()
    assert_accessible(page)


def counts_row(page, sheet):
    return page.get_by_role("row", name=sheet).get_by_role("cell")


def test_hart_kpis_two_quarters_through_the_mapping_page(
    page, live_server, demo, demo_password, realdata_dir, assert_accessible
):
    sign_in(page, live_server, "admin", demo_password)
    upload(page, live_server, realdata_dir / HART[0], assert_accessible)
    expect(page.get_by_role("heading", level=1)).to_have_text("Match the columns")
    assert_accessible(page)
    page.get_by_label("What does the file hold?").select_option(
        label="Indicators with their targets and values for a period"
    )
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Indicator code", exact=True).select_option("kpi_ref")
    page.get_by_label("Indicator title (optional)").select_option("description")
    page.get_by_label("Directorate: or the same for every row").select_option(
        label="Adult Services"
    )
    page.get_by_label("Period: or the same for every row").fill("2014/15-Q1")
    page.get_by_label("Value for the period (optional)").select_option("this_quarter")
    page.get_by_label("Target for the period (optional)").select_option("target")
    page.get_by_label("Commentary (optional)").select_option("notes")
    assert_accessible(page)
    page.get_by_role("button", name="Check the file").click()
    expect(counts_row(page, "Indicators")).to_have_text(["45", "0", "0"])
    expect(counts_row(page, "Measurements")).to_have_text(["45", "0", "0"])
    assert Measurement.objects.count() == 0  # only checked so far
    confirm(page, assert_accessible)
    assert Measurement.objects.filter(period="2014/15-Q1").count() == 45

    # The next quarter's file has the same columns: the page remembers how they were matched.
    upload(page, live_server, realdata_dir / HART[1], assert_accessible)
    expect(page.get_by_text("as you matched them for hart_kpis_2014-08-10.csv")).to_be_visible()
    expect(page.get_by_label("Indicator code", exact=True)).to_have_value("kpi_ref")
    page.get_by_label("Period: or the same for every row").fill("2014/15-Q2")
    page.get_by_role("button", name="Check the file").click()
    expect(counts_row(page, "Indicators")).to_have_text(["0", "0", "45"])
    expect(counts_row(page, "Measurements")).to_have_text(["45", "0", "0"])
    confirm(page, assert_accessible)
    assert Measurement.objects.filter(period="2014/15-Q2").count() == 45


def test_fenland_register_through_the_mapping_page_with_an_error_first(
    page, live_server, demo, demo_password, realdata_dir, assert_accessible
):
    risk_services.risk_matrix_create_default()
    risk_services.register_create(name="Corporate Risk Register", kind=RegisterKind.CORPORATE)
    sign_in(page, live_server, "admin", demo_password)
    upload(page, live_server, realdata_dir / FENLAND, assert_accessible)
    page.get_by_label("What does the file hold?").select_option(
        label="Risks with their ratings and controls"
    )
    page.get_by_role("button", name="Continue").click()
    for label, column in FENLAND_COLUMNS:
        page.get_by_label(label, exact=True).select_option(column)
    page.get_by_label("Register: or the same for every row").fill("Corporate Risk Register")
    page.get_by_label("Category: or the same for every row").select_option(label="Strategic")
    page.get_by_role("button", name="Check the file").click()

    # The owners are not people in the system yet: each row says so, and nothing is saved.
    expect(page).to_have_title(
        f"Error: Import {FENLAND.split('/')[1]} – Midshire County Council Scorecard"
    )
    expect(page.get_by_role("alert")).to_contain_text(
        "row 2, column owner: Nobody called 'Carol Pilson'"
    )
    assert_accessible(page)
    assert Risk.objects.count() == 0
    page.get_by_role("link", name="Change how the columns are matched").click()
    page.get_by_label(CREATE_NAMED).check()
    page.get_by_role("button", name="Check the file").click()
    expect(counts_row(page, "Risks")).to_have_text(["20", "0", "0"])
    expect(counts_row(page, "Controls")).to_have_text(["20", "0", "0"])
    rows = list(csv.DictReader((realdata_dir / FENLAND).open(encoding="utf-8")))
    owners = len({row["owner"] for row in rows})
    expect(counts_row(page, "People")).to_have_text([str(owners), "0", "0"])  # listed first
    expect(page.locator("#notices")).to_have_count(0)  # every score is impact x likelihood
    confirm(page, assert_accessible)
    assert Risk.objects.count() == 20

    # The heat map rebuilt from what went in finds exactly the printed map's two slips.
    printed = {
        row["ref"]: heatmap.parse_positions(row["heatmap_positions_likelihood_impact"])
        for row in rows
    }
    register = Register.objects.get(name="Corporate Risk Register")
    findings = risk_selectors.register_heat_map_check(register=register, printed=printed)
    assert [(f.reference, f.kind) for f in findings] == [
        ("4", "printed_more_than_once"),
        ("15", "wrong_cell"),
    ]


def test_hart_rated_with_the_matching_pages_choices_only(
    page, live_server, demo, demo_password, realdata_dir, assert_accessible
):
    """Both Hart quarters as published, every choice made on the matching page: new
    directorates, plain-word units and rule, the codes that are lower is better, the council's
    approved figures and a scorecard. Counted for the user guide: 16 choices and clicks for the
    first quarter's matching, 3 for the next (the period, Check, Confirm)."""
    organisation_services.organisation_settings_update(  # the settings page's checkbox
        name="Midshire County Council", financial_year_start_month=4, allow_self_approval=True
    )
    performance_services.scorecard_create(name="Hart KPIs", is_published=True)
    sign_in(page, live_server, "admin", demo_password)
    upload(page, live_server, realdata_dir / HART[0], assert_accessible)
    page.get_by_label("What does the file hold?").select_option(
        label="Indicators with their targets and values for a period"
    )
    page.get_by_role("button", name="Continue").click()
    for label, column in [
        ("Indicator code", "kpi_ref"), ("Indicator title (optional)", "description"),
        ("Directorate (optional)", "service"), ("Value for the period (optional)", "this_quarter"),
        ("Target for the period (optional)", "target"), ("Commentary (optional)", "notes"),
    ]:  # fmt: skip
        page.get_by_label(label, exact=True).select_option(column)
    page.get_by_label("Improvement actions: or the same for every row").fill(
        "Not published with Hart's table."
    )
    page.get_by_label("How values are rated: or the same for every row").fill("amber within 10%")
    page.get_by_label("Lower is better for these indicators (optional)").fill(
        "ETS01, HR11, HS01, RB07, RB08, RB09"
    )
    page.get_by_label("A value of 0 means the figure is not reported yet").check()
    page.get_by_label("Add the directorates the file names that are not in the system yet").check()
    page.get_by_label("Put the file's indicators on a scorecard (optional)").select_option(
        label="Hart KPIs"
    )
    page.get_by_label("These are the council's approved figures").check()
    page.get_by_label("Period: or the same for every row").fill("2014/15-Q1")
    assert_accessible(page)
    page.get_by_role("button", name="Check the file").click()
    expect(counts_row(page, "Directorates")).to_have_text(["11", "0", "0"])
    confirm(page, assert_accessible)
    assert Measurement.objects.filter(period="2014/15-Q1", state="approved").count() == 43

    upload(page, live_server, realdata_dir / HART[1], assert_accessible)
    expect(page.get_by_label("Period: or the same for every row")).to_have_value("")
    page.get_by_label("Period: or the same for every row").fill("2014/15-Q2")
    page.get_by_role("button", name="Check the file").click()
    confirm(page, assert_accessible)
    assert Measurement.objects.filter(period="2014/15-Q2", state="approved").count() == 42
    entries = Scorecard.objects.get(name="Hart KPIs").versions.get().entries
    assert entries.count() == 45
