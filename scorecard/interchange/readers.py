"""Read spreadsheets into plain tables: .xlsx (python-calamine), .csv, and .zip of CSV files.

A table keeps the spreadsheet's own sheet name, header texts and row numbers (the header is
row 1 in Excel and CSV alike), so every message can name the cell a person would look at.
"""

import csv
import datetime as dt
import io
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import PurePath

from python_calamine import CalamineWorkbook

from scorecard.rendering.csv_file import csv_cell_read

from .uncalculated import uncalculated_cells

EXTENSIONS = (".xlsx", ".csv", ".zip")

# Bounds on the work one file may ask for, checked before its contents are parsed, so a small
# compressed file that unpacks to gigabytes is refused before memory grows. A council's largest
# real import (ten years of values for every indicator) is far below both.
MAX_UNPACKED_BYTES = 150 * 1024 * 1024
MAX_ROWS = 250_000


class ReadError(ValueError):
    """A file that cannot be read as a spreadsheet at all."""


UNCALCULATED = (
    "the file was saved without calculated values: open it in Excel and save it again, "
    "or type the value"
)


class UncalculatedError(ReadError):
    """Formula cells holding no calculated value: each cell's (sheet, row, header)."""

    def __init__(self, cells: list[tuple[str, int, str]]):
        self.cells = cells
        sheet, row, header = cells[0]
        more = f" (and {len(cells) - 1} more cells)" if len(cells) > 1 else ""
        super().__init__(f"{sheet}, row {row}, column {header}: {UNCALCULATED.capitalize()}{more}.")


@dataclass
class Table:
    """One sheet: its name, header texts and data rows (row number, cell values)."""

    name: str
    headers: list[str]
    rows: list[tuple[int, list[object]]] = field(default_factory=list)

    def row_dicts(self) -> list[tuple[int, dict[str, object]]]:
        return [
            (
                number,
                {h: (values[i] if i < len(values) else None) for i, h in enumerate(self.headers)},
            )
            for number, values in self.rows
        ]


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _table(name: str, raw_rows: list[list[object]], *, texts: bool = False) -> Table | None:
    """The first non-empty row is the header; empty rows are skipped (their numbers kept).
    `texts`: every cell is a text (CSV), stripped without looking at its type."""
    header_at = next((i for i, r in enumerate(raw_rows) if any(not _blank(v) for v in r)), None)
    if header_at is None:
        return None
    headers = [str(v).strip() if not _blank(v) else "" for v in raw_rows[header_at]]
    while headers and headers[-1] == "":
        headers.pop()
    headers = [h or f"Column {i + 1}" for i, h in enumerate(headers)]
    seen: set[str] = set()
    for i, header in enumerate(headers):
        if header.lower() in seen:
            headers[i] = f"{header} ({i + 1})"
        seen.add(headers[i].lower())
    table = Table(name=name, headers=headers)
    width = len(headers)
    strip = str.strip
    for index in range(header_at + 1, len(raw_rows)):
        # This runs for every cell: texts and numbers are cleaned inline.
        row = raw_rows[index][:width]
        if texts:
            values = list(map(strip, row))
        else:
            values = [
                v.strip() if type(v) is str else v if type(v) is float else _clean(v) for v in row
            ]
        if not any(values) and all(_blank(v) for v in values):  # any(): fast for most rows
            continue
        table.rows.append((index + 1, values))
    return table


def _clean(value: object) -> object:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        return value.date()
    return value


def _too_large(what: str) -> ReadError:
    return ReadError(
        f"{what} is too large to import: it unpacks to more than "
        f"{MAX_UNPACKED_BYTES // (1024 * 1024):,} MB. Split it into smaller files."
    )


def _too_many_rows(what: str) -> ReadError:
    return ReadError(
        f"{what} has more than {MAX_ROWS:,} rows, more than one import takes. "
        "Split it into smaller files."
    )


def _check_xlsx_size(data: bytes) -> None:
    """An .xlsx file is a zip of XML: refuse it by the sizes its parts declare."""
    try:
        declared = sum(info.file_size for info in zipfile.ZipFile(io.BytesIO(data)).infolist())
    except zipfile.BadZipFile:
        return  # not a zip at all: calamine says what is wrong with it
    if declared > MAX_UNPACKED_BYTES:
        raise _too_large("This workbook")


def read_xlsx(data: bytes) -> list[Table]:
    _check_xlsx_size(data)
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as error:  # calamine raises its own error types for broken files
        raise ReadError(f"This file cannot be read as an Excel workbook ({error}).") from None
    tables = []
    for name in workbook.sheet_names:
        sheet = workbook.get_sheet_by_name(name)
        if sheet.height > MAX_ROWS + 1:
            raise _too_many_rows(f"Sheet {name}")
        rows = sheet.to_python(skip_empty_area=False)
        table = _table(name, rows)
        if table is not None:
            tables.append(table)
    _refuse_uncalculated(data, tables)
    return tables


def _refuse_uncalculated(data: bytes, tables: list[Table]) -> None:
    """A formula cell read as 0 or empty because no value was calculated is refused, naming
    each cell, rather than imported as 0 (cells outside the header's columns are not read)."""
    found = uncalculated_cells(data)
    cells = []
    for table in tables:
        positions = found.get(table.name)
        if not positions:
            continue
        numbers = {number for number, _ in table.rows}
        for number, index in sorted(positions):
            if number in numbers and index < len(table.headers):
                cells.append((table.name, number, table.headers[index]))
    if cells:
        raise UncalculatedError(cells)


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without a byte-order mark), else Windows-1252 as Excel saves CSV in the UK."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_csv(data: bytes, name: str) -> Table | None:
    if len(data) > MAX_UNPACKED_BYTES:
        raise _too_large(f"The file {name}")
    if data.count(b"\n") > MAX_ROWS + 1:  # a line count, before anything is parsed
        raise _too_many_rows(f"The file {name}")
    text = decode_text(data)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        # A text cell written as a would-be formula carries a leading quote (writers.csv_cell).
        rows = [
            [csv_cell_read(cell) if cell[:1] == "'" else cell for cell in row] for row in reader
        ]
    except csv.Error as error:  # a cell over the csv module's field limit, a stray NUL byte
        raise ReadError(
            f"{name}, row {reader.line_num}: this row cannot be read ({error})."
        ) from None
    return _table(name, rows, texts=True)


def read_file(data: bytes, filename: str) -> list[Table]:
    """Every non-empty sheet of the file. CSV files are one sheet named after the file."""
    suffix = PurePath(filename).suffix.lower()
    stem = PurePath(filename).stem
    if suffix == ".xlsx":
        return read_xlsx(data)
    if suffix == ".csv":
        table = read_csv(data, stem)
        return [table] if table else []
    if suffix == ".zip":
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
        except zipfile.BadZipFile:
            raise ReadError("This file is not a readable .zip archive.") from None
        members = [
            info
            for info in sorted(archive.infolist(), key=lambda i: i.filename)
            if info.filename.lower().endswith(".csv") and not info.is_dir()
        ]
        # zipfile never reads past the size a member declares (it fails the CRC check instead),
        # so the declared sizes bound the work.
        if sum(info.file_size for info in members) > MAX_UNPACKED_BYTES:
            raise _too_large("This .zip archive")
        tables = []
        for info in members:
            try:
                member = archive.read(info)
            except (zipfile.BadZipFile, zlib.error, EOFError):
                raise ReadError(f"{info.filename} in this .zip archive is damaged.") from None
            table = read_csv(member, PurePath(info.filename).stem)
            if table:
                tables.append(table)
        return tables
    raise ReadError(
        "Upload an Excel (.xlsx) file, a CSV (.csv) file or a .zip of CSV files, "
        f"not {suffix or 'this file'}."
    )
