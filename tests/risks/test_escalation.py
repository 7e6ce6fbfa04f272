"""Escalation up to the corporate register and back: request, decision, all logged."""

import pytest
from django.core.exceptions import ValidationError

from scorecard.organisation.choices import Role
from scorecard.organisation.services import membership_create
from scorecard.risks import selectors, services
from scorecard.risks.choices import EscalationStatus, RegisterKind, RiskStatus
from scorecard.risks.models import Escalation

from .factories import (
    DirectorateFactory,
    RiskFactory,
    UserFactory,
    corporate_register,
    default_matrix,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    default_matrix()
    corporate = corporate_register()
    adults = DirectorateFactory(name="Adult Services")
    directorate = services.register_create(
        name="Adult Services register",
        kind=RegisterKind.DIRECTORATE,
        directorate=adults,
        parent=corporate,
    )
    project = services.register_create(
        name="Care system project",
        kind=RegisterKind.PROJECT,
        directorate=adults,
        parent=directorate,
    )
    other = services.register_create(
        name="Highways register", kind=RegisterKind.DIRECTORATE, directorate=DirectorateFactory()
    )
    risk = RiskFactory(reference="P1", register=project)
    director = UserFactory(username="director")  # decides for the performance and risk team
    membership_create(person=director, role=Role.ADMINISTRATOR, directorate=None)
    return {
        "corporate": corporate,
        "directorate": directorate,
        "project": project,
        "other": other,
        "risk": risk,
        "manager": UserFactory(username="manager"),
        "director": director,
    }


def on_register(register):
    return [r.reference for r in selectors.risks_on_register(register=register)]


def test_a_project_risk_goes_up_to_the_corporate_register_and_back(tree):
    risk = tree["risk"]
    request = services.escalation_request(
        risk=risk,
        to_register=tree["corporate"],
        reason="Go-live slips past the contract end.",
        requested_by=tree["manager"],
    )
    assert request.from_register == tree["project"]
    assert on_register(tree["corporate"]) == []  # nothing moves until someone decides
    services.escalation_decide(escalation=request, accepted=True, decided_by=tree["director"])
    request.refresh_from_db()
    assert (request.status, request.decided_by) == (EscalationStatus.ACCEPTED, tree["director"])
    assert request.decided_at is not None
    risk.refresh_from_db()
    assert risk.status == RiskStatus.ESCALATED
    assert on_register(tree["corporate"]) == ["P1"]
    assert on_register(tree["project"]) == []

    back = services.escalation_request_return(
        risk=risk, reason="New supplier in place.", requested_by=tree["director"]
    )
    assert (back.from_register, back.to_register) == (tree["corporate"], tree["project"])
    services.escalation_decide(escalation=back, accepted=True, decided_by=tree["director"])
    risk.refresh_from_db()
    assert (risk.status, risk.escalated_to) == (RiskStatus.OPEN, None)
    assert on_register(tree["project"]) == ["P1"]
    assert Escalation.objects.filter(risk=risk).count() == 2  # both moves stay on record


def test_escalation_to_a_register_that_is_not_above_is_refused(tree):
    for register in (tree["other"], tree["project"]):
        with pytest.raises(ValidationError) as refused:
            services.escalation_request(
                risk=tree["risk"],
                to_register=register,
                reason="Why not.",
                requested_by=tree["manager"],
            )
        assert refused.value.message_dict == {
            "to_register": [
                f"{register} is not above Care system project: a risk can only be escalated "
                "to a register above the one it is on."
            ]
        }
    assert not Escalation.objects.exists()


def test_the_corporate_register_is_above_a_register_with_no_parent(tree):
    risk = RiskFactory(register=tree["other"])
    request = services.escalation_request(
        risk=risk,
        to_register=tree["corporate"],
        reason="Bridge closure.",
        requested_by=tree["manager"],
    )
    assert request.direction == "up"


def test_a_declined_request_leaves_the_risk_where_it_was_and_cannot_be_decided_twice(tree):
    request = services.escalation_request(
        risk=tree["risk"],
        to_register=tree["directorate"],
        reason="Budget.",
        requested_by=tree["manager"],
    )
    with pytest.raises(ValidationError, match="already has a request awaiting decision"):
        services.escalation_request(
            risk=tree["risk"],
            to_register=tree["corporate"],
            reason="Again.",
            requested_by=tree["manager"],
        )
    services.escalation_decide(
        escalation=request, accepted=False, decided_by=tree["director"], note="Managed locally."
    )
    tree["risk"].refresh_from_db()
    assert tree["risk"].status == RiskStatus.OPEN
    with pytest.raises(ValidationError, match="already declined"):
        services.escalation_decide(escalation=request, accepted=True, decided_by=tree["director"])


def test_a_request_needs_a_reason_and_an_open_risk(tree):
    with pytest.raises(ValidationError) as refused:
        services.escalation_request(
            risk=tree["risk"],
            to_register=tree["corporate"],
            reason=" ",
            requested_by=tree["manager"],
        )
    assert list(refused.value.message_dict) == ["reason"]
    services.risk_close(risk=tree["risk"], reason="Project finished.")
    with pytest.raises(ValidationError, match="closed"):
        services.escalation_request(
            risk=tree["risk"],
            to_register=tree["corporate"],
            reason="Late.",
            requested_by=tree["manager"],
        )
    at_home = RiskFactory(register=tree["project"], reference="P2")
    with pytest.raises(ValidationError, match="not escalated"):
        services.escalation_request_return(
            risk=at_home, reason="Back down.", requested_by=tree["manager"]
        )


def test_only_the_team_decides_an_escalation_whoever_calls_the_service(tree):
    request = services.escalation_request(
        risk=tree["risk"], to_register=tree["directorate"], requested_by=tree["manager"],
        reason="Beyond the project's control.",
    )  # fmt: skip
    with pytest.raises(ValidationError) as refused:
        services.escalation_decide(escalation=request, accepted=True, decided_by=tree["manager"])
    assert refused.value.message_dict == {
        "status": ["Only the performance and risk team decide escalations."]
    }
    assert Escalation.objects.get(pk=request.pk).status == EscalationStatus.REQUESTED
