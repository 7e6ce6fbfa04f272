"""Every write to actions, extension requests and audits."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction

from scorecard.core.actions_due import may_decide_extension, may_verify
from scorecard.history import record_version
from scorecard.organisation import clock
from scorecard.organisation.models import User

from .access import user_keeps_audits
from .choices import ACTION_STATUSES_OPEN, ActionStatus, ExtensionDecision
from .models import SUBJECT_FIELDS, Action, Audit, ExtensionRequest


@transaction.atomic
def action_create(
    *,
    subject,
    description: str,
    owner: User | None,
    due_on: dt.date | None,
    already_agreed: bool = False,
    **facts,
) -> Action:
    """Add an action to its subject (a risk, an indicator, a project, or an audit, where it is a
    recommendation); every action needs an owner and a due date (`_check_due_on`).
    `already_agreed`: an import or the demo records actions agreed before today, some overdue."""
    if owner is None:
        raise ValidationError({"owner": "Every action needs an owner: choose who will do it."})
    if due_on is None:
        raise ValidationError({"due_on": "Every action needs a due date."})
    field = subject._meta.model_name
    if field not in SUBJECT_FIELDS:
        raise ValidationError(f"An action cannot belong to a {subject._meta.verbose_name}.")
    _check_due_on(subject, due_on, already_agreed=already_agreed)
    action = Action(
        description=description, owner=owner, due_on=due_on, **{field: subject}, **facts
    )
    action.full_clean()
    action.save()
    return action


def _check_due_on(subject, due_on: dt.date, *, already_agreed: bool) -> None:
    """A new action is due today or later: a date already past is a slip of the keyboard, and
    would put the action on its owner's overdue list the moment it is added. A recommendation
    may be recorded after its audit was issued, so its date may have passed, but it is never due
    before the audit was issued."""
    if isinstance(subject, Audit):
        if subject.issued_on and due_on < subject.issued_on:
            raise ValidationError(
                {
                    "due_on": f"A recommendation cannot be due before its audit was issued "
                    f"({subject.issued_on:%-d %B %Y}): check the due date."
                }
            )
        return
    today = clock.today()
    if not already_agreed and due_on < today:
        raise ValidationError(
            {
                "due_on": f"The due date {due_on:%-d %B %Y} has passed: a new action is due "
                f"today ({today:%-d %B %Y}) or later."
            }
        )


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
    evidence: str | None = None,
    by: User | None = None,
) -> Action:
    """Report progress. The original due date never changes; a new one is a revision. A
    recommendation marked implemented records who did it, so someone else verifies it."""
    changes = {
        name: value
        for name, value in {
            "status": status,
            "percent_complete": percent_complete,
            "progress": progress,
            "on_track": on_track,
            "revised_due_on": revised_due_on,
            "owner": owner,
            "evidence": evidence,
        }.items()
        if value is not None
    }
    if revised_due_on is not None and revised_due_on < action.due_on:
        raise ValidationError(
            {"revised_due_on": "A revised date comes after the original due date."}
        )
    if status == ActionStatus.VERIFIED and action.status != ActionStatus.VERIFIED:
        raise ValidationError({"status": "A recommendation is verified by its own step."})
    if action.is_recommendation and status is not None and status != action.status:
        _check_recommendation_move(action, status, evidence=evidence, by=by)
    reopened = status in ACTION_STATUSES_OPEN and action.status not in ACTION_STATUSES_OPEN
    for name, value in changes.items():
        setattr(action, name, value)
    if reopened:  # back to work: it is no longer done, nor implemented by anyone
        action.completed_on, action.implemented_by = None, None
        changes.update(completed_on=None, implemented_by=None)
    if status in (ActionStatus.COMPLETED, ActionStatus.IMPLEMENTED):
        action.completed_on = action.completed_on or clock.today()
        action.percent_complete = 100
        changes.update(completed_on=action.completed_on, percent_complete=100)
    if status == ActionStatus.IMPLEMENTED:
        action.implemented_by = by or action.owner
        changes.update(implemented_by=action.implemented_by)
    action.full_clean()
    action.save(update_fields=list(changes))
    return action


def _check_recommendation_move(action: Action, status: str, *, evidence, by) -> None:
    """A recommendation moves through internal audit's steps, whoever saves it (a form, an
    import): implemented only with evidence, cancelled only by internal audit, and once verified
    it stays verified."""
    if action.status == ActionStatus.VERIFIED:
        raise ValidationError(
            {"status": "This recommendation is verified: its status no longer changes."}
        )
    if status == ActionStatus.IMPLEMENTED and not (evidence or action.evidence or "").strip():
        raise ValidationError({"evidence": "Say what shows the recommendation is implemented."})
    if status == ActionStatus.CANCELLED and not (by is not None and user_keeps_audits(by)):
        raise ValidationError({"status": "Only internal audit cancels a recommendation."})


@transaction.atomic
def action_progress(
    *, action: Action, seen_version: int, by: User | None = None, **changes
) -> Action:
    """Report progress from a form: refused, writing nothing, when someone else saved the action
    since the form was opened."""
    action = Action.objects.select_for_update().get(pk=action.pk)
    if record_version(action) != seen_version:
        raise ValidationError(
            {
                "version": "Someone else changed this action since you opened it: check their change below."
            }
        )
    if "progress" in changes:
        changes["progress"] = changes["progress"].strip()
    return action_update(action=action, by=by, **changes)


@transaction.atomic
def recommendation_verify(*, action: Action, by: User) -> Action:
    """Internal audit confirms an implemented recommendation: never the person who marked it
    implemented."""
    if action.status != ActionStatus.IMPLEMENTED:
        raise ValidationError({"status": "Only an implemented recommendation can be verified."})
    if not may_verify(by.pk, action.implemented_by_id):
        raise ValidationError(
            {"verified_by": "You marked it implemented: someone else verifies it."}
        )
    action.status = ActionStatus.VERIFIED
    action.verified_by, action.verified_on = by, clock.today()
    action.full_clean()
    action.save(update_fields=["status", "verified_by", "verified_on"])
    return action


@transaction.atomic
def recommendation_send_back(*, action: Action, by: User, note: str) -> Action:
    """Internal audit finds the evidence short: the recommendation goes back to its owner, in
    progress, with the reason at the head of its progress (the earlier text stays in history)."""
    if action.status != ActionStatus.IMPLEMENTED:
        raise ValidationError({"status": "Only an implemented recommendation can be sent back."})
    if not may_verify(by.pk, action.implemented_by_id):
        raise ValidationError(
            {"decision": "You marked it implemented: someone else in internal audit checks it."}
        )
    if not note.strip():
        raise ValidationError({"note": "Say what the evidence lacks, so the owner can act on it."})
    sent_back = f"Sent back by {by.get_full_name() or by.username} on {clock.today():%-d %B %Y}: {note.strip()}"
    return action_update(
        action=action,
        status=ActionStatus.IN_PROGRESS,
        progress="\n\n".join(text for text in [sent_back, action.progress] if text),
        by=by,
    )


@transaction.atomic
def extension_request(
    *, action: Action, requested_by: User, new_due_on: dt.date | None, reason: str
) -> ExtensionRequest:
    """Ask to move the due date; the date stays as it is until someone else approves."""
    if action.extensions.filter(decision=ExtensionDecision.PENDING).exists():
        raise ValidationError({"new_due_on": "An extension is already waiting for a decision."})
    if new_due_on is None or new_due_on <= action.current_due_on:
        raise ValidationError(
            {
                "new_due_on": f"Enter a date after the current due date, {action.current_due_on:%-d %B %Y}."
            }
        )
    today = clock.today()
    if new_due_on < today:
        # A date already past would leave the action overdue the day it is granted.
        raise ValidationError(
            {
                "new_due_on": f"The new due date {new_due_on:%-d %B %Y} has passed: ask for "
                f"today ({today:%-d %B %Y}) or later."
            }
        )
    if not reason.strip():
        raise ValidationError({"reason": "Say why more time is needed."})
    extension = ExtensionRequest(
        action=action,
        requested_by=requested_by,
        requested_on=today,
        new_due_on=new_due_on,
        reason=reason,
    )
    extension.full_clean()
    extension.save()
    return extension


@transaction.atomic
def extension_decide(
    *, extension: ExtensionRequest, decided_by: User, approve: bool, note: str = ""
) -> ExtensionRequest:
    """Approve (the action's revised due date becomes the new date; the old one stays in the
    action's history) or refuse, by someone other than who asked."""
    if extension.decision != ExtensionDecision.PENDING:
        raise ValidationError({"decision": "This extension has already been decided."})
    if not may_decide_extension(decided_by.pk, extension.requested_by_id):
        raise ValidationError(
            {"decision": "You asked for this extension: someone else decides it."}
        )
    if not approve and not note.strip():  # the owner must learn why the date stands
        raise ValidationError({"note": "Say why the extension is refused."})
    extension.decision = ExtensionDecision.APPROVED if approve else ExtensionDecision.REFUSED
    extension.decided_by, extension.decided_on = decided_by, clock.today()
    extension.decision_note = note
    extension.full_clean()
    extension.save()
    if approve:
        action = extension.action
        action.revised_due_on = extension.new_due_on
        action.save(update_fields=["revised_due_on"])
    return extension


def _refuse_taken_reference(audit: Audit) -> None:
    """In the council's words, not the model's ("Audit with this Reference already exists.")."""
    taken = Audit.objects.filter(reference__iexact=audit.reference.strip()).exclude(pk=audit.pk)
    if audit.reference.strip() and taken.exists():
        raise ValidationError(
            {
                "reference": f"There is already an audit {audit.reference.strip()}: give this one another reference."
            }
        )


def _refuse_issued_in_future(audit: Audit) -> None:
    """A final report cannot have been issued after the council's today."""
    if audit.issued_on and audit.issued_on > clock.today():
        raise ValidationError(
            {"issued_on": "The date the final report was issued must be today or earlier."}
        )


@transaction.atomic
def audit_create(*, reference: str, title: str, financial_year: str, **facts) -> Audit:
    audit = Audit(reference=reference, title=title, financial_year=financial_year, **facts)
    _refuse_taken_reference(audit)
    _refuse_issued_in_future(audit)
    audit.full_clean()
    audit.save()
    return audit


@transaction.atomic
def audit_update(*, audit: Audit, **facts) -> Audit:
    """Change an audit's facts; an audit no longer wanted is archived (is_archived), never
    deleted, with its recommendations."""
    for name, value in facts.items():
        setattr(audit, name, value)
    _refuse_taken_reference(audit)
    _refuse_issued_in_future(audit)
    audit.full_clean()
    audit.save()
    return audit
