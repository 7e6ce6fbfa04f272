"""Deciding an escalation through the import takes the same right as on its page: only the
performance and risk team decide, and a refused file writes nothing."""

import pytest

from scorecard.interchange.services import import_file
from scorecard.risks.choices import EscalationStatus, RiskStatus
from scorecard.risks.models import Escalation, Risk

from .conftest import xlsx
from .test_setup_sheets import good_sheets

pytestmark = pytest.mark.django_db


def sheets(status: str) -> dict:
    """Adult Services' risk CR12, open, and a request to escalate it with the given status."""
    all_sheets = good_sheets()
    risks = [row[:] for row in all_sheets["Risks"]]
    risks[1][-1] = "open"
    escalations = [row[:] for row in all_sheets["Escalations"]]
    escalations[1][7] = status
    escalations[1][5] = escalations[1][8] = ""  # asked and decided by whoever imports it
    return {"Risks": risks, "Escalations": escalations}


def test_a_directorate_editor_cannot_accept_an_escalation_through_the_import(council):
    outcome = import_file(
        user=council["admin"], data=xlsx({"Risks": sheets("requested")["Risks"]}),
        filename="risks.xlsx", dry_run=False,
    )  # fmt: skip
    assert [str(p) for p in outcome.problems] == []
    outcome = import_file(
        user=council["editor"], data=xlsx(sheets("accepted")), filename="decided.xlsx",
        dry_run=False,
    )  # fmt: skip
    messages = [str(p) for p in outcome.problems]
    assert messages == [
        "Escalations, row 2, column Status: Only the performance and risk team decide escalations."
    ]
    assert Escalation.objects.count() == 0  # nothing written, not even the request
    assert Risk.objects.get(reference="CR12").status == RiskStatus.OPEN


def test_the_performance_and_risk_team_accepts_it(council):
    outcome = import_file(
        user=council["admin"], data=xlsx(sheets("accepted")), filename="decided.xlsx",
        dry_run=False,
    )  # fmt: skip
    assert [str(p) for p in outcome.problems] == []
    escalation = Escalation.objects.get()
    assert escalation.status == EscalationStatus.ACCEPTED
    assert escalation.decided_by == council["admin"]
