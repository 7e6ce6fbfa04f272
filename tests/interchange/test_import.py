"""Importing our template: what is created, what a second import changes (nothing), and errors
that name the sheet, row and column with nothing written."""

import datetime as dt
from decimal import Decimal

import pytest

from scorecard.interchange.services import import_file
from scorecard.performance.choices import PeriodState, WorkflowState
from scorecard.performance.models import Indicator, Measurement, Target
from scorecard.performance.services import reporting_period_set_state
from scorecard.risks.models import Action, Assessment, Control, Risk

from .conftest import APPROVAL, INDICATORS, MEASUREMENTS, TARGETS, xlsx

pytestmark = pytest.mark.django_db


def counts():
    return (Indicator.objects.count(), Target.objects.count(), Measurement.objects.count())


def test_a_workbook_creates_indicators_targets_and_values(council, performance_workbook):
    outcome = import_file(
        user=council["admin"], data=performance_workbook, filename="q2.xlsx", dry_run=False
    )
    assert [str(p) for p in outcome.problems] == []
    assert outcome.counts["Indicators"]["created"] == 2
    asc01 = Indicator.objects.get(code="ASC01")
    assert asc01.directorate.code == "ASC"
    assert asc01.owner == council["editor"]
    assert Indicator.objects.get(code="EI01").polarity == "lower"  # read from its label
    assert Target.objects.get(indicator=asc01, period="2017/18").value == 30
    q1 = Measurement.objects.get(indicator=asc01, period="2017/18-Q1")
    assert (q1.value, q1.commentary, q1.state) == (
        Decimal("28.5"),
        "Up on last year.",
        WorkflowState.SUBMITTED,
    )
    assert Measurement.objects.get(indicator__code="EI01").state == WorkflowState.SUBMITTED
    # The indicator's owner approves it by import: someone other than who entered it.
    approval = import_file(
        user=council["editor"], data=xlsx({"Measurements": APPROVAL}), filename="ok.xlsx",
        dry_run=False,
    )  # fmt: skip
    assert [str(p) for p in approval.problems] == []
    q1.refresh_from_db()
    assert (q1.state, q1.entered_by, q1.submitted_by, q1.reviewed_by, q1.self_approved) == (
        WorkflowState.APPROVED,
        council["admin"],
        council["admin"],
        council["editor"],
        False,
    )


def test_reimporting_the_same_file_changes_nothing(council, performance_workbook):
    import_file(user=council["admin"], data=performance_workbook, filename="q2.xlsx", dry_run=False)
    before = counts(), list(Measurement.objects.values_list("version", flat=True).order_by("pk"))
    history = Measurement.history.count()
    again = import_file(
        user=council["admin"], data=performance_workbook, filename="q2.xlsx", dry_run=False
    )
    assert again.ok
    assert again.totals() == {"created": 0, "changed": 0, "unchanged": 7}
    assert (
        counts(),
        list(Measurement.objects.values_list("version", flat=True).order_by("pk")),
    ) == before
    assert Measurement.history.count() == history


def test_a_changed_value_is_changed_and_the_rest_left_alone(council, performance_workbook):
    import_file(user=council["admin"], data=performance_workbook, filename="q2.xlsx", dry_run=False)
    changed = [row[:] for row in MEASUREMENTS]
    changed[2][2] = 30.4
    outcome = import_file(
        user=council["admin"],
        data=xlsx({"Measurements": changed}),
        filename="fix.xlsx",
        dry_run=False,
    )
    assert outcome.counts["Measurements"] == {"created": 0, "changed": 1, "unchanged": 2}
    assert Measurement.objects.get(indicator__code="ASC01", period="2017/18-Q2").value == Decimal(
        "30.4"
    )


def test_dry_run_shows_the_changes_and_writes_nothing(council, performance_workbook):
    outcome = import_file(
        user=council["admin"], data=performance_workbook, filename="q2.xlsx", dry_run=True
    )
    assert outcome.ok and outcome.totals()["created"] == 7
    assert {c["label"] for c in outcome.changes if c["sheet"] == "Indicators"} == {
        "ASC01 Service users with a direct payment",
        "EI01 Household waste per head (kg)",
    }
    assert counts() == (0, 0, 0)


def test_one_bad_cell_means_nothing_is_written_and_every_error_is_named(council):
    measurements = [row[:] for row in MEASUREMENTS]
    measurements[2][2] = "n/a"
    measurements[3][1] = "2017/18-Q5"
    indicators = [row[:] for row in INDICATORS]
    indicators[2][3] = "furlongs"
    data = xlsx({"Indicators": indicators, "Targets": TARGETS, "Measurements": measurements})
    outcome = import_file(user=council["admin"], data=data, filename="bad.xlsx", dry_run=False)
    messages = [str(p) for p in outcome.problems]
    assert "Measurements, row 3, column Value: 'n/a' is not a number." in messages
    assert any(m.startswith("Measurements, row 4, column Period: '2017/18-Q5'") for m in messages)
    assert any(
        m.startswith("Indicators, row 3, column Unit: 'furlongs' is not one of") for m in messages
    )
    assert counts() == (0, 0, 0)


def test_service_rules_apply_a_percentage_over_100_and_a_locked_quarter(
    council, performance_workbook
):
    import_file(user=council["admin"], data=performance_workbook, filename="q2.xlsx", dry_run=False)
    reporting_period_set_state(period="2017/18-Q1", state=PeriodState.LOCKED, by=council["admin"])
    rows = [
        MEASUREMENTS[0],
        ["ASC01", "2017/18-Q1", 31, "", ""],
        ["ASC01", "2017/18-Q3", 140, "", ""],
    ]
    outcome = import_file(
        user=council["admin"], data=xlsx({"Measurements": rows}), filename="x.xlsx", dry_run=False
    )
    messages = [str(p) for p in outcome.problems]
    assert any(
        m.startswith("Measurements, row 2, column Period: Quarter One 2017/18 is locked")
        for m in messages
    )
    assert any(
        m.startswith("Measurements, row 3, column Value: A percentage must be between 0 and 100")
        for m in messages
    )
    assert not Measurement.objects.filter(period="2017/18-Q3").exists()
    assert Measurement.objects.get(indicator__code="ASC01", period="2017/18-Q1").value == Decimal(
        "28.5"
    )


def test_the_import_runs_with_the_importing_persons_access(council, performance_workbook):
    import_file(user=council["admin"], data=performance_workbook, filename="q2.xlsx", dry_run=False)
    rows = [
        MEASUREMENTS[0],
        ["ASC01", "2017/18-Q3", 31, "", ""],
        ["EI01", "2017/18-Q3", 120, "", ""],
    ]
    outcome = import_file(
        user=council["editor"], data=xlsx({"Measurements": rows}), filename="x.xlsx", dry_run=False
    )
    assert [str(p) for p in outcome.problems] == [
        "Measurements, row 3, column Indicator: You may not change indicator EI01."
    ]
    assert not Measurement.objects.filter(period="2017/18-Q3").exists()  # all or nothing
    people = xlsx({"People": [["Username", "Roles"], ["newperson", "reader"]]})
    outcome = import_file(user=council["editor"], data=people, filename="p.xlsx", dry_run=False)
    assert [str(p) for p in outcome.problems] == [
        "People, row 2: Only the performance and risk team can add or change people."
    ]


def test_only_the_indicators_owner_or_the_team_approves_a_value(council, performance_workbook):
    """indicator_access(user, "approve"), the project's rule: an indicator's owner or an
    administrator approves (or returns) its values; a directorate editor who does not own the
    indicator records values but does not approve them."""
    import_file(user=council["admin"], data=performance_workbook, filename="q2.xlsx", dry_run=False)
    indicators = [
        INDICATORS[0],
        ["ASC02", "Carers assessed", "ASC", "number", "higher", "quarterly", "reader"],
    ]
    import_file(
        user=council["admin"],
        data=xlsx({"Indicators": indicators}),
        filename="i.xlsx",
        dry_run=False,
    )
    rows = [MEASUREMENTS[0], ["ASC02", "2017/18-Q2", 40, "", "approved"]]
    outcome = import_file(
        user=council["editor"], data=xlsx({"Measurements": rows}), filename="x.xlsx", dry_run=False
    )
    assert [str(p) for p in outcome.problems] == [
        "Measurements, row 2, column State: Only the indicator's owner Ruth Bennett or a performance administrator can approve this value."
    ]
    rows = [MEASUREMENTS[0], ["ASC01", "2017/18-Q2", 29.1, "", "submitted"]]
    import_file(
        user=council["admin"], data=xlsx({"Measurements": rows}), filename="x.xlsx", dry_run=False
    )
    rows = [MEASUREMENTS[0], ["ASC01", "2017/18-Q2", 29.1, "", "approved"]]  # the editor owns ASC01
    outcome = import_file(
        user=council["editor"], data=xlsx({"Measurements": rows}), filename="x.xlsx", dry_run=False
    )
    assert [str(p) for p in outcome.problems] == []
    assert Measurement.objects.get(indicator__code="ASC01", period="2017/18-Q2").state == "approved"


def test_indicators_and_targets_are_set_by_the_performance_team(council, performance_workbook):
    """performance.access.user_can_administer, the project's rule: creating or changing an
    indicator and setting its targets is for the performance team, as on the web; a directorate
    editor records the values of their directorate's indicators."""
    import_file(user=council["admin"], data=performance_workbook, filename="q2.xlsx", dry_run=False)
    indicators = [row[:] for row in INDICATORS[:2]]
    indicators[1][1] = "Direct payments"
    data = xlsx({"Indicators": indicators, "Targets": [TARGETS[0], ["ASC01", "2017/18", 35]]})
    outcome = import_file(user=council["editor"], data=data, filename="x.xlsx", dry_run=False)
    assert [str(p) for p in outcome.problems] == [
        "Indicators, row 2: Only the performance and risk team can add or change indicators.",
        "Targets, row 2: Only the performance and risk team can add or change targets.",
    ]
    same = xlsx(
        {"Indicators": INDICATORS[:2], "Targets": TARGETS[:2], "Measurements": MEASUREMENTS[:2]}
    )
    outcome = import_file(user=council["editor"], data=same, filename="x.xlsx", dry_run=False)
    assert [str(p) for p in outcome.problems] == []  # unchanged rows are no change


RISKS = [
    ["Reference", "Title", "Register", "Category", "Owner", "Inherent likelihood", "Inherent impact",
     "Current likelihood", "Current impact", "Identified on", "Confidential"],
    ["ASC-R1", "Care market failure", "Adult Services Risk Register", "Financial", "editor", 5, 5, 4, 4, dt.date(2017, 4, 3), "No"],
    ["CR2", "Cyber attack", "Corporate Risk Register", "information", "Alex Morgan", 4, 5, 3, 5, dt.date(2017, 4, 3), "Yes"],
]  # fmt: skip
CONTROLS = [["Risk", "Description", "Effectiveness"], ["CR2", "Firewall and patching", "effective"]]
ACTIONS = [
    ["Risk", "Description", "Owner", "Due on", "Status", "Percent complete"],
    ["ASC-R1", "Provider failure plan", "editor", dt.date(2018, 3, 31), "in_progress", 40],
]
ASSESSMENTS = [
    ["Risk", "Assessed on", "Likelihood", "Impact", "Commentary"],
    ["ASC-R1", dt.date(2017, 9, 29), 4, 4, "No change."],
    ["CR2", dt.date(2017, 9, 29), 3, 5, "Patched."],
]


def test_risks_with_controls_actions_and_assessments(council):
    data = xlsx(
        {"Risks": RISKS, "Controls": CONTROLS, "Actions": ACTIONS, "Assessments": ASSESSMENTS}
    )
    outcome = import_file(user=council["admin"], data=data, filename="risks.xlsx", dry_run=False)
    assert [str(p) for p in outcome.problems] == []
    cyber = Risk.objects.get(reference="CR2")
    assert (cyber.owner, cyber.is_confidential, cyber.current_score) == (council["admin"], True, 15)
    assert Control.objects.get(risk=cyber).effectiveness == "effective"
    assert Action.objects.get().percent_complete == 40
    assert Assessment.objects.count() == 2
    assert cyber.last_reviewed_on == dt.date(2017, 9, 29)
    again = import_file(user=council["admin"], data=data, filename="risks.xlsx", dry_run=False)
    assert again.totals()["created"] == again.totals()["changed"] == 0
    assert Assessment.objects.count() == 2


def test_an_actions_owner_reports_its_progress_but_does_not_change_the_risk(council):
    """action_access, the project's rule: actions follow their risk, and an action's owner may
    also report progress on it; giving the action to someone else needs the risk's editors."""
    actions = [row[:] for row in ACTIONS]
    actions[1][2] = "reader"  # on ASC-R1, which the reader reads and may not change
    data = xlsx({"Risks": RISKS, "Actions": actions})
    assert import_file(user=council["admin"], data=data, filename="r.xlsx", dry_run=False).ok
    actions[1][5] = 70
    outcome = import_file(
        user=council["reader"], data=xlsx({"Actions": actions}), filename="a.xlsx", dry_run=False
    )
    assert [str(p) for p in outcome.problems] == []
    assert Action.objects.get().percent_complete == 70
    actions[1][2] = "editor"
    outcome = import_file(
        user=council["reader"], data=xlsx({"Actions": actions}), filename="a.xlsx", dry_run=False
    )
    assert [str(p) for p in outcome.problems] == [
        "Actions, row 2, column Owner: You may report progress on this action but not change risk ASC-R1."
    ]
    actions[1][1] = "A new action"
    outcome = import_file(
        user=council["reader"], data=xlsx({"Actions": actions}), filename="a.xlsx", dry_run=False
    )
    assert [str(p) for p in outcome.problems] == [
        "Actions, row 2, column Risk: You may not change risk ASC-R1."
    ]


def test_risk_rules_a_likelihood_off_the_matrix_and_an_action_without_owner(council):
    risks = [row[:] for row in RISKS]
    risks[1][7] = 6
    actions = [row[:] for row in ACTIONS]
    actions[1][2] = ""
    data = xlsx({"Risks": risks, "Actions": actions})
    outcome = import_file(user=council["admin"], data=data, filename="risks.xlsx", dry_run=False)
    messages = [str(p) for p in outcome.problems]
    assert any(m.startswith("Risks, row 2, column Current likelihood:") for m in messages), messages
    assert "Actions, row 2, column Owner: This column must be filled in." in messages
    assert Risk.objects.count() == 0


def test_a_csv_file_imports_as_the_sheet_its_name_says(council, realdata_dir, tmp_path):
    text = "Code,Title,Directorate\nPH01,Smoking quitters,PH\n"
    outcome = import_file(
        user=council["admin"],
        data=text.encode("utf-8-sig"),
        filename="indicators.csv",
        dry_run=False,
    )
    assert outcome.ok
    assert Indicator.objects.get(code="PH01").directorate.code == "PH"
