"""The sheets of the import template and of the export: their columns, types and choices.

The same definitions build the downloadable templates (headers, an example row, Excel
data-validation lists), read uploaded files, and write exports, so the three always agree.
A column is found in a file by its header, compared without case, or by its key.
"""

import datetime as dt
import re

from scorecard.actions.choices import status_choices
from scorecard.organisation.choices import MONTH_CHOICES, Role
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
    ControlEffectiveness,
    RegisterKind,
    RiskStatus,
)

from .action_sheets import ACTION_SHEETS
from .columns import (
    PARSERS,
    SYNONYMS,
    CellError,
    Column,
    SheetSpec,
    choices_of,
)
from .project_sheets import PROJECT_SHEETS
from .setup_sheets import ESCALATION_SHEETS, MATRIX_SHEETS, PLAN_SHEETS

__all__ = ["PARSERS", "SHEETS", "SHEETS_BY_KEY", "SYNONYMS", "CellError", "Column", "SheetSpec"]

C = Column
PERIOD = "A year (2017/18), quarter (2017/18-Q2) or month (2017/18-M07)"
SCORE = "Checked against likelihood x impact: a different score is listed in the preview"

MONTHS = tuple((label, label) for _, label in MONTH_CHOICES)

SHEETS: tuple[SheetSpec, ...] = (
    SheetSpec(
        "organisation_settings",
        "Organisation settings",
        (
            C("name", "Council name", required=True, example="Testshire County Council"),
            C(
                "financial_year_start_month",
                "Financial year starts in",
                "choice",
                required=True,
                choices=MONTHS,
                synonyms="month",
                example="April",
                help="UK councils start in April",
            ),
            C(
                "ons_code",
                "ONS code",
                example="E07000089",
                help="the council's code in national data: never counted among its comparators",
            ),
        ),
        identity=(),
        description="One row: the council's name and when its financial year starts.",
        team="organisation",
    ),
    SheetSpec(
        "directorates",
        "Directorates",
        (
            C("code", "Code", required=True, example="ASC"),
            C("name", "Name", required=True, example="Adult Services"),
            C("director", "Director", example="jsmith", help="Username, email or full name"),
            C("is_archived", "Archived", "boolean", example="No"),
        ),
        identity=("code",),
        team="organisation",
    ),
    SheetSpec(
        "services",
        "Services",
        (
            C("directorate", "Directorate", required=True, example="ASC", help="Code or name"),
            C("name", "Name", required=True, example="Safeguarding"),
            C("is_archived", "Archived", "boolean", example="No"),
        ),
        identity=("directorate", "name"),
        description="The services or units of each directorate.",
        team="organisation",
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
        team="organisation",
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
                choices=choices_of(Unit),
                synonyms="unit",
                example="percentage",
            ),
            C("decimals", "Decimals", "integer", example=1),
            C(
                "polarity",
                "Polarity",
                "choice",
                choices=choices_of(Polarity),
                synonyms="polarity",
                example="higher",
            ),
            C(
                "frequency",
                "Frequency",
                "choice",
                choices=choices_of(Frequency),
                example="quarterly",
            ),
            C("due_quarter", "Due quarter", "integer", example=4),
            C("first_due_year", "First due year", "integer"),
            C(
                "aggregation",
                "Aggregation",
                "choice",
                choices=choices_of(Aggregation),
                example="latest",
            ),
            C("ratio_scale", "Ratio scale", "integer", example=100),
            C(
                "target_basis",
                "Target basis",
                "choice",
                choices=choices_of(TargetBasis),
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
        team="performance",
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
        team="performance",
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
            C(
                "commentary_is_internal",
                "Commentary internal",
                "boolean",
                example="No",
                help="Yes keeps the commentary off the public pages and the open data. "
                "Left out: a stored value keeps what was chosen.",
            ),
            C("improvement_actions", "Improvement actions"),
            C(
                "data_quality",
                "Data quality",
                "choice",
                choices=choices_of(DataQuality),
                example="final",
            ),
            C(
                "manual_rating",
                "Manual rating",
                "choice",
                choices=choices_of(Rating),
                synonyms="rating",
            ),
            C("manual_reason", "Manual reason"),
            C("state", "State", "choice", choices=choices_of(WorkflowState), example="draft"),
            C("review_note", "Review note"),
        ),
        identity=("indicator", "period"),
    ),
    *PLAN_SHEETS,
    *MATRIX_SHEETS,
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
                choices=choices_of(RegisterKind),
                example="directorate",
            ),
            C("directorate", "Directorate", example="ASC"),
            C("parent", "Parent register", example="Corporate Risk Register"),
            C("description", "Description"),
            C("is_archived", "Archived", "boolean", example="No"),
        ),
        identity=("name",),
        team="risks",
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
        team="risks",
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
                required=True,
                example="hr",
                help="The code or name of one of the council's risk categories",
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
            C("inherent_likelihood", "Inherent likelihood", "level", required=True, example=4),
            C("inherent_impact", "Inherent impact", "level", required=True, example=5),
            C("current_likelihood", "Current likelihood", "level", required=True, example=3),
            C("current_impact", "Current impact", "level", required=True, example=4),
            C("target_likelihood", "Target likelihood", "level", example=2),
            C("target_impact", "Target impact", "level", example=4),
            C("inherent_score", "Inherent score", "integer", example=20, help=SCORE),
            C("current_score", "Current score", "integer", example=12, help=SCORE),
            C("target_date", "Target date", "date"),
            C("review_months", "Review every (months)", "integer"),
            C("identified_on", "Identified on", "date"),
            C("is_confidential", "Confidential", "boolean", example="No"),
            C("status", "Status", "choice", choices=choices_of(RiskStatus), example="open"),
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
                choices=choices_of(ControlEffectiveness),
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
            C(
                "status",
                "Status",
                "choice",
                choices=tuple(status_choices(recommendation=False)),
                example="in_progress",
            ),
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
            C("likelihood", "Likelihood", "level", required=True, example=3),
            C("impact", "Impact", "level", required=True, example=4),
            C("commentary", "Commentary"),
            C("assessor", "Assessor", help="Username of the person importing, or empty"),
        ),
        identity=("risk", "assessed_on"),
    ),
    *ESCALATION_SHEETS,
    *PROJECT_SHEETS,
    *ACTION_SHEETS,
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
                choices=choices_of(PeriodState),
                example="open",
            ),
        ),
        identity=("period",),
        team="performance",
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
