"""A council's own spreadsheet, imported through a column mapping.

The person says which of their columns holds each of our fields (or gives one value for every
row); each row of their sheet then becomes rows of our sheets (an indicator, its target and its
value; a risk and its control). Messages still name their sheet, their row and their column.
"""

import hashlib
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .columns import CellError
from .importer import InputSheet
from .readers import Table
from .schema import SHEETS_BY_KEY


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    targets: tuple[tuple[str, str], ...]  # (our sheet, our column) this field fills
    required: bool = False
    fixed: bool = False  # may be one value for every row instead of a column
    hint: str = ""
    on_form: bool = True  # False: set by an option of the page, never matched to a column


F = Field
RULE_HINT = (
    "In words, for example: green within 5% of target, amber within 10%; "
    "or green at 95, amber at 90; or rated by hand; or for information only."
)
LEVEL_HINT = "A number, or the matrix's word for it (for example Possible or Major)."
DATE_HINT = "A date, e.g. 31/03/2018."
MONEY_HINT = "Pounds: £ signs and commas are read, e.g. £1,200,000."
SCORE_HINT = "Checked against likelihood x impact: a different score is listed before saving."
KINDS = {
    "performance": (
        "Indicators with their targets and values for a period",
        (
            F("code", "Indicator code", (("indicators", "code"), ("targets", "indicator"), ("measurements", "indicator")), required=True),
            F("title", "Indicator title", (("indicators", "title"),), hint="Needed to add indicators that are not in the system yet."),
            F("directorate", "Directorate", (("indicators", "directorate"),), fixed=True, hint="A directorate code or name."),
            F("unit", "Unit", (("indicators", "unit"),), fixed=True, hint="For example %, percent, number, count or days."),
            F("decimals", "Decimal places", (("indicators", "decimals"),), fixed=True, hint="How many decimal places figures are shown and kept with, for example 1."),
            F("polarity", "Polarity", (("indicators", "polarity"),), fixed=True, hint="Higher is better or lower is better."),
            F("frequency", "Frequency", (("indicators", "frequency"),), fixed=True),
            F("status_rule", "How values are rated", (("indicators", "status_rule"),), fixed=True, hint=RULE_HINT),
            F("definition", "Definition", (("indicators", "definition"),)),
            F("data_source", "Data source", (("indicators", "data_source"),)),
            F("owner", "Owner", (("indicators", "owner"),)),
            F("period", "Period", (("targets", "period"), ("measurements", "period")), required=True, fixed=True, hint="For example 2014/15-Q2."),
            F("value", "Value for the period", (("measurements", "value"),)),
            F("target", "Target for the period", (("targets", "value"),)),
            F("commentary", "Commentary", (("measurements", "commentary"),)),
            F("commentary_is_internal", "Commentary for internal use only", (("measurements", "commentary_is_internal"),), fixed=True, hint="Yes keeps the commentary off the public site and the open data; left out, No."),
            F("improvement_actions", "Improvement actions", (("measurements", "improvement_actions"),), fixed=True, hint="A red value needs them. If the file has none, a few words for every row, for example: Set out in the service plan."),
            F("state", "State", (("measurements", "state"),), fixed=True, on_form=False),
        ),
    ),
    "risks": (
        "Risks with their ratings and controls",
        (
            F("reference", "Risk reference", (("risks", "reference"), ("controls", "risk")), required=True),
            F("title", "Risk title", (("risks", "title"),), required=True),
            F("register", "Register", (("risks", "register"),), required=True, fixed=True, hint="The name of a register."),
            F("category", "Category", (("risks", "category"),), required=True, fixed=True, hint="A category's name or code."),
            F("owner", "Owner", (("risks", "owner"),), required=True, fixed=True, hint="A username, email or full name."),
            F("cause", "Cause", (("risks", "cause"),)),
            F("event", "Event", (("risks", "event"),)),
            F("consequence", "Consequence or effects", (("risks", "consequence"),)),
            F("inherent_likelihood", "Inherent likelihood", (("risks", "inherent_likelihood"),), required=True, hint=LEVEL_HINT),
            F("inherent_impact", "Inherent impact", (("risks", "inherent_impact"),), required=True, hint=LEVEL_HINT),
            F("current_likelihood", "Current likelihood", (("risks", "current_likelihood"),), required=True, hint=LEVEL_HINT),
            F("current_impact", "Current impact", (("risks", "current_impact"),), required=True, hint=LEVEL_HINT),
            F("target_likelihood", "Target likelihood", (("risks", "target_likelihood"),)),
            F("target_impact", "Target impact", (("risks", "target_impact"),)),
            F("inherent_score", "Inherent score", (("risks", "inherent_score"),), hint=SCORE_HINT),
            F("current_score", "Current score", (("risks", "current_score"),), hint=SCORE_HINT),
            F("area", "Risk area", (("risks", "area"),), fixed=True),
            F("is_confidential", "Confidential", (("risks", "is_confidential"),), fixed=True, hint="Yes or No."),
            F("identified_on", "Identified on", (("risks", "identified_on"),), fixed=True, hint="A date, e.g. 01/07/2019."),
            F("controls", "Existing controls (mitigation)", (("controls", "description"),)),
        ),
    ),
    "projects": (
        "Projects",
        (
            F("reference", "Project reference", (("projects", "reference"),), hint="The council's own code for the project, e.g. TP01."),
            F("name", "Project name", (("projects", "name"),), required=True),
            F("programme", "Programme", (("projects", "programme"),), fixed=True, hint="A programme's name: one not in the system yet is added."),
            F("owner", "Project manager", (("projects", "owner"),), required=True, fixed=True, hint="A username, email or full name."),
            F("sponsor", "Sponsor", (("projects", "sponsor"),), fixed=True, hint="A username, email or full name."),
            F("directorate", "Directorate", (("projects", "directorate"),), required=True, fixed=True, hint="A directorate code or name."),
            F("stage", "Stage", (("projects", "stage"),), fixed=True, hint="The name of a project stage, e.g. Delivery."),
            F("start_date", "Start date", (("projects", "start_date"),), required=True, hint=DATE_HINT),
            F("end_date", "End date", (("projects", "end_date"),), required=True, hint=DATE_HINT),
            F("priorities", "Corporate Plan priorities", (("projects", "priorities"),), hint="Priority codes separated by ;"),
            F("description", "Description", (("projects", "description"),)),
        ),
    ),
    "milestones": (
        "Project milestones",
        (
            F("project", "Project", (("milestones", "project"),), required=True, fixed=True, hint="The project's reference or name."),
            F("name", "Milestone", (("milestones", "name"),), required=True),
            F("planned_date", "Planned date", (("milestones", "planned_date"),), required=True, hint=DATE_HINT),
            F("forecast_date", "Forecast date", (("milestones", "forecast_date"),), hint=DATE_HINT),
            F("actual_date", "Actual date", (("milestones", "actual_date"),), hint=DATE_HINT),
        ),
    ),
    "project_finances": (
        "Project budgets, spend and savings for a financial year",
        (
            F("project", "Project", (("project_finances", "project"),), required=True, fixed=True, hint="The project's reference or name."),
            F("year", "Financial year", (("project_finances", "year"),), required=True, fixed=True, hint="For example 2017/18."),
            F("budget", "Budget", (("project_finances", "budget"),), hint=MONEY_HINT),
            F("spend", "Spend to date", (("project_finances", "spend"),), hint=MONEY_HINT),
            F("forecast_spend", "Forecast spend for the year", (("project_finances", "forecast_spend"),), hint=MONEY_HINT),
            F("savings_target", "Savings target", (("project_finances", "savings_target"),), hint=MONEY_HINT),
            F("savings_achieved", "Savings achieved to date", (("project_finances", "savings_achieved"),), hint=MONEY_HINT),
        ),
    ),
}  # fmt: skip

# Fixed values that belong to one file, never carried to the next file with the same columns
# (the next quarter's file must not take the last quarter's period): asked each time.
ASKED_EACH_FILE = {"period"}
# A row of our sheet is only made when the person's row has a value for this field.
ROW_NEEDS = {"targets": "target", "measurements": "value", "controls": "controls"}
# Our sheets are only made when this field is given (else only existing records are used).
SHEET_NEEDS = {"indicators": "title"}


def kind_fields(kind: str) -> tuple[Field, ...]:
    return KINDS[kind][1]


def form_fields(kind: str) -> tuple[Field, ...]:
    return tuple(f for f in kind_fields(kind) if f.on_form)


# Fields whose every row is checked on the matching page, so that one wrong word is told once
# with the rows it is on, not once a row (and again by every row that depends on it).
CHECKED_ON_PAGE = {"unit", "decimals", "polarity", "frequency", "status_rule"}


def column_problems(*, kind: str, table: Table, columns: dict[str, str]) -> dict[str, str]:
    """For each checked field read from a column: one message naming each value that cannot be
    read and the rows it is on."""
    problems = {}
    for field in kind_fields(kind):
        header = columns.get(field.key)
        if field.key not in CHECKED_ON_PAGE or not header:
            continue
        sheet_key, column_key = field.targets[0]
        column = SHEETS_BY_KEY[sheet_key].column(column_key)
        bad: dict[str, tuple[str, list[int]]] = {}
        for number, values in table.row_dicts():
            try:
                column.parse(values.get(header))
            except CellError as error:
                word = str(values.get(header)).strip()
                bad.setdefault(word.lower(), (str(error), []))[1].append(number)
        if bad:
            problems[field.key] = "; ".join(
                f"{message} ({rows_named(numbers)})" for message, numbers in bad.values()
            )
    return problems


def rows_named(numbers: list[int]) -> str:
    shown = ", ".join(str(n) for n in numbers[:10])
    more = f" and {len(numbers) - 10} more" if len(numbers) > 10 else ""
    return f"row{'s' if len(numbers) > 1 else ''} {shown}{more}"


def names_in_column(table: Table, header: str) -> dict[str, list[int]]:
    """Each distinct value of a column (as written, first spelling kept) and its rows."""
    found: dict[str, tuple[str, list[int]]] = {}
    for number, values in table.row_dicts():
        value = values.get(header)
        if value is None or not str(value).strip():
            continue
        text = str(value).strip()
        found.setdefault(text.lower(), (text, []))[1].append(number)
    return dict(found.values())


def signature(headers: list[str]) -> str:
    """The same headers in any order give the same layout."""
    text = "\n".join(sorted(h.strip().lower() for h in headers))
    return hashlib.sha256(text.encode()).hexdigest()


def guess(kind: str, headers: list[str]) -> dict[str, str]:
    """Columns whose header already reads like one of our fields."""
    found = {}
    for field in kind_fields(kind):
        for header in headers:
            simple = header.strip().lower().replace("_", " ")
            if simple in {field.key.replace("_", " "), field.label.lower()}:
                found[field.key] = header
    return found


def mapped_sheets(
    *,
    kind: str,
    table: Table,
    columns: dict[str, str],
    fixed: dict[str, str],
    new_directorates: dict[str, str] | None = None,
    options: dict | None = None,
) -> list[InputSheet]:
    """Our sheets, built from the person's table with their column choices; `new_directorates`
    (name -> code) are added first, on the Directorates sheet, from the rows that name them."""
    fields = {f.key: f for f in kind_fields(kind)}
    given = {k for k, v in columns.items() if v} | {k for k, v in fixed.items() if v}
    sheets: dict[str, InputSheet] = {}
    for field_key in given:
        for sheet_key, column_key in fields[field_key].targets:
            if sheet_key in SHEET_NEEDS and SHEET_NEEDS[sheet_key] not in given:
                continue
            if sheet_key in ROW_NEEDS and ROW_NEEDS[sheet_key] not in given:
                continue
            sheet = sheets.setdefault(
                sheet_key, InputSheet(SHEETS_BY_KEY[sheet_key], table.name, {}, [])
            )
            if columns.get(field_key):
                sheet.headers[column_key] = columns[field_key]
            else:
                sheet.headers[column_key] = f"{fields[field_key].label} (the same for every row)"
    options = options or {}
    lower = {c.lower() for c in codes_listed(options.get("lower_is_better", ""))}
    zero_codes = {c.lower() for c in codes_listed(options.get("zero_not_reported_for", ""))}
    code_header = columns.get("code")
    if lower and "indicators" in sheets:
        sheets["indicators"].headers.setdefault("polarity", "Lower is better for")
    for number, values in table.row_dicts():
        for sheet_key, sheet in sheets.items():
            row = {}
            for field_key in given:
                for target_sheet, column_key in fields[field_key].targets:
                    if target_sheet == sheet_key and column_key in sheet.headers:
                        header = columns.get(field_key)
                        row[column_key] = values.get(header) if header else fixed[field_key]
            need = ROW_NEEDS.get(sheet_key)
            if need is not None:
                header = columns.get(need)
                value = values.get(header) if header else fixed.get(need)
                if value is None or (isinstance(value, str) and not value.strip()):
                    continue
                if need == "value" and _is_zero(value):
                    code = str(values.get(code_header) or "").strip().lower()
                    if options.get("zero_not_reported") or code in zero_codes:
                        continue
            if sheet_key == "indicators" and str(row.get("code", "")).strip().lower() in lower:
                row["polarity"] = "lower"
            sheet.rows.append((number, row))
    if new_directorates and columns.get("directorate"):
        sheets["directorates"] = _directorates_sheet(
            table, columns["directorate"], new_directorates
        )
    return list(sheets.values())


def codes_listed(text: str) -> list[str]:
    """Indicator codes written with commas, semicolons or spaces between them."""
    return [c for c in str(text).replace(";", " ").replace(",", " ").split() if c]


def _is_zero(value) -> bool:
    try:
        return Decimal(str(value).strip()) == 0
    except InvalidOperation:
        return False


def _directorates_sheet(table: Table, header: str, codes: dict[str, str]) -> InputSheet:
    sheet = InputSheet(
        SHEETS_BY_KEY["directorates"], table.name, {"code": header, "name": header}, []
    )
    for name, rows in names_in_column(table, header).items():
        if name in codes:
            sheet.rows.append((rows[0], {"code": codes[name], "name": name}))
    return sheet
