"""The sheets of how the council is set up, beside the indicators and risks: the Corporate Plan
and its priorities, the scorecards and their versions, the risk matrix and appetite, and the
escalations of risks. `schema.SHEETS` puts them in import order among the other sheets.
"""

import datetime as dt

from scorecard.performance.choices import ScorecardTier
from scorecard.risks.choices import (
    EscalationDirection,
    EscalationStatus,
    MatrixAxis,
)

from .columns import Column as C
from .columns import SheetSpec, choices_of

QUARTER = "A quarter, e.g. 2017/18-Q1"

PLAN_SHEETS: tuple[SheetSpec, ...] = (
    SheetSpec(
        "corporate_plans",
        "Corporate Plans",
        (
            C("title", "Title", required=True, example="Corporate Plan 2017-2022"),
            C("adopted_on", "Adopted on", "date", required=True, example=dt.date(2017, 5, 25)),
            C("is_archived", "Archived", "boolean", example="No"),
        ),
        identity=("title",),
        team="performance",
    ),
    SheetSpec(
        "priorities",
        "Priorities",
        (
            C("plan", "Corporate Plan", required=True, example="Corporate Plan 2017-2022"),
            C("code", "Code", required=True, example="OFB"),
            C("title", "Title", required=True, example="Open for Business"),
            C("order", "Order", "integer", example=1, help="Position in reports"),
            C("is_archived", "Archived", "boolean", example="No"),
        ),
        identity=("plan", "code"),
        team="performance",
    ),
    SheetSpec(
        "scorecards",
        "Scorecards",
        (
            C("name", "Name", required=True, example="Corporate Balanced Scorecard"),
            C(
                "tier",
                "Tier",
                "choice",
                required=True,
                choices=choices_of(ScorecardTier),
                example="corporate",
            ),
            C("directorate", "Directorate", help="Code or name; empty for the corporate one"),
            C("is_published", "Published", "boolean", example="Yes"),
            C("is_archived", "Archived", "boolean", example="No"),
        ),
        identity=("name",),
        team="performance",
    ),
    SheetSpec(
        "scorecard_versions",
        "Scorecard versions",
        (
            C("scorecard", "Scorecard", required=True, example="Corporate Balanced Scorecard"),
            C(
                "live_from",
                "Live from",
                "period",
                required=True,
                example="2017/18-Q1",
                help=QUARTER,
            ),
            C("corporate_plan", "Corporate Plan", example="Corporate Plan 2017-2022"),
            C("notes", "Notes", example="Refreshed for the new Corporate Plan."),
        ),
        identity=("scorecard", "live_from"),
        description="A new version is made with all its rows in Scorecard entries. A version "
        "takes more indicators until its first quarter is locked; it never loses any.",
        team="performance",
    ),
    SheetSpec(
        "scorecard_entries",
        "Scorecard entries",
        (
            C("scorecard", "Scorecard", required=True, example="Corporate Balanced Scorecard"),
            C(
                "live_from",
                "Live from",
                "period",
                required=True,
                example="2017/18-Q1",
                help=QUARTER,
            ),
            C("indicator", "Indicator", required=True, example="ASC01"),
            C(
                "priority",
                "Priority",
                example="OFB",
                help="Code of a priority of the version's plan",
            ),
            C("order", "Order", "integer", example=1),
        ),
        identity=("scorecard", "live_from", "indicator"),
        team="performance",
    ),
)

MATRIX = "Corporate 5 x 5 matrix"

MATRIX_SHEETS: tuple[SheetSpec, ...] = (
    SheetSpec(
        "risk_matrices",
        "Risk matrices",
        (
            C("name", "Name", required=True, example=MATRIX),
            C("is_current", "Current", "boolean", example="Yes"),
        ),
        identity=("name",),
        team="risks",
    ),
    SheetSpec(
        "matrix_levels",
        "Matrix levels",
        (
            C("matrix", "Matrix", required=True, example=MATRIX),
            C(
                "axis",
                "Axis",
                "choice",
                required=True,
                choices=choices_of(MatrixAxis),
                example="likelihood",
            ),
            C("number", "Number", "integer", required=True, example=4),
            C("label", "Label", required=True, example="Likely"),
            C("descriptor", "Descriptor", example="Will probably happen (51% to 80%)."),
        ),
        identity=("matrix", "axis", "number"),
        team="risks",
    ),
    SheetSpec(
        "matrix_bands",
        "Matrix bands",
        (
            C("matrix", "Matrix", required=True, example=MATRIX),
            C("key", "Key", required=True, example="red"),
            C("label", "Label", required=True, example="Red"),
            C("colour", "Colour", required=True, example="#d4351c", help="# and six hex digits"),
            C("severity", "Severity", "integer", required=True, example=3),
            C("review_months", "Review every (months)", "integer", required=True, example=1),
        ),
        identity=("matrix", "key"),
        team="risks",
    ),
    SheetSpec(
        "matrix_cells",
        "Matrix cells",
        (
            C("matrix", "Matrix", required=True, example=MATRIX),
            C("likelihood", "Likelihood", "integer", required=True, example=5),
            C("impact", "Impact", "integer", required=True, example=5),
            C("band", "Band", required=True, example="red", help="The key of a band"),
        ),
        identity=("matrix", "likelihood", "impact"),
        team="risks",
    ),
    SheetSpec(
        "risk_appetite",
        "Risk appetite",
        (
            C(
                "category",
                "Category",
                required=True,
                example="financial",
                help="The code or name of one of the council's risk categories",
            ),
            C("maximum_score", "Highest acceptable score", "integer", required=True, example=12),
            C("statement", "Statement", example="We accept moderate financial risk."),
        ),
        identity=("category",),
        team="risks",
    ),
)

ESCALATION_SHEETS: tuple[SheetSpec, ...] = (
    SheetSpec(
        "escalations",
        "Escalations",
        (
            C("risk", "Risk", required=True, example="CR12"),
            C(
                "direction",
                "Direction",
                "choice",
                required=True,
                choices=choices_of(EscalationDirection),
                example="up",
            ),
            C("from_register", "From register", example="Adult Services Risk Register"),
            C("to_register", "To register", required=True, example="Corporate Risk Register"),
            C("reason", "Reason", required=True, example="Now affects the whole council."),
            C(
                "requested_by",
                "Requested by",
                example="jsmith",
                help="Username of the person importing, or empty",
            ),
            C(
                "requested_at",
                "Requested at",
                "datetime",
                required=True,
                example="2017-10-02 09:30",
                help="Date and time, e.g. 2017-10-02 09:30",
            ),
            C(
                "status",
                "Status",
                "choice",
                choices=choices_of(EscalationStatus),
                example="accepted",
            ),
            C(
                "decided_by",
                "Decided by",
                example="admin",
                help="Username of the person importing, or empty",
            ),
            C("decided_at", "Decided at", "datetime", example="2017-10-09 14:00"),
            C("decision_note", "Decision note", example="Agreed by the management team."),
        ),
        identity=("risk", "requested_at"),
    ),
)
