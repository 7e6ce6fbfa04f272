"""Text that a spreadsheet would run as a formula is written to every CSV file as text: a
leading single quote (OWASP's advice) on text cells starting with =, +, -, @, tab or carriage
return; numbers are left alone; an import takes the quote off again."""

import csv
import datetime as dt
import io
import zipfile
from decimal import Decimal

import pytest

from scorecard.interchange.readers import read_file
from scorecard.interchange.services import export_data
from scorecard.organisation.models import Directorate
from scorecard.rendering.csv_file import csv_cell
from scorecard.reporting.models import IndicatorSnapshot, RiskSnapshot, Snapshot

DANGEROUS = [
    '=HYPERLINK("http://x.invalid","y")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1)",
    "\t=1+1",
    "\r=1+1",
]


@pytest.mark.parametrize("text", DANGEROUS)
def test_text_starting_like_a_formula_is_written_as_text(text):
    assert csv_cell(text) == "'" + text


@pytest.mark.parametrize(
    ("value", "written"),
    [(-5, "-5"), (Decimal("-5.50"), "-5.5"), (-0.25, "-0.25"), (dt.date(2018, 3, 31), "2018-03-31"),
     (True, "Yes"), ("Ordinary commentary", "Ordinary commentary"), ("", ""), (None, "")],
)  # fmt: skip
def test_numbers_dates_and_ordinary_text_are_left_alone(value, written):
    assert csv_cell(value) == written


@pytest.mark.django_db
def test_an_export_writes_formulas_as_text_and_imports_them_back_unchanged(demo):
    from scorecard.risks.services import risk_matrix_create_default
    from tests.risks.factories import RegisterFactory, RiskFactory

    risk_matrix_create_default()
    register = RegisterFactory(directorate=Directorate.objects.get(code="ASC"))
    for number, text in enumerate(DANGEROUS):
        RiskFactory(reference=f"F{number}", title=text, register=register, owner=demo["admin"])
    archive = zipfile.ZipFile(io.BytesIO(export_data(user=demo["admin"], fmt="csv")))
    name = next(n for n in archive.namelist() if n.endswith("-risks.csv"))
    data = archive.read(name)
    rows = {r["Reference"]: r for r in csv.DictReader(io.StringIO(data.decode("utf-8-sig")))}
    for number, text in enumerate(DANGEROUS):
        assert rows[f"F{number}"]["Title"] == "'" + text
    # Read back as an import reads it: the words typed, without the quote (and, as for every
    # cell, without the white space around them).
    (table,) = read_file(data, "risks.csv")
    titles = {row["Reference"]: row["Title"] for _, row in table.row_dicts()}
    assert [titles[f"F{n}"] for n in range(len(DANGEROUS))] == [t.strip() for t in DANGEROUS]


@pytest.mark.django_db
def test_open_data_files_write_formulas_as_text_and_numbers_as_numbers(client, demo_council):
    snapshot = Snapshot.objects.get()
    slug = snapshot.period.replace("/", "-")
    line = IndicatorSnapshot.objects.filter(snapshot=snapshot).order_by("order", "code").first()
    IndicatorSnapshot.objects.filter(pk=line.pk).update(
        commentary=DANGEROUS[0], improvement_actions=DANGEROUS[3], value=Decimal("-5")
    )
    risk = RiskSnapshot.objects.filter(snapshot=snapshot, is_confidential=False).first()
    RiskSnapshot.objects.filter(pk=risk.pk).update(title=DANGEROUS[1])

    indicators = client.get(f"/open-data/{slug}/indicators.csv").content.decode()
    row = next(r for r in csv.DictReader(io.StringIO(indicators)) if r["code"] == line.code)
    assert row["commentary"] == "'" + DANGEROUS[0]
    assert row["improvement_actions"] == "'" + DANGEROUS[3]
    assert row["value"] == "-5"
    risks = client.get(f"/open-data/{slug}/risks.csv").content.decode()
    row = next(r for r in csv.DictReader(io.StringIO(risks)) if r["reference"] == risk.reference)
    assert row["title"] == "'" + DANGEROUS[1]
