"""Reading the national comparator files exactly as published, refusing them with row and column
messages when they are not.

- ASCOF (NHS Digital, "Measures from the Adult Social Care Outcomes Framework", open-data CSV):
  one row per geography, measure, disaggregation and *Measure Type* (Outcome, Numerator,
  Denominator). Only Disaggregation Level "Total" is read. The year is not a column: it is given
  on the command line (the file is one year's release).
- Oflog (Office for Local Government, ASC data): one row per council, year and measure with
  Value, MEDIAN and rank_order (desc: higher is better, asc: lower is better).
- A near-neighbour peer group (Trafford Data Lab's files, e.g. ASCOF measures for Trafford and
  the 15 authorities of its NHS England Near Neighbour Peer Group): one indicator per file, one
  row per area and year (`area_code,area_name,period,indicator,measure,unit,value`), England
  among them. The councils in the file are the group.

A value left empty is unpublished (suppressed or not collected) and is skipped; anything else
that is not a number is an error. Every error is collected, so one run lists them all.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from scorecard.core.polarity import to_decimal

ASCOF_COLUMNS = [
    "Geographical Code",
    "Geographical Description",
    "Geographical Level",
    "ONS Code",
    "ASCOF Measure Code",
    "Disaggregation Level",
    "Measure Type",
    "Measure Value",
]
OFLOG_COLUMNS = [
    "Financial year",
    "Local authority code",
    "Local authority name",
    "Region",
    "Code",
    "Value",
    "MEDIAN",
    "rank_order",
]
PEER_GROUP_COLUMNS = ["area_code", "area_name", "period", "indicator", "measure", "unit", "value"]
PEER_GROUP_SOURCE = "peer-group"  # only its own councils: never counted as all English councils
LEVELS = {"council": "council", "region": "region", "england": "england"}
YEAR = re.compile(r"^(\d{4})[-/](\d{2})$")
UNPUBLISHED = {"", "na", "n/a", "x", "[x]", "[c]", "[z]", ":", "-"}


class ImportRefused(ValueError):
    """The file was not read: every problem found, each with its row and column."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass
class Row:
    """One area's value of a measure in a year, as read from the file."""

    area_code: str
    area_name: str
    level: str
    year: str
    value: Decimal
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    published_median: Decimal | None = None
    region: str = ""
    polarity: str = ""  # from Oflog's rank_order: higher, lower or "" when not ranked


@dataclass
class Parsed:
    rows: list[Row] = field(default_factory=list)
    skipped: int = 0  # unpublished values
    councils: dict[str, str] = field(default_factory=dict)  # a peer group's: code -> name


def year_key(text: str) -> str:
    """'2020-21' or '2020/21' -> '2020/21' (the financial year starting in 2020)."""
    match = YEAR.match(text.strip())
    if not match or (int(match[1]) + 1) % 100 != int(match[2]):
        raise ValueError(f"{text!r} is not a financial year such as 2020-21.")
    return f"{match[1]}/{match[2]}"


def _reader(text: str, columns: list[str], what: str) -> csv.DictReader:
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = [c for c in columns if c not in (reader.fieldnames or [])]
    if missing:
        raise ImportRefused(
            [f"This is not {what} file: the column(s) {', '.join(missing)} are missing."]
        )
    return reader


def _number(text: str, row: int, column: str, problems: list[str]) -> Decimal | None:
    if text.strip().lower() in UNPUBLISHED:
        return None
    try:
        return to_decimal(text, column)
    except ValueError:
        problems.append(f"Row {row}, column {column}: {text!r} is not a number.")
        return None


def read_ascof(text: str, *, measure: str, year: str) -> Parsed:
    """The Total Outcome of `measure` for every area, with its numerator and denominator."""
    reader = _reader(text, ASCOF_COLUMNS, "an ASCOF open-data")
    problems: list[str] = []
    year = year_key(year)
    areas: dict[str, dict] = {}
    seen = False
    for number, record in enumerate(reader, start=2):
        if record["ASCOF Measure Code"].strip() != measure:
            continue
        seen = True
        if record["Disaggregation Level"].strip() != "Total":
            continue
        kind = record["Measure Type"].strip()
        if kind not in ("Outcome", "Numerator", "Denominator"):
            problems.append(
                f"Row {number}, column Measure Type: {kind!r} is not Outcome, Numerator or "
                "Denominator."
            )
            continue
        code = record["ONS Code"].strip() or record["Geographical Code"].strip()
        area = areas.setdefault(
            code,
            {
                "name": record["Geographical Description"].strip(),
                "level": LEVELS.get(record["Geographical Level"].strip().lower(), "other"),
                "row": number,
            },
        )
        if kind in area:
            problems.append(f"Row {number}: a second {kind} row for {area['name']} ({code}).")
            continue
        area[kind] = _number(record["Measure Value"], number, "Measure Value", problems)
    if not seen:
        problems.append(f"The file has no row for ASCOF measure {measure}.")
    parsed = Parsed()
    for code, area in areas.items():
        if area.get("Outcome") is None:
            parsed.skipped += 1
            continue
        parsed.rows.append(
            Row(
                area_code=code,
                area_name=area["name"],
                level=area["level"],
                year=year,
                value=area["Outcome"],
                numerator=area.get("Numerator"),
                denominator=area.get("Denominator"),
            )
        )
    if problems:
        raise ImportRefused(problems)
    return parsed


def read_oflog(text: str, *, measure: str, years: Iterable[str] | None = None) -> Parsed:
    """Every council's Value of `measure` (Oflog code, e.g. ASC5), with MEDIAN and polarity."""
    reader = _reader(text, OFLOG_COLUMNS, "an Oflog")
    wanted = {year_key(y) for y in years} if years else None
    problems: list[str] = []
    parsed = Parsed()
    seen: dict[tuple[str, str], int] = {}
    for number, record in enumerate(reader, start=2):
        if record["Code"].strip() != measure:
            continue
        try:
            year = year_key(record["Financial year"])
        except ValueError as error:
            problems.append(f"Row {number}, column Financial year: {error}")
            continue
        if wanted is not None and year not in wanted:
            continue
        code = record["Local authority code"].strip()
        if not code:
            problems.append(f"Row {number}, column Local authority code: empty.")
            continue
        if (code, year) in seen:
            problems.append(
                f"Row {number}: {code} {year} {measure} already given in row {seen[code, year]}."
            )
            continue
        seen[code, year] = number
        order = record["rank_order"].strip().lower()
        if order not in ("asc", "desc", "", "none"):
            problems.append(f"Row {number}, column rank_order: {order!r} is not asc or desc.")
            continue
        value = _number(record["Value"], number, "Value", problems)
        middle = _number(record["MEDIAN"], number, "MEDIAN", problems)
        if value is None:
            parsed.skipped += 1
            continue
        parsed.rows.append(
            Row(
                area_code=code,
                area_name=record["Local authority name"].strip(),
                level="council",
                year=year,
                value=value,
                published_median=middle,
                region=record["Region"].strip(),
                polarity={"asc": "lower", "desc": "higher"}.get(order, ""),
            )
        )
    if not seen:
        problems.append(f"The file has no row for Oflog measure {measure}.")
    if problems:
        raise ImportRefused(problems)
    return parsed


def _peer_level(code: str) -> str:
    # ONS codes: E92 England, E12 a region; councils are E06, E07, E08, E09 and E10.
    return {"E92": "england", "E12": "region"}.get(code[:3], "council")


def read_peer_group(text: str, *, years: Iterable[str] | None = None) -> Parsed:
    """Every area's value of the file's one indicator, and the councils that make the group
    (every council named in the file, whether or not each year is published)."""
    reader = _reader(text, PEER_GROUP_COLUMNS, "a near-neighbour peer group")
    wanted = {year_key(y) for y in years} if years else None
    problems: list[str] = []
    parsed = Parsed()
    seen: dict[tuple[str, str], int] = {}
    first: tuple[str, str] | None = None
    for number, record in enumerate(reader, start=2):
        code, name = record["area_code"].strip(), record["area_name"].strip()
        if not code:
            problems.append(f"Row {number}, column area_code: empty.")
            continue
        what = (record["indicator"].strip(), record["measure"].strip())
        first = first or what
        if what != first:
            problems.append(
                f"Row {number}, column indicator: {what[0]!r} ({what[1]}) is not the file's "
                f"indicator {first[0]!r} ({first[1]}); import one indicator per file."
            )
            continue
        try:
            year = year_key(record["period"])
        except ValueError as error:
            problems.append(f"Row {number}, column period: {error}")
            continue
        level = _peer_level(code)
        if level == "council":
            parsed.councils[code] = name
        if (code, year) in seen:
            problems.append(f"Row {number}: {name} ({code}) {year} already given in row "
                            f"{seen[code, year]}.")  # fmt: skip
            continue
        seen[code, year] = number
        if wanted is not None and year not in wanted:
            continue
        value = _number(record["value"], number, "value", problems)
        if value is None:
            parsed.skipped += 1
            continue
        parsed.rows.append(Row(area_code=code, area_name=name, level=level, year=year, value=value))
    if not seen and not problems:
        problems.append("The file has no rows.")
    if problems:
        raise ImportRefused(problems)
    return parsed
