"""The sheets of how the council is set up: Corporate Plans and priorities, scorecards and their
versions, the risk matrix and appetite, escalations and directors. A good file imports through
the services; a bad value in any of them is refused with its sheet, row and column, and nothing
is written."""

import datetime as dt

import pytest

from scorecard.interchange.readers import read_file
from scorecard.interchange.schema import SHEETS
from scorecard.interchange.services import export_data, import_file
from scorecard.organisation import clock
from scorecard.organisation.models import Directorate, Service
from scorecard.organisation.selectors import organisation_settings_get
from scorecard.performance.models import CorporatePlan, Indicator, Scorecard, ScorecardEntry
from scorecard.risks.choices import EscalationStatus, RiskStatus
from scorecard.risks.models import (
    Escalation,
    MatrixBand,
    MatrixCell,
    MatrixLevel,
    Risk,
    RiskAppetite,
)

from .conftest import INDICATORS, xlsx

pytestmark = pytest.mark.django_db

MATRIX = "Corporate 5 x 5 matrix"
PLAN = "Corporate Plan 2017-2022"
CARD = "Corporate Balanced Scorecard"


def good_sheets() -> dict[str, list[list[object]]]:
    """One good row in every set-up sheet, with the indicators and risk they refer to."""
    return {
        "Organisation settings": [
            ["Council name", "Financial year starts in", "ONS code"],
            ["Testshire County Council", "April", "E10000014"],
        ],
        "Directorates": [["Code", "Name", "Director"], ["ASC", "Adult Services", "editor"]],
        "Services": [["Directorate", "Name", "Archived"], ["Adult Services", "Safeguarding", "No"]],
        "Indicators": [row[:] for row in INDICATORS],
        "Corporate Plans": [["Title", "Adopted on"], [PLAN, dt.date(2017, 5, 25)]],
        "Priorities": [
            ["Corporate Plan", "Code", "Title", "Order"],
            [PLAN, "OFB", "Open for Business", 1],
        ],
        "Scorecards": [
            ["Name", "Tier", "Directorate", "Published"],
            [CARD, "corporate", "", "Yes"],
        ],
        "Scorecard versions": [
            ["Scorecard", "Live from", "Corporate Plan", "Notes"],
            [CARD, "2017/18-Q2", PLAN, "First version."],
        ],
        "Scorecard entries": [
            ["Scorecard", "Live from", "Indicator", "Priority", "Order"],
            [CARD, "2017/18-Q2", "ASC01", "OFB", 1],
        ],
        "Risk matrices": [["Name", "Current"], [MATRIX, "Yes"]],
        "Matrix levels": [
            ["Matrix", "Axis", "Number", "Label", "Descriptor"],
            [MATRIX, "likelihood", 4, "Likely", "More likely than not."],
        ],
        "Matrix bands": [
            ["Matrix", "Key", "Label", "Colour", "Severity", "Review every (months)"],
            [MATRIX, "red", "Red", "#d4351c", 3, 1],
        ],
        "Matrix cells": [["Matrix", "Likelihood", "Impact", "Band"], [MATRIX, 4, 3, "red"]],
        "Risk appetite": [
            ["Category", "Highest acceptable score", "Statement"],
            ["financial", 12, "Moderate."],
        ],
        "Risks": [
            [
                "Reference",
                "Title",
                "Register",
                "Category",
                "Owner",
                "Inherent likelihood",
                "Inherent impact",
                "Current likelihood",
                "Current impact",
                "Status",
            ],
            [
                "CR12",
                "Failure to recruit social workers",
                "Adult Services Risk Register",
                "hr",
                "editor",
                4,
                5,
                3,
                4,
                "escalated",
            ],
        ],  # fmt: skip
        "Escalations": [
            [
                "Risk",
                "Direction",
                "From register",
                "To register",
                "Reason",
                "Requested by",
                "Requested at",
                "Status",
                "Decided by",
                "Decided at",
                "Decision note",
            ],
            [
                "CR12",
                "up",
                "Adult Services Risk Register",
                "Corporate Risk Register",
                "Affects the whole council.",
                "admin",
                "02/10/2017 09:30",
                "accepted",
                "admin",
                "2017-10-09 14:00",
                "Agreed by the management team.",
            ],
        ],  # fmt: skip
    }


def cell_band(likelihood: int, impact: int) -> str:
    return MatrixCell.objects.get(
        matrix__name=MATRIX, likelihood=likelihood, impact=impact
    ).band.key


def test_every_set_up_sheet_imports_through_the_services(council):
    before = clock.now()
    outcome = import_file(
        user=council["admin"], data=xlsx(good_sheets()), filename="setup.xlsx", dry_run=False
    )
    assert [str(p) for p in outcome.problems] == []
    assert Directorate.objects.get(code="ASC").director == council["editor"]
    assert organisation_settings_get().name == "Testshire County Council"
    assert Service.objects.get().directorate.code == "ASC"
    entry = ScorecardEntry.objects.get()
    assert (entry.version.scorecard.name, entry.version.live_from) == (CARD, "2017/18-Q2")
    assert (entry.indicator.code, entry.priority.code) == ("ASC01", "OFB")
    assert entry.version.corporate_plan.title == PLAN and Scorecard.objects.get().is_published
    level = MatrixLevel.objects.get(matrix__name=MATRIX, axis="likelihood", number=4)
    assert level.descriptor == "More likely than not."
    assert cell_band(4, 3) == "red"  # amber in the default matrix
    assert RiskAppetite.objects.get(category="financial").maximum_score == 12
    escalation = Escalation.objects.select_related("risk", "to_register").get()
    assert escalation.status == EscalationStatus.ACCEPTED
    assert escalation.requested_by == escalation.decided_by == council["admin"]
    # Stamped by the council's clock, as on the pages: nobody chooses when they acted.
    assert before <= escalation.requested_at <= escalation.decided_at <= clock.now()
    assert [(n.column, n.message[:30]) for n in outcome.notices] == [
        ("Requested at", "recorded at the time of the im"),
        ("Decided at", "recorded at the time of the im"),
    ]
    risk = escalation.risk
    assert (
        risk.status == RiskStatus.ESCALATED and risk.escalated_to.name == "Corporate Risk Register"
    )

    again = import_file(
        user=council["admin"], data=xlsx(good_sheets()), filename="setup.xlsx", dry_run=False
    )
    assert [str(p) for p in again.problems] == []
    assert again.totals()["created"] == again.totals()["changed"] == 0


BAD = [
    ("Organisation settings", "Financial year starts in", "Smarch",
     "Organisation settings, row 2, column Financial year starts in: 'Smarch' is not one of: January"),
    ("Organisation settings", "ONS code", "E1000001",
     "Organisation settings, row 2, column ONS code: An ONS code is a letter and eight digits"),
    ("Organisation settings", "Council name", "x" * 201,
     "Organisation settings, row 2, column Council name: Ensure this value has at most 200 characters"),
    ("Services", "Directorate", "Children's Services",
     "Services, row 2, column Directorate: There is no directorate 'Children's Services'"),
    ("Services", "Archived", "maybe", "Services, row 2, column Archived: 'maybe' is not Yes or No"),
    ("Directorates", "Director", "nobody",
     "Directorates, row 2, column Director: Nobody called 'nobody' can sign in"),
    ("Corporate Plans", "Adopted on", "soon",
     "Corporate Plans, row 2, column Adopted on: 'soon' is not a date"),
    ("Priorities", "Corporate Plan", "Plan 1999",
     "Priorities, row 2, column Corporate Plan: There is no Corporate Plan called 'Plan 1999'"),
    ("Scorecards", "Tier", "galactic",
     "Scorecards, row 2, column Tier: 'galactic' is not one of: Corporate, Directorate"),
    ("Scorecard versions", "Live from", "2017/18",
     "Scorecard versions, row 2, column Live from: '2017/18' is a year: give a quarter"),
    ("Scorecard entries", "Priority", "XYZ",
     "Scorecard entries, row 2, column Priority: There is no priority 'XYZ' in Corporate Plan"),
    ("Risk matrices", "Current", "perhaps",
     "Risk matrices, row 2, column Current: 'perhaps' is not Yes or No"),
    ("Matrix levels", "Number", 0,
     "Matrix levels, row 2, column Number: A stored matrix keeps its scales"),
    ("Matrix bands", "Colour", "scarlet",
     "Matrix bands, row 2, column Colour: Write the colour as # and six hex digits"),
    ("Matrix cells", "Band", "purple",
     "Matrix cells, row 2, column Band: Corporate 5 x 5 matrix has no band called 'purple'"),
    ("Risk appetite", "Highest acceptable score", 99,
     "Risk appetite, row 2, column Highest acceptable score: The highest acceptable score must be between 1 and 25"),
    ("Escalations", "Requested at", "yesterday",
     "Escalations, row 2, column Requested at: 'yesterday' is not a date and time"),
    ("Escalations", "To register", "Adult Services Risk Register",
     "Escalations, row 2, column To register: Adult Services Risk Register is not above Adult Services Risk Register"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("sheet", "header", "value", "message"), BAD, ids=[f"{b[0]}-{b[1]}" for b in BAD]
)
def test_a_bad_value_in_a_set_up_sheet_is_refused_and_nothing_is_written(
    council, sheet, header, value, message
):
    sheets = good_sheets()
    rows = sheets[sheet]
    rows[1][rows[0].index(header)] = value
    outcome = import_file(
        user=council["admin"], data=xlsx(sheets), filename="setup.xlsx", dry_run=False
    )
    # The first problem is the bad cell; rows that depend on its row may follow.
    assert str(outcome.problems[0]).startswith(message), [str(p) for p in outcome.problems]
    assert not outcome.written
    assert Directorate.objects.get(code="ASC").director is None
    assert organisation_settings_get().name == "Testshire" and not Service.objects.exists()
    assert not Indicator.objects.exists() and not CorporatePlan.objects.exists()
    assert not Scorecard.objects.exists() and not ScorecardEntry.objects.exists()
    assert cell_band(4, 3) == "amber" and not RiskAppetite.objects.exists()
    assert not Risk.objects.exists() and not Escalation.objects.exists()


def test_a_new_matrix_with_a_missing_cell_is_refused_on_the_cells_sheet(council):
    cells = [["Matrix", "Likelihood", "Impact", "Band"]] + [
        ["Two by two", lk, im, "low"] for lk in (1, 2) for im in (1, 2) if (lk, im) != (2, 2)
    ]
    data = xlsx(
        {
            "Matrix levels": [["Matrix", "Axis", "Number", "Label"]]
            + [["Two by two", axis, n, f"{axis} {n}"] for axis in ("likelihood", "impact") for n in (1, 2)],
            "Matrix bands": [
                ["Matrix", "Key", "Label", "Colour", "Severity", "Review every (months)"],
                ["Two by two", "low", "Low", "#00703c", 1, 6],
            ],
            "Matrix cells": cells,
        }
    )  # fmt: skip
    outcome = import_file(user=council["admin"], data=data, filename="m.xlsx", dry_run=False)
    assert [str(p) for p in outcome.problems] == [
        "Matrix cells: Two by two: Every cell needs a band; missing: likelihood 2 x impact 2."
    ]


def test_only_the_team_changes_the_set_up(council):
    sheets = good_sheets()
    data = xlsx({"Corporate Plans": sheets["Corporate Plans"]})
    outcome = import_file(user=council["editor"], data=data, filename="p.xlsx", dry_run=False)
    assert [str(p) for p in outcome.problems] == [
        "Corporate Plans, row 2: Only the performance and risk team can add or change corporate plans."
    ]
    data = xlsx({key: sheets[key] for key in ("Organisation settings", "Services")})
    outcome = import_file(user=council["editor"], data=data, filename="o.xlsx", dry_run=False)
    assert [str(p) for p in outcome.problems] == [
        "Organisation settings, row 2: Only the performance and risk team can add or change organisation settings.",
        "Services, row 2: Only the performance and risk team can add or change services.",
    ]


def test_the_export_has_every_sheet(council):
    data = export_data(user=council["admin"], fmt="xlsx")
    assert [t.name for t in read_file(data, "all.xlsx")] == [s.title for s in SHEETS]
    data = export_data(user=council["reader"], fmt="xlsx")
    names = [t.name for t in read_file(data, "all.xlsx")]
    assert names == [s.title for s in SHEETS if s.key != "people"]


def test_a_stored_bands_severity_never_changes_but_its_label_may(council):
    """A band's severity orders the risks and gives past assessments their meaning: an import
    that changes it is refused like the settings page's, while a new label goes through."""
    header = ["Matrix", "Key", "Label", "Colour", "Severity", "Review every (months)"]
    severity = xlsx({"Matrix bands": [header, [MATRIX, "green", "Green", "#00703c", 99, 6]]})
    outcome = import_file(user=council["admin"], data=severity, filename="m.xlsx", dry_run=False)
    assert [str(p) for p in outcome.problems] == [
        "Matrix bands, row 2, column Severity: A band's severity never changes, so past "
        "assessments and the ranking keep their meaning."
    ]
    label = xlsx({"Matrix bands": [header, [MATRIX, "green", "Low", "#00703c", 1, 6]]})
    outcome = import_file(user=council["admin"], data=label, filename="m.xlsx", dry_run=False)
    assert [str(p) for p in outcome.problems] == []
    green = MatrixBand.objects.get(matrix__name=MATRIX, key="green")
    assert (green.label, green.severity) == ("Low", 1)


def test_a_stored_version_takes_more_indicators_until_its_first_quarter_is_locked(council):
    from scorecard.performance.choices import PeriodState
    from scorecard.performance.services import reporting_period_set_state

    admin = council["admin"]
    sheets = good_sheets()
    import_file(user=admin, data=xlsx(sheets), filename="setup.xlsx", dry_run=False)
    more = {
        "Scorecard entries": [
            *sheets["Scorecard entries"],
            [CARD, "2017/18-Q2", "EI01", "", 2],
        ]
    }
    outcome = import_file(user=admin, data=xlsx(more), filename="more.xlsx", dry_run=False)
    assert [str(p) for p in outcome.problems] == []
    assert outcome.counts["Scorecard entries"] == {"created": 1, "changed": 0, "unchanged": 1}
    codes = ScorecardEntry.objects.order_by("order").values_list("indicator__code", flat=True)
    assert list(codes) == ["ASC01", "EI01"]

    # Once its first quarter is locked, the version keeps what it has.
    reporting_period_set_state(period="2017/18-Q2", state=PeriodState.LOCKED, by=admin)
    fewer = {"Scorecard entries": sheets["Scorecard entries"]}
    outcome = import_file(user=admin, data=xlsx(fewer), filename="fewer.xlsx", dry_run=False)
    assert [str(p) for p in outcome.problems] == [
        f"Scorecard entries, row 2, column Indicator: The version of {CARD} live from 2017/18-Q2 "
        "is already in the system with other indicators: a version takes more indicators, "
        "without priorities, only while it is the scorecard's current one and its first quarter "
        "is not locked; it never loses any. Add a new version live from a later quarter."
    ]
    assert ScorecardEntry.objects.count() == 2
