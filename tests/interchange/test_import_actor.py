"""An import records the person importing, at the council clock's present moment, as the one who
assessed a risk, asked for an escalation or decided it: a file cannot name somebody else, or
choose when they acted. A row naming another person is refused with its row and column, and
nothing is written."""

import datetime as dt

import pytest

from scorecard.interchange.services import import_file
from scorecard.organisation import clock
from scorecard.risks.choices import EscalationStatus
from scorecard.risks.models import Assessment, Escalation, Risk

from .conftest import xlsx
from .test_import import RISKS

pytestmark = pytest.mark.django_db

ASSESSMENT = ["Risk", "Assessed on", "Likelihood", "Impact", "Commentary", "Assessor"]
ESCALATION = ["Risk", "Direction", "To register", "Reason", "Requested by", "Requested at",
              "Status", "Decided by", "Decided at"]  # fmt: skip
CHOSEN = "02/10/2017 09:30"


def imported(user, sheets: dict):
    return import_file(user=user, data=xlsx(sheets), filename="in.xlsx", dry_run=False)


def problems(outcome) -> list[str]:
    return [str(p) for p in outcome.problems]


@pytest.fixture
def market(council):
    assert problems(imported(council["admin"], {"Risks": RISKS})) == []
    return Risk.objects.get(reference="ASC-R1")  # Adult Services: the editor's


def test_an_assessment_naming_another_assessor_is_refused(council, market):
    rows = [ASSESSMENT, ["ASC-R1", dt.date(2017, 9, 29), 3, 4, "Fewer providers.", "admin"]]
    outcome = imported(council["editor"], {"Assessments": rows})
    assert problems(outcome) == [
        "Assessments, row 2, column Assessor: 'admin' is not you: an import records you, "
        "editor, as the assessor. Leave the column empty, or ask admin to record it."
    ]
    assert not Assessment.objects.exists()
    assert Risk.objects.get(pk=market.pk).current_score == 16


@pytest.mark.parametrize("named", ["editor", "Erin Shaw", ""])
def test_an_assessment_is_recorded_as_the_person_importing(council, market, named):
    rows = [ASSESSMENT, ["ASC-R1", dt.date(2017, 9, 29), 3, 4, "Fewer providers.", named]]
    assert problems(imported(council["editor"], {"Assessments": rows})) == []
    assessment = Assessment.objects.get()
    assert (assessment.assessor.username, assessment.score) == ("editor", 12)


def test_an_escalation_requested_in_another_name_is_refused(council, market):
    rows = [ESCALATION, ["ASC-R1", "up", "Corporate Risk Register", "Whole council.", "admin",
                         CHOSEN, "", "", ""]]  # fmt: skip
    outcome = imported(council["editor"], {"Escalations": rows})
    assert problems(outcome) == [
        "Escalations, row 2, column Requested by: 'admin' is not you: an import records you, "
        "editor, as the person asking. Leave the column empty, or ask admin to record it."
    ]
    assert not Escalation.objects.exists()


def test_an_escalation_is_requested_by_the_person_importing_now(council, market):
    rows = [ESCALATION, ["ASC-R1", "up", "Corporate Risk Register", "Whole council.", "",
                         CHOSEN, "", "", ""]]  # fmt: skip
    before = clock.now()
    outcome = imported(council["editor"], {"Escalations": rows})
    assert problems(outcome) == []
    escalation = Escalation.objects.get()
    assert escalation.requested_by == council["editor"]
    assert before <= escalation.requested_at <= clock.now()  # not 2 October 2017
    notice = outcome.notices[0]
    assert (notice.row, notice.column) == (2, "Requested at")
    assert notice.message.endswith("not at the time given")

    again = imported(council["editor"], {"Escalations": rows})  # the same file twice
    assert problems(again) == [] and again.totals()["created"] == 0
    assert Escalation.objects.count() == 1


def test_only_the_risk_team_decides_an_escalation_whichever_way_in(council, market):
    """The service decides who may decide: the importer has no check of its own."""
    rows = [ESCALATION, ["ASC-R1", "up", "Corporate Risk Register", "Whole council.", "",
                         CHOSEN, "accepted", "", ""]]  # fmt: skip
    outcome = imported(council["editor"], {"Escalations": rows})
    assert problems(outcome) == [
        "Escalations, row 2, column Status: Only the performance and risk team decide escalations."
    ]
    assert not Escalation.objects.exists()
    assert Risk.objects.get(pk=market.pk).escalated_to is None


def test_a_decision_in_another_name_or_at_a_chosen_time_is_the_importers_now(council, market):
    request = [ESCALATION, ["ASC-R1", "up", "Corporate Risk Register", "Whole council.", "",
                            CHOSEN, "", "", ""]]  # fmt: skip
    assert problems(imported(council["editor"], {"Escalations": request})) == []
    decision = [row[:] for row in request]
    decision[1][6:9] = ["accepted", "editor", "09/10/2017 14:00"]
    outcome = imported(council["admin"], {"Escalations": decision})
    assert problems(outcome) == [
        "Escalations, row 2, column Decided by: 'editor' is not you: an import records you, "
        "admin, as the person deciding. Leave the column empty, or ask editor to record it."
    ]
    assert Escalation.objects.get().status == EscalationStatus.REQUESTED

    decision[1][7] = "admin"
    before = clock.now()
    outcome = imported(council["admin"], {"Escalations": decision})
    assert problems(outcome) == []
    escalation = Escalation.objects.select_related("risk").get()
    assert (escalation.status, escalation.decided_by) == (
        EscalationStatus.ACCEPTED,
        council["admin"],
    )
    assert before <= escalation.decided_at <= clock.now()
    assert [n.column for n in outcome.notices] == ["Decided at"]
    assert escalation.risk.escalated_to.name == "Corporate Risk Register"
