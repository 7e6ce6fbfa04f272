"""Escalating a risk to a higher register and returning it: a request, then a decision."""

from django.core.exceptions import ValidationError
from django.db import transaction

from scorecard.organisation import clock
from scorecard.organisation.access import Action
from scorecard.organisation.models import User

from ..access import can
from ..choices import EscalationDirection, EscalationStatus, RegisterKind, RiskStatus
from ..models import Escalation, Register, Risk


def registers_above(register: Register) -> list[Register]:
    """Every register above this one: its parents up the chain, then the corporate register,
    which is above every other register even where no parent was recorded."""
    above, parent = [], register.parent
    while parent is not None:
        above.append(parent)
        parent = parent.parent
    if register.kind != RegisterKind.CORPORATE:
        corporate = Register.objects.filter(kind=RegisterKind.CORPORATE).first()
        if corporate is not None and corporate not in above:
            above.append(corporate)
    return above


def _current_register(risk: Risk) -> Register:
    """Where the risk is reported now: the register it was escalated to, else its own."""
    return risk.escalated_to or risk.register


def _check_can_move(risk: Risk) -> None:
    if risk.status == RiskStatus.CLOSED:
        raise ValidationError({"risk": f"Risk {risk.reference} is closed, so it cannot move."})
    if risk.escalations.filter(status=EscalationStatus.REQUESTED).exists():
        raise ValidationError(
            {"risk": f"Risk {risk.reference} already has a request awaiting decision."}
        )


def _request(
    *, risk: Risk, to_register: Register, direction: str, reason: str, requested_by: User
) -> Escalation:
    if not reason.strip():
        raise ValidationError({"reason": "Give the reason for moving the risk."})
    escalation = Escalation(
        risk=risk,
        direction=direction,
        from_register=_current_register(risk),
        to_register=to_register,
        reason=reason.strip(),
        requested_by=requested_by,
        requested_at=clock.now(),
    )
    escalation.full_clean()
    escalation.save()
    return escalation


@transaction.atomic
def escalation_request(
    *, risk: Risk, to_register: Register, reason: str, requested_by: User
) -> Escalation:
    """Ask for a risk to be reported on a higher register (usually the corporate one)."""
    _check_can_move(risk)
    current = _current_register(risk)
    if to_register not in registers_above(current):
        raise ValidationError(
            {
                "to_register": f"{to_register} is not above {current}: a risk can only be "
                "escalated to a register above the one it is on."
            }
        )
    if to_register.is_archived:
        raise ValidationError({"to_register": f"{to_register} is archived."})
    return _request(
        risk=risk,
        to_register=to_register,
        direction=EscalationDirection.UP,
        reason=reason,
        requested_by=requested_by,
    )


@transaction.atomic
def escalation_request_return(*, risk: Risk, reason: str, requested_by: User) -> Escalation:
    """Ask for an escalated risk to go back to its own register."""
    _check_can_move(risk)
    if risk.escalated_to_id is None:
        raise ValidationError(
            {"risk": f"Risk {risk.reference} is not escalated: it is already on its own register."}
        )
    return _request(
        risk=risk,
        to_register=risk.register,
        direction=EscalationDirection.DOWN,
        reason=reason,
        requested_by=requested_by,
    )


@transaction.atomic
def escalation_decide(
    *, escalation: Escalation, accepted: bool, decided_by: User, note: str = ""
) -> Escalation:
    """Accept or decline a request, recording who decided and when; accepting moves the risk."""
    escalation = Escalation.objects.select_for_update().select_related("risk").get(pk=escalation.pk)
    if escalation.status != EscalationStatus.REQUESTED:
        raise ValidationError(
            {"escalation": f"This request was already {escalation.get_status_display().lower()}."}
        )
    risk = escalation.risk
    if not can(decided_by, Action.DECIDE, risk):  # whoever asks: the page, an import
        raise ValidationError({"status": "Only the performance and risk team decide escalations."})
    if accepted and risk.status == RiskStatus.CLOSED:
        raise ValidationError({"risk": f"Risk {risk.reference} has been closed since the request."})
    escalation.status = EscalationStatus.ACCEPTED if accepted else EscalationStatus.DECLINED
    escalation.decided_by = decided_by
    escalation.decided_at = clock.now()
    escalation.decision_note = note.strip()
    escalation.full_clean()
    escalation.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    if accepted:
        going_up = escalation.direction == EscalationDirection.UP
        risk.escalated_to = escalation.to_register if going_up else None
        risk.status = RiskStatus.ESCALATED if going_up else RiskStatus.OPEN
        risk.full_clean()
        risk.save(update_fields=["escalated_to", "status"])
    return escalation
