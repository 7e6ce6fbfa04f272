"""The sheet of actions on indicators and projects (improvement actions, project actions). A
risk's further actions keep their own sheet, "Actions", beside the risks; audit
recommendations are kept on the audit pages."""

import datetime as dt

from scorecard.actions.choices import status_choices

from .columns import Column as C
from .columns import SheetSpec

ACTION_SHEETS: tuple[SheetSpec, ...] = (
    SheetSpec(
        "subject_actions",
        "Indicator and project actions",
        (
            C(
                "kind",
                "Belongs to",
                "choice",
                required=True,
                choices=(("indicator", "Indicator"), ("project", "Project")),
                example="Indicator",
            ),
            C(
                "subject",
                "Indicator or project",
                required=True,
                example="HW01",
                help="An indicator's code, or a project's reference or name",
            ),
            C("description", "Action", required=True, example="Extend Home First reablement"),
            C(
                "owner",
                "Owner",
                required=True,
                example="jsmith",
                help="Username, email or full name",
            ),
            C(
                "due_on",
                "Due on",
                "date",
                required=True,
                example=dt.date(2018, 3, 31),
                help="The date first agreed; a later one is asked for on the action's page",
            ),
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
            C("evidence", "Evidence", help="What shows it is done"),
        ),
        identity=("kind", "subject", "description"),
        description="Improvement actions on indicators and actions on projects, found by what "
        "they belong to and their wording.",
    ),
)
