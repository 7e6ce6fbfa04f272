"""Imports do bounded work: a file that unpacks to more than an import takes is refused, with a
clear message, before its contents are read, and a malformed cell names its row."""

import io
import tracemalloc
import zipfile

import pytest

from scorecard.interchange import readers
from scorecard.interchange.services import import_file
from scorecard.performance.models import Indicator

pytestmark = pytest.mark.django_db

LINE = b"Code,Title,Directorate\nPH01,Smoking quitters,PH\n"


def zip_of_csv(size: int) -> bytes:
    """A small .zip holding one CSV of `size` bytes: highly repetitive, so it packs tightly."""
    buffer = io.BytesIO()
    row = b"PH01,Smoking quitters,PH\n" * 40_000  # about 1 MB
    with (
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open("indicators.csv", "w", force_zip64=True) as member,
    ):
        member.write(b"Code,Title,Directorate\n")
        for _ in range(size // len(row) + 1):
            member.write(row)
    return buffer.getvalue()


def problems(outcome) -> list[str]:
    return [str(p) for p in outcome.problems]


def test_a_zip_that_unpacks_to_200_mb_is_refused_before_memory_grows(council):
    bomb = zip_of_csv(200 * 1024 * 1024)
    assert len(bomb) < 2 * 1024 * 1024  # small to upload: under the 20 MB upload limit
    tracemalloc.start()
    try:
        outcome = import_file(user=council["admin"], data=bomb, filename="q3.zip", dry_run=False)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 300 * 1024 * 1024, f"peak {peak / 1024 / 1024:.0f} MB"
    assert problems(outcome) == [
        "q3.zip: This .zip archive is too large to import: it unpacks to more than 150 MB. "
        "Split it into smaller files."
    ]
    assert not Indicator.objects.filter(code="PH01").exists()


def test_a_zip_whose_header_understates_its_size_is_refused_as_damaged(monkeypatch):
    archive = zip_of_csv(5 * 1024 * 1024)
    # The declared sizes pass the check; reading stops at the declared size and fails the CRC.
    real = zipfile.ZipFile.infolist

    def understated(self):
        infos = real(self)
        for info in infos:
            info.file_size = 1
        return infos

    monkeypatch.setattr(zipfile.ZipFile, "infolist", understated)
    with pytest.raises(readers.ReadError, match="indicators.csv in this .zip archive is damaged"):
        readers.read_file(archive, "q3.zip")


def test_a_csv_with_more_rows_than_one_import_takes_is_refused(council, monkeypatch):
    monkeypatch.setattr(readers, "MAX_ROWS", 1000)
    data = b"Code,Title,Directorate\n" + b"PH01,Smoking quitters,PH\n" * 1001
    outcome = import_file(
        user=council["admin"], data=data, filename="indicators.csv", dry_run=False
    )
    assert problems(outcome) == [
        "indicators.csv: The file indicators has more than 1,000 rows, more than one import "
        "takes. Split it into smaller files."
    ]
    assert not Indicator.objects.exists()


def test_a_cell_longer_than_a_csv_field_may_be_names_its_row(council):
    data = LINE + b'PH02,"' + b"x" * 200_000 + b'",PH\n'
    outcome = import_file(
        user=council["admin"], data=data, filename="indicators.csv", dry_run=False
    )
    [message] = problems(outcome)
    assert message.startswith("indicators.csv: Indicators, row 3: this row cannot be read")
    assert not Indicator.objects.exists()


def test_a_workbook_whose_parts_unpack_past_the_limit_is_refused(monkeypatch):
    monkeypatch.setattr(readers, "MAX_UNPACKED_BYTES", 1024 * 1024)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b" " * (2 * 1024 * 1024))
    with pytest.raises(readers.ReadError, match="This workbook is too large to import"):
        readers.read_file(buffer.getvalue(), "q3.xlsx")
