"""Read spreadsheets into plain tables: .xlsx (python-calamine), .csv, and .zip of CSV files.

A table keeps the spreadsheet's own sheet name, header texts and row numbers (the header is
row 1 in Excel and CSV alike), so every message can name the cell a person would look at.
"""

import csv
import datetime as dt
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePath

from python_calamine import CalamineWorkbook

from .writers import csv_cell_read

EXTENSIONS = (".xlsx", ".csv", ".zip")


class ReadError(ValueError):
    """A file that cannot be read as a spreadsheet at all."""


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


def read_xlsx(data: bytes) -> list[Table]:
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as error:  # calamine raises its own error types for broken files
        raise ReadError(f"This file cannot be read as an Excel workbook ({error}).") from None
    tables = []
    for name in workbook.sheet_names:
        rows = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
        table = _table(name, rows)
        if table is not None:
            tables.append(table)
    return tables


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without a byte-order mark), else Windows-1252 as Excel saves CSV in the UK."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_csv(data: bytes, name: str) -> Table | None:
    text = decode_text(data)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    # A text cell written as a would-be formula carries a leading quote (writers.csv_cell).
    rows = [
        [csv_cell_read(cell) if cell[:1] == "'" else cell for cell in row]
        for row in csv.reader(io.StringIO(text, newline=""), dialect)
    ]
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
        tables = []
        for info in sorted(archive.infolist(), key=lambda i: i.filename):
            if info.filename.lower().endswith(".csv") and not info.is_dir():
                table = read_csv(archive.read(info), PurePath(info.filename).stem)
                if table:
                    tables.append(table)
        return tables
    raise ReadError(f"Upload an Excel (.xlsx) or CSV (.csv) file, not {suffix or 'this file'}.")
