"""Existing controls and further actions."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction

from scorecard.actions import services as actions
from scorecard.actions.services import action_update  # noqa: F401 (a risk's actions are actions)
from scorecard.organisation.models import User

from ..choices import ControlEffectiveness, RiskStatus
from ..models import Action, Control, Risk


def _refuse_if_closed(risk: Risk) -> None:
    if risk.status == RiskStatus.CLOSED:
        raise ValidationError({"risk": f"Risk {risk.reference} is closed: reopen it first."})


@transaction.atomic
def control_create(
    *,
    risk: Risk,
    description: str,
    owner: User | None = None,
    effectiveness: ControlEffectiveness = ControlEffectiveness.NOT_ASSESSED,
) -> Control:
    _refuse_if_closed(risk)
    control = Control(risk=risk, description=description, owner=owner, effectiveness=effectiveness)
    control.full_clean()
    control.save()
    return control


@transaction.atomic
def control_archive(*, control: Control) -> Control:
    """A control no longer in place is archived, not deleted, so past reports still make sense."""
    control.is_archived = True
    control.save(update_fields=["is_archived"])
    return control


@transaction.atomic
def control_update(
    *,
    control: Control,
    description: str,
    owner: User | None,
    effectiveness: ControlEffectiveness,
    is_archived: bool = False,
) -> Control:
    """Change a control; one no longer in place is archived (kept, never deleted)."""
    _refuse_if_closed(control.risk)
    control.description = description
    control.owner = owner
    control.effectiveness = effectiveness
    control.is_archived = is_archived
    control.full_clean()
    control.save(update_fields=["description", "owner", "effectiveness", "is_archived"])
    return control


@transaction.atomic
def action_create(
    *,
    risk: Risk,
    description: str,
    owner: User | None,
    due_on: dt.date,
    already_agreed: bool = False,
) -> Action:
    """Add a further action; every action needs an owner and a due date, today or later unless
    `already_agreed` (actions.services.action_create)."""
    _refuse_if_closed(risk)
    return actions.action_create(
        subject=risk,
        description=description,
        owner=owner,
        due_on=due_on,
        already_agreed=already_agreed,
    )
