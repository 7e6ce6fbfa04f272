"""A figure pasted from a spreadsheet formula (56.175000000000004) is imported as the council's
figure, 56.175, with a notice naming its row and column, on both import paths."""

import io
import zipfile
from decimal import Decimal

import pytest

from scorecard.interchange.importer import Importer
from scorecard.interchange.services import import_file
from scorecard.performance.models import Measurement

from .conftest import INDICATORS, TARGETS, xlsx

pytestmark = pytest.mark.django_db

NOISY = [
    ["Indicator", "Period", "Value", "Commentary", "State"],
    ["ASC01", "2017/18-Q1", 28.5, "Up on last year.", "draft"],
    ["ASC01", "2017/18-Q2", 56.175, "From the council's workbook.", "draft"],
]


def as_excel_saves_it(workbook: bytes) -> bytes:
    """The workbook as Excel saves a formula's result: 17 significant digits (56.175000000000004),
    where xlsxwriter writes 16 (56.175)."""
    source, output = zipfile.ZipFile(io.BytesIO(workbook)), io.BytesIO()
    with zipfile.ZipFile(output, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            data = data.replace(b"<v>56.175</v>", b"<v>56.175000000000004</v>")
            target.writestr(item, data)
    return output.getvalue()


@pytest.fixture(params=[True, False], ids=["bulk", "row by row"])
def bulk(request, monkeypatch):
    monkeypatch.setattr(Importer, "bulk_measurements", request.param)
    return request.param


def test_excel_noise_is_imported_as_the_councils_figure_with_a_notice(council, bulk):
    workbook = as_excel_saves_it(
        xlsx({"Indicators": INDICATORS, "Targets": TARGETS, "Measurements": NOISY})
    )
    preview = import_file(user=council["admin"], data=workbook, filename="q2.xlsx", dry_run=True)
    assert [str(p) for p in preview.problems] == []
    assert [str(n) for n in preview.notices] == [
        "Measurements, row 3, column Value: 56.175000000000004 has more than 6 decimal places: "
        "it is stored as 56.175."
    ]
    assert not Measurement.objects.exists()  # a preview writes nothing

    outcome = import_file(user=council["admin"], data=workbook, filename="q2.xlsx", dry_run=False)
    assert outcome.ok and outcome.counts["Measurements"]["created"] == 2
    stored = Measurement.objects.get(indicator__code="ASC01", period="2017/18-Q2")
    assert stored.value == Decimal("56.175")

    again = import_file(user=council["admin"], data=workbook, filename="q2.xlsx", dry_run=False)
    assert again.counts["Measurements"] == {"created": 0, "changed": 0, "unchanged": 2}
