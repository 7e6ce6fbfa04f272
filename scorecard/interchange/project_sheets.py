"""The sheets of programmes and projects: the projects, their milestones and their finances by
financial year. `schema.SHEETS` puts them in import order among the other sheets, after the
directorates, people and Corporate Plan priorities they name.
"""

import datetime as dt

from .columns import Column as C
from .columns import SheetSpec

PROJECT = "The project's reference, or its name"
PERSON = "Username, email or full name"

PROJECT_SHEETS: tuple[SheetSpec, ...] = (
    SheetSpec(
        "projects",
        "Projects",
        (
            C(
                "reference",
                "Reference",
                example="TP01",
                help="The council's own code for the project: how the other sheets may name it",
            ),
            C("name", "Name", required=True, example="Digital by default"),
            C(
                "programme",
                "Programme",
                example="Transformation Programme",
                help="A programme's name: one not in the system yet is added",
            ),
            C("owner", "Project manager", required=True, example="jsmith", help=PERSON),
            C("sponsor", "Sponsor", help=PERSON),
            C("directorate", "Directorate", required=True, example="ASC", help="Code or name"),
            C(
                "stage",
                "Stage",
                example="Delivery",
                help="The name of one of the council's project stages: one not in the system yet is added",
            ),
            C("start_date", "Start date", "date", required=True, example=dt.date(2017, 4, 1)),
            C("end_date", "End date", "date", required=True, example=dt.date(2019, 3, 31)),
            C(
                "priorities",
                "Priorities",
                example="EFF; HEALTH",
                help="Codes of the Corporate Plan priorities it serves, separated by ;",
            ),
            C("description", "Description"),
            C("is_archived", "Archived", "boolean", example="No"),
        ),
        identity=("reference", "name"),
        description="The council's projects: a project is found by its reference, else by its "
        "name.",
        team="projects",
    ),
    SheetSpec(
        "milestones",
        "Milestones",
        (
            C("project", "Project", required=True, example="TP01", help=PROJECT),
            C("name", "Milestone", required=True, example="New website live"),
            C("planned_date", "Planned", "date", required=True, example=dt.date(2017, 9, 1)),
            C(
                "forecast_date",
                "Forecast",
                "date",
                example=dt.date(2017, 9, 30),
                help="When it is now expected, if not done",
            ),
            C("actual_date", "Actual", "date", help="When it was done"),
            C("is_archived", "Archived", "boolean", example="No"),
        ),
        identity=("project", "name"),
        description="Each project's milestones, found by the project and the milestone's name.",
    ),
    SheetSpec(
        "project_finances",
        "Finances",
        (
            C("project", "Project", required=True, example="TP01", help=PROJECT),
            C(
                "year",
                "Financial year",
                "period",
                required=True,
                example="2017/18",
                help="A financial year, e.g. 2017/18",
            ),
            C("budget", "Budget", "number", example=1200000, help="Pounds; £ and commas are read"),
            C("spend", "Spend", "number", example=610000, help="Spent to date"),
            C(
                "forecast_spend",
                "Forecast spend",
                "number",
                example=1250000,
                help="Expected spend for the whole year",
            ),
            C("savings_target", "Savings target", "number", example=4000000),
            C(
                "savings_achieved",
                "Savings achieved",
                "number",
                example=1900000,
                help="Achieved to date",
            ),
        ),
        identity=("project", "year"),
        description="Each project's money for a financial year, found by the project and year.",
        team="projects",
    ),
)
