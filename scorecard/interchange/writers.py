"""Write sheets to .xlsx (xlsxwriter, with data-validation lists) and CSV (one file per sheet)."""

import datetime as dt
import io
import zipfile
from collections.abc import Callable, Iterable
from decimal import Decimal

import xlsxwriter

from scorecard.rendering.csv_file import csv_bytes

from .schema import SYNONYMS, SheetSpec

Progress = Callable[[int, int], None]
VALIDATION_ROWS = 5000  # how far down a template's drop-down lists reach


def write_xlsx(
    sheets: Iterable[tuple[SheetSpec, list[dict]]],
    progress: Progress | None = None,
    read_me: list[tuple[str, ...]] | None = None,
) -> bytes:
    sheets = list(sheets)
    total = sum(len(rows) for _, rows in sheets)
    done = 0
    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, {"in_memory": True, "strings_to_numbers": False})
    bold = workbook.add_format({"bold": True, "bg_color": "#f3f2f1", "border": 1})
    date = workbook.add_format({"num_format": "yyyy-mm-dd"})
    moment = workbook.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
    text = workbook.add_format({"num_format": "@"})
    if read_me is not None:
        sheet = workbook.add_worksheet(READ_ME)
        wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
        for col, (header, width) in enumerate(
            zip(READ_ME_HEADERS, (22, 22, 10, 60, 50, 28), strict=True)
        ):
            sheet.write_string(0, col, header, bold)
            sheet.set_column(col, col, width, wrap)
        for r, row in enumerate(read_me, start=1):
            for col, value in enumerate(row):
                sheet.write_string(r, col, value)
        sheet.freeze_panes(1, 0)
    for spec, rows in sheets:
        sheet = workbook.add_worksheet(spec.title)
        for col, column in enumerate(spec.columns):
            sheet.write_string(0, col, column.header, bold)
            if column.help:
                sheet.write_comment(0, col, column.help)
            width = max(12, min(40, len(column.header) + 4))
            sheet.set_column(col, col, width, text if column.kind in {"text", "period"} else None)
            last = max(len(rows), VALIDATION_ROWS)
            if column.kind == "choice":
                sheet.data_validation(
                    1, col, last, col,
                    {"validate": "list", "source": [key for key, _ in column.choices],
                     "error_title": column.header,
                     "error_message": "Choose one of the values in the list."},
                )  # fmt: skip
            elif column.kind == "boolean":
                sheet.data_validation(
                    1, col, last, col, {"validate": "list", "source": ["Yes", "No"]}
                )
        for r, row in enumerate(rows, start=1):
            for col, column in enumerate(spec.columns):
                value = row.get(column.key)
                if value is None or value == "":
                    continue
                if isinstance(value, bool):
                    sheet.write_string(r, col, "Yes" if value else "No")
                elif isinstance(value, Decimal | int | float):
                    sheet.write_number(r, col, float(value))
                elif isinstance(value, dt.datetime):
                    sheet.write_datetime(r, col, value, moment)
                elif isinstance(value, dt.date):
                    sheet.write_datetime(r, col, dt.datetime.combine(value, dt.time()), date)
                else:
                    sheet.write_string(r, col, str(value))
            done += 1
            if progress and done % 200 == 0:
                progress(done, total)
        sheet.freeze_panes(1, 0)
    workbook.close()
    if progress:
        progress(total, total)
    return output.getvalue()


def write_csv(spec: SheetSpec, rows: list[dict]) -> bytes:
    """UTF-8 with a byte-order mark, so that Excel opens it with the right characters."""
    return csv_bytes(
        [c.header for c in spec.columns], ([row.get(c.key) for c in spec.columns] for row in rows)
    )


def write_csv_zip(
    sheets: Iterable[tuple[SheetSpec, list[dict]]], progress: Progress | None = None
) -> bytes:
    sheets = list(sheets)
    total, done = sum(len(rows) for _, rows in sheets), 0
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        for number, (spec, rows) in enumerate(sheets, start=1):
            archive.writestr(f"{number:02d}-{spec.key}.csv", write_csv(spec, rows))
            done += len(rows)
            if progress:
                progress(done, total)
    return output.getvalue()


def template_rows(spec: SheetSpec) -> list[dict]:
    """The one example row of a template."""
    return [{c.key: c.example for c in spec.columns}]


READ_ME = "Read me"  # the template's first sheet: what every column of every sheet holds
READ_ME_HEADERS = ("Sheet", "Column", "Must be filled in", "What it holds", "Accepted", "Example")
KIND_WORDS = {
    "text": "Text.",
    "period": "A year (2017/18), quarter (2017/18-Q2) or month (2017/18-M07).",
    "number": "A number: 1,234.5, 45% and £1,200 are read as written.",
    "integer": "A whole number.",
    "level": "A number on the risk matrix's scale, or the matrix's own word (Possible, Major).",
    "boolean": "Yes or No (also Y, N, True, False, 1, 0).",
    "date": "A date: 31/07/2019, 2019-07-31 or 31 July 2019.",
    "datetime": "A date and time: 02/10/2017 09:30 or 2017-10-02 09:30.",
    "json": "A rule in plain words, for example 'green within 5%, amber within 10%', "
    "'green at 90 or more, amber at 80 or more', or 'manual'.",
}


def read_me_rows(specs) -> list[tuple[str, ...]]:
    """One row for every column of every sheet: its meaning, the words it accepts, an example."""
    rows = []
    for spec in specs:
        for column in spec.columns:
            meaning = column.help or f"The {column.header[0].lower()}{column.header[1:]}."
            if not meaning.endswith("."):
                meaning += "."
            if column is spec.columns[0] and spec.description:
                meaning += f" {spec.description}"
            if column.kind == "choice":
                words = [label for _, label in column.choices]
                synonyms = sorted(SYNONYMS.get(column.synonyms, {}))
                accepted = "One of: " + ", ".join(words) + "."
                if synonyms:
                    accepted += " Also: " + ", ".join(synonyms) + "."
            else:
                accepted = KIND_WORDS.get(column.kind, "Text.")
            example = column.example
            rows.append(
                (
                    spec.title, column.header, "Yes" if column.required else "No", meaning,
                    accepted, "" if example is None else str(example),
                )
            )  # fmt: skip
    return rows


def write_template_xlsx(specs) -> bytes:
    """The import template: a Read me sheet, then every sheet with its headers and an example."""
    specs = list(specs)
    return write_xlsx(((spec, template_rows(spec)) for spec in specs), read_me=read_me_rows(specs))
