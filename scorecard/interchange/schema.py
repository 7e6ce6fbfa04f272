"""The sheets of the import template and of the export: their columns, types and choices.

The same definitions build the downloadable templates (headers, an example row, Excel
data-validation lists), read uploaded files, and write exports, so the three always agree.
A column is found in a file by its header, compared without case, or by its key.
"""

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from scorecard.organisation.choices import Role
from scorecard.performance.choices import (
    Aggregation,
    DataQuality,
    Frequency,
    PeriodState,
    Polarity,
    Rating,
    TargetBasis,
    Unit,
    WorkflowState,
)
from scorecard.risks.choices import (
    ActionStatus,
    ControlEffectiveness,
    RegisterKind,
    RiskCategory,
    RiskStatus,
)


class CellError(ValueError):
    """A value that cannot be read; the message is for the person who typed it."""


# Other ways councils write the same choice (compared without case).
SYNONYMS = {
    "unit": {"%": "percentage", "£": "currency", "no.": "number", "num": "number", "day": "days"},
    "polarity": {"high": "higher", "low": "lower", "up": "higher", "down": "lower"},
    "rating": {"g": "green", "a": "amber", "r": "red"},
}


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    kind: str = "text"  # text, number, integer, boolean, date, choice, period, json
    required: bool = False
    choices: tuple[tuple[str, str], ...] = ()
    synonyms: str = ""
    example: object = ""
    help: str = ""

    def parse(self, value: object) -> object:
        """The value in Python terms, None when empty; CellError when it cannot be read."""
        if value is None or (isinstance(value, str) and value.strip() == ""):
            if self.required:
                raise CellError("this column must be filled in")
            return None
        return PARSERS[self.kind](self, value)


def _text(column: Column, value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # Excel stores 12 as 12.0: a reference "12" stays "12"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


NUMBER_TEXT = re.compile(r"^[-+]?(\d{1,3}(,\d{3})+|\d*)(\.\d+)?$")


def _number(column: Column, value: object) -> Decimal:
    if isinstance(value, bool):
        raise CellError(f"{value!r} is not a number")
    if isinstance(value, int | float):
        return Decimal(str(value))
    text = str(value).strip().replace("£", "").rstrip("%").strip()
    if not NUMBER_TEXT.match(text) or text in {"", "-", "+", "."}:
        raise CellError(f"'{value}' is not a number")
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        raise CellError(f"'{value}' is not a number") from None


def _integer(column: Column, value: object) -> int:
    number = _number(column, value)
    if number != number.to_integral_value():
        raise CellError(f"'{value}' is not a whole number")
    return int(number)


TRUE, FALSE = {"yes", "y", "true", "1", "x"}, {"no", "n", "false", "0"}


def _boolean(column: Column, value: object) -> bool:
    if isinstance(value, bool):
        return value
    text = _text(column, value).lower()
    if text in TRUE:
        return True
    if text in FALSE:
        return False
    raise CellError(f"'{value}' is not Yes or No")


def _date(column: Column, value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%d %B %Y", "%d %b %Y"):
        try:
            return dt.datetime.strptime(text, pattern).date()  # noqa: DTZ007 - a calendar date
        except ValueError:
            continue
    raise CellError(f"'{value}' is not a date: write it as 31/07/2019 or 2019-07-31")


def _choice(column: Column, value: object) -> str:
    text = _text(column, value).lower()
    for key, label in column.choices:
        if text in {key.lower(), label.lower()}:
            return key
    synonym = SYNONYMS.get(column.synonyms, {}).get(text)
    if synonym:
        return synonym
    allowed = ", ".join(label for _, label in column.choices)
    raise CellError(f"'{value}' is not one of: {allowed}")


def _json(column: Column, value: object) -> dict:
    if isinstance(value, dict):
        return value
    try:
        data = json.loads(str(value))
    except json.JSONDecodeError:
        raise CellError(f"'{value}' is not a rule written in JSON") from None
    if not isinstance(data, dict):
        raise CellError("a rule is written in JSON between { and }")
    return data


PARSERS = {
    "text": _text,
    "period": _text,  # parsed by the services, which know the financial year
    "number": _number,
    "integer": _integer,
    "boolean": _boolean,
    "date": _date,
    "choice": _choice,
    "json": _json,
}


def _choices(choices) -> tuple[tuple[str, str], ...]:
    return tuple((str(value), str(label)) for value, label in choices.choices)


@dataclass(frozen=True)
class SheetSpec:
    key: str
    title: str
    columns: tuple[Column, ...]
    identity: tuple[str, ...]
    description: str = ""
    admin_only: bool = False
    by_key: dict = field(default_factory=dict, compare=False, repr=False)

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)

    def match_headers(self, headers: list[str]) -> dict[str, str]:
        """Our column key -> the file's header, for the headers this sheet knows."""
        wanted = {}
        for column in self.columns:
            names = {column.key.lower(), column.header.lower()}
            found = next((h for h in headers if h.strip().lower() in names), None)
            if found is not None:
                wanted[column.key] = found
        return wanted


C = Column
PERIOD = "A year (2017/18), quarter (2017/18-Q2) or month (2017/18-M07)"

SHEETS: tuple[SheetSpec, ...] = (
    SheetSpec(
        "directorates",
        "Directorates",
        (
            C("code", "Code", required=True, example="ASC"),
            C("name", "Name", required=True, example="Adult Services"),
            C("is_archived", "Archived", "boolean", example="No"),
        ),
        identity=("code",),
        admin_only=True,
    ),
    SheetSpec(
        "people",
        "People",
        (
            C("username", "Username", required=True, example="jsmith"),
            C("first_name", "First name", example="Jo"),
            C("last_name", "Last name", example="Smith"),
            C("email", "Email", example="jo.smith@example.gov.uk"),
            C("job_title", "Job title", example="Performance Officer"),
            C(
                "roles",
                "Roles",
                example="directorate_editor:ASC; reader",
                help="Roles separated by ;, each followed by :directorate code where needed. "
                + ", ".join(Role.values),
            ),
        ),
        identity=("username",),
        admin_only=True,
    ),
    SheetSpec(
        "indicators",
        "Indicators",
        (
            C("code", "Code", required=True, example="ASC01"),
            C("title", "Title", required=True, example="Service users with a direct payment"),
            C("directorate", "Directorate", required=True, example="ASC", help="Code or name"),
            C("definition", "Definition"),
            C("rationale", "Rationale"),
            C(
                "unit",
                "Unit",
                "choice",
                choices=_choices(Unit),
                synonyms="unit",
                example="percentage",
            ),
            C("decimals", "Decimals", "integer", example=1),
            C(
                "polarity",
                "Polarity",
                "choice",
                choices=_choices(Polarity),
                synonyms="polarity",
                example="higher",
            ),
            C("frequency", "Frequency", "choice", choices=_choices(Frequency), example="quarterly"),
            C("due_quarter", "Due quarter", "integer", example=4),
            C("first_due_year", "First due year", "integer"),
            C(
                "aggregation",
                "Aggregation",
                "choice",
                choices=_choices(Aggregation),
                example="latest",
            ),
            C("ratio_scale", "Ratio scale", "integer", example=100),
            C(
                "target_basis",
                "Target basis",
                "choice",
                choices=_choices(TargetBasis),
                example="period",
            ),
            C("owner", "Owner", help="Username, email or full name"),
            C("updaters", "Updaters", help="Usernames separated by ;"),
            C("portfolio", "Cabinet portfolio"),
            C("data_source", "Data source"),
            C("is_contextual", "Contextual", "boolean", example="No"),
            C(
                "status_rule",
                "Status rule",
                "json",
                example='{"type": "tolerance", "amber": {"percent": "10"}}',
            ),
            C("is_retired", "Retired", "boolean", example="No"),
        ),
        identity=("code",),
    ),
    SheetSpec(
        "targets",
        "Targets",
        (
            C("indicator", "Indicator", required=True, example="ASC01"),
            C("period", "Period", "period", required=True, example="2017/18", help=PERIOD),
            C("value", "Value", "number", required=True, example=75),
            C("notes", "Notes"),
        ),
        identity=("indicator", "period"),
    ),
    SheetSpec(
        "measurements",
        "Measurements",
        (
            C("indicator", "Indicator", required=True, example="ASC01"),
            C("period", "Period", "period", required=True, example="2017/18-Q2", help=PERIOD),
            C("value", "Value", "number", example=72.5),
            C("numerator", "Numerator", "number"),
            C("denominator", "Denominator", "number"),
            C("commentary", "Commentary", example="Up on last quarter."),
            C("improvement_actions", "Improvement actions"),
            C(
                "data_quality",
                "Data quality",
                "choice",
                choices=_choices(DataQuality),
                example="final",
            ),
            C(
                "manual_rating",
                "Manual rating",
                "choice",
                choices=_choices(Rating),
                synonyms="rating",
            ),
            C("manual_reason", "Manual reason"),
            C("state", "State", "choice", choices=_choices(WorkflowState), example="draft"),
            C("review_note", "Review note"),
        ),
        identity=("indicator", "period"),
    ),
    SheetSpec(
        "registers",
        "Registers",
        (
            C("name", "Name", required=True, example="Adult Services Risk Register"),
            C(
                "kind",
                "Kind",
                "choice",
                required=True,
                choices=_choices(RegisterKind),
                example="directorate",
            ),
            C("directorate", "Directorate", example="ASC"),
            C("parent", "Parent register", example="Corporate Risk Register"),
            C("description", "Description"),
            C("is_archived", "Archived", "boolean", example="No"),
        ),
        identity=("name",),
        admin_only=True,
    ),
    SheetSpec(
        "risk_areas",
        "Risk areas",
        (
            C("name", "Name", required=True, example="Adult Social Care"),
            C("owner", "Owner", required=True, example="jsmith"),
            C("description", "Description"),
            C("mitigation_summary", "Mitigation summary"),
            C("is_archived", "Archived", "boolean", example="No"),
        ),
        identity=("name",),
        admin_only=True,
    ),
    SheetSpec(
        "risks",
        "Risks",
        (
            C("reference", "Reference", required=True, example="CR12"),
            C("title", "Title", required=True, example="Failure to recruit social workers"),
            C("register", "Register", required=True, example="Adult Services Risk Register"),
            C(
                "category",
                "Category",
                "choice",
                required=True,
                choices=_choices(RiskCategory),
                example="hr",
            ),
            C(
                "owner",
                "Owner",
                required=True,
                example="jsmith",
                help="Username, email or full name",
            ),
            C("area", "Risk area"),
            C("cause", "Cause"),
            C("event", "Event"),
            C("consequence", "Consequence"),
            C("inherent_likelihood", "Inherent likelihood", "integer", required=True, example=4),
            C("inherent_impact", "Inherent impact", "integer", required=True, example=5),
            C("current_likelihood", "Current likelihood", "integer", required=True, example=3),
            C("current_impact", "Current impact", "integer", required=True, example=4),
            C("target_likelihood", "Target likelihood", "integer", example=2),
            C("target_impact", "Target impact", "integer", example=4),
            C("target_date", "Target date", "date"),
            C("review_months", "Review every (months)", "integer"),
            C("identified_on", "Identified on", "date"),
            C("is_confidential", "Confidential", "boolean", example="No"),
            C("status", "Status", "choice", choices=_choices(RiskStatus), example="open"),
            C("closed_on", "Closed on", "date"),
            C("closure_reason", "Closure reason"),
        ),
        identity=("reference",),
    ),
    SheetSpec(
        "controls",
        "Controls",
        (
            C("risk", "Risk", required=True, example="CR12"),
            C("description", "Description", required=True, example="Recruitment campaign"),
            C("owner", "Owner"),
            C(
                "effectiveness",
                "Effectiveness",
                "choice",
                choices=_choices(ControlEffectiveness),
                example="effective",
            ),
            C("is_archived", "Archived", "boolean", example="No"),
        ),
        identity=("risk", "description"),
    ),
    SheetSpec(
        "actions",
        "Actions",
        (
            C("risk", "Risk", required=True, example="CR12"),
            C("description", "Description", required=True, example="Agency staff framework"),
            C("owner", "Owner", required=True, example="jsmith"),
            C("due_on", "Due on", "date", required=True, example=dt.date(2018, 3, 31)),
            C("revised_due_on", "Revised due on", "date"),
            C("status", "Status", "choice", choices=_choices(ActionStatus), example="in_progress"),
            C("percent_complete", "Percent complete", "integer", example=50),
            C("progress", "Progress"),
            C("on_track", "On track", "boolean", example="Yes"),
        ),
        identity=("risk", "description"),
    ),
    SheetSpec(
        "assessments",
        "Assessments",
        (
            C("risk", "Risk", required=True, example="CR12"),
            C("assessed_on", "Assessed on", "date", required=True, example=dt.date(2017, 9, 30)),
            C("period", "Period", "period", example="2017/18-Q2", help=PERIOD),
            C("likelihood", "Likelihood", "integer", required=True, example=3),
            C("impact", "Impact", "integer", required=True, example=4),
            C("commentary", "Commentary"),
            C("assessor", "Assessor", help="Username; the person importing when empty"),
        ),
        identity=("risk", "assessed_on"),
    ),
    SheetSpec(
        "periods",
        "Reporting periods",
        (
            C("period", "Period", "period", required=True, example="2017/18-Q2"),
            C(
                "state",
                "State",
                "choice",
                required=True,
                choices=_choices(PeriodState),
                example="open",
            ),
        ),
        identity=("period",),
        admin_only=True,
    ),
)

SHEETS_BY_KEY = {sheet.key: sheet for sheet in SHEETS}


def sheet_for(name: str, headers: list[str]) -> SheetSpec | None:
    """The sheet a table holds: by its name (sheet or CSV file name), else by its headers."""
    wanted = (
        re.sub(r"^\d+\s*[-_ ]\s*", "", name.strip()).lower().replace("-", " ").replace("_", " ")
    )
    for sheet in SHEETS:
        if wanted in {sheet.title.lower(), sheet.key.replace("_", " ")}:
            return sheet
    for sheet in SHEETS:  # a CSV with another name: all required headers and nothing unknown
        matched = sheet.match_headers(headers)
        required = {c.key for c in sheet.columns if c.required}
        if required <= matched.keys() and len(matched) == len(headers):
            return sheet
    return None
