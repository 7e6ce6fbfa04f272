"""A formula cell is imported by the value the spreadsheet calculated. A workbook saved by a program
that does not calculate holds no value (or a stand-in 0) and asks to be recalculated on opening:
its formula cells are refused, each named by row and column, rather than imported as 0."""

import io
import zipfile

import pytest
import xlsxwriter

from scorecard.interchange.services import import_file
from scorecard.performance.models import Measurement

from .conftest import INDICATORS, xlsx

pytestmark = pytest.mark.django_db

SAID = (
    "The file was saved without calculated values: open it in Excel and save it again, "
    "or type the value"
)


def workbook_with_formulas(values: tuple) -> bytes:
    """Measurements of ASC01 for Q1 to Q3, each value a formula =20+x; with its result when
    given (as a calculating program saves it), else none (xlsxwriter stores a stand-in 0)."""
    output = io.BytesIO()
    book = xlsxwriter.Workbook(output, {"in_memory": True})
    sheet = book.add_worksheet("Measurements")
    sheet.write_row(0, 0, ["Indicator", "Period", "Value"])
    for row, value in enumerate(values, start=1):
        sheet.write_row(row, 0, ["ASC01", f"2017/18-Q{row}"])
        sheet.write_formula(row, 2, f"=20+{row}", None, value)
    book.close()
    return output.getvalue()


def rewritten(data: bytes, part: str, old: bytes, new: bytes) -> bytes:
    """The workbook with one part's XML changed, as another program would have saved it."""
    source = zipfile.ZipFile(io.BytesIO(data))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == part:
                assert old in content
                content = content.replace(old, new)
            target.writestr(info, content)
    return output.getvalue()


def imported(user, data: bytes):
    return import_file(user=user, data=data, filename="values.xlsx", dry_run=False)


@pytest.fixture
def admin(council):
    data = xlsx({"Indicators": INDICATORS})
    assert imported(council["admin"], data).ok
    return council["admin"]


def test_formulas_never_calculated_are_refused_cell_by_cell(admin):
    outcome = imported(admin, workbook_with_formulas((None, None, None)))
    assert [str(p) for p in outcome.problems] == [
        f"Measurements, row 2, column Value: {SAID} (also rows 3 and 4)."
    ]
    assert not outcome.written and not Measurement.objects.exists()


def test_a_formula_with_no_value_at_all_is_refused(admin):
    """As a workbook written without any stored result, and not asking for recalculation."""
    data = workbook_with_formulas((21, 22, 23))
    data = rewritten(data, "xl/workbook.xml", b' fullCalcOnLoad="1"', b"")
    data = rewritten(data, "xl/worksheets/sheet1.xml", b"<f>20+2</f><v>22</v>", b"<f>20+2</f>")
    outcome = imported(admin, data)
    assert [str(p) for p in outcome.problems] == [f"Measurements, row 3, column Value: {SAID}."]
    assert not Measurement.objects.exists()


def test_formulas_calculated_when_saved_import_their_values(admin):
    """As Excel saves a workbook: each formula with its result, no recalculation asked for."""
    data = workbook_with_formulas((21, 22, 0))
    data = rewritten(data, "xl/workbook.xml", b' fullCalcOnLoad="1"', b"")
    outcome = imported(admin, data)
    assert [str(p) for p in outcome.problems] == []
    values = Measurement.objects.order_by("period").values_list("period", "value")
    assert [(period, float(value)) for period, value in values] == [
        ("2017/18-Q1", 21.0),
        ("2017/18-Q2", 22.0),
        ("2017/18-Q3", 0.0),  # a calculated 0 is a value like any other
    ]


def test_the_upload_page_names_the_cell(client, admin):
    client.force_login(admin)
    upload = io.BytesIO(workbook_with_formulas((None, 22, 23)))
    upload.name = "values.xlsx"
    page = client.post("/import-export/", {"file": upload}).content.decode()
    assert "Measurements, row 2, column Value: The file was saved without calculated" in page
    assert "(and 2 more cells)" in page
    assert not Measurement.objects.exists()
