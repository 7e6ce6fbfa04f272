"""Existing controls and further actions."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction

from scorecard.organisation import clock
from scorecard.organisation.models import User

from ..choices import ActionStatus, ControlEffectiveness, RiskStatus
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
) -> Action:
    """Add a further action; every action needs an owner and a due date."""
    _refuse_if_closed(risk)
    if owner is None:
        raise ValidationError({"owner": "Every action needs an owner: choose who will do it."})
    action = Action(risk=risk, description=description, owner=owner, due_on=due_on)
    action.full_clean()
    action.save()
    return action


@transaction.atomic
def action_update(
    *,
    action: Action,
    status: ActionStatus | None = None,
    percent_complete: int | None = None,
    progress: str | None = None,
    on_track: bool | None = None,
    revised_due_on: dt.date | None = None,
    owner: User | None = None,
) -> Action:
    """Report progress on an action. The original due date never changes; a new one is a revision."""
    changes = {
        name: value
        for name, value in {
            "status": status,
            "percent_complete": percent_complete,
            "progress": progress,
            "on_track": on_track,
            "revised_due_on": revised_due_on,
            "owner": owner,
        }.items()
        if value is not None
    }
    if revised_due_on is not None and revised_due_on < action.due_on:
        raise ValidationError(
            {"revised_due_on": "A revised date comes after the original due date."}
        )
    for name, value in changes.items():
        setattr(action, name, value)
    if status == ActionStatus.COMPLETED:
        action.completed_on = action.completed_on or clock.today()
        action.percent_complete = 100
        changes.update(completed_on=action.completed_on, percent_complete=100)
    action.full_clean()
    action.save(update_fields=list(changes))
    return action
