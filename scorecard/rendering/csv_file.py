"""CSV files for people to open in a spreadsheet: every download of the product writes its CSV
here, so that each opens the same way in Excel."""

import csv
import datetime as dt
import io
from collections.abc import Iterable
from decimal import Decimal


def cell_text(value: object) -> str:
    """A value as CSV text: dates ISO, Yes/No, numbers without trailing zeros."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


# A spreadsheet opening a CSV runs a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> str:
    """A value as CSV text that a spreadsheet shows and never runs: text starting like a formula
    gets a leading single quote (as OWASP advises); numbers, dates and Yes/No are left alone."""
    text = cell_text(value)
    if isinstance(value, str) and text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def csv_cell_read(text: str) -> str:
    """The text `csv_cell` was given: its single quote taken off again on import."""
    if text.startswith("'") and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


def csv_bytes(header: list[str], rows: Iterable[Iterable[object]]) -> bytes:
    """The header and rows, each cell through `csv_cell`, as UTF-8 with a byte-order mark
    ('utf-8-sig'): without the mark Excel reads the file in the computer's own encoding and
    shows £ and accented names garbled."""
    output = io.StringIO(newline="")
    writer = csv.writer(output)
    writer.writerow(header)
    writer.writerows([csv_cell(value) for value in row] for row in rows)
    return output.getvalue().encode("utf-8-sig")
