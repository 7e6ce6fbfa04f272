"""The comparator groups page in Chromium, JavaScript on and off, checked with axe-core: the
administrator reaches it from Administration, adds a named list refused first without councils,
then with two, and sees it listed with its councils."""

import re
from decimal import Decimal as D

import pytest
from playwright.sync_api import expect

from scorecard.benchmarking.imports import Parsed, Row
from scorecard.benchmarking.services import comparators_import
from tests.browser.test_home import sign_in
from tests.performance.factories import IndicatorFactory

COUNCILS = {"E06000001": "Hartlepool", "E08000009": "Trafford", "E10000034": "Worcestershire"}


@pytest.fixture
def comparators(demo):
    indicator = IndicatorFactory(code="LOW1", polarity="lower")
    rows = [
        Row(area_code=code, area_name=name, level="council", year="2017/18", value=D(n),
            region="North West")
        for n, (code, name) in enumerate(COUNCILS.items())
    ]  # fmt: skip
    comparators_import(indicator=indicator, parsed=Parsed(rows=rows), source="oflog",
                       measure="X1")  # fmt: skip


def test_the_groups_page_and_a_named_list(
    page, live_server, demo, demo_password, comparators, assert_accessible
):
    sign_in(page, live_server, "admin", demo_password)
    page.goto(f"{live_server.url}/administration/")
    page.get_by_role("link", name="Comparator groups (benchmarking)").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Comparator groups")
    assert_accessible(page)
    page.get_by_role("button", name="Add a comparator group").click()
    page.get_by_label("Name", exact=True).fill("Near neighbours")
    page.get_by_role("button", name="Add group").click()
    expect(page).to_have_title(re.compile(r"^Error: Add a comparator group"))
    expect(page.get_by_role("alert")).to_contain_text("Choose at least one council")
    expect(page.get_by_label("Name", exact=True)).to_have_value("Near neighbours")
    assert_accessible(page)
    page.get_by_label("Hartlepool (E06000001)").check()
    page.get_by_label("Trafford (E08000009)").check()
    page.get_by_role("button", name="Add group").click()
    expect(page.get_by_text("Near neighbours added, with 2 councils.")).to_be_visible()
    row = page.get_by_role("row", name=re.compile("Near neighbours"))
    expect(row).to_contain_text("2 councils")
    assert_accessible(page)
