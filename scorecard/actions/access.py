"""Who may see and change actions and audits: the one access chokepoint of the actions app.

An action follows its subject (decision 0038): whoever may see the risk, indicator, project or
audit sees its actions; whoever may change the subject changes them and decides their
extensions; an action's owner also reports progress on it. Audits are read by every role and
kept by internal audit (auditors) and the performance and risk team (administrators).
"""

from django.db.models import Q, QuerySet

from scorecard.organisation.access import Action as Do
from scorecard.organisation.access import action_of
from scorecard.organisation.choices import Role
from scorecard.organisation.selectors import user_has_role, user_is_administrator, user_memberships

from . import subjects
from .models import Action, Audit, ExtensionRequest

ACTION_VERBS = {Do.VIEW, Do.EDIT, Do.DECIDE}  # DECIDE: an extension, a verification


def _is_member(user) -> bool:
    return user.is_authenticated and (user.is_superuser or bool(user_memberships(user)))


def user_keeps_audits(user) -> bool:
    """Internal audit and the performance and risk team add audits and verify recommendations."""
    return _is_member(user) and (user_is_administrator(user) or user_has_role(user, Role.AUDITOR))


def audit_access(user, action: Do | str = Do.VIEW) -> QuerySet[Audit]:
    action = action_of(action, ACTION_VERBS)
    audits = Audit.objects.all()
    if not _is_member(user):
        return audits.none()
    if action is Do.VIEW or user_keeps_audits(user):
        return audits
    return audits.none()


def _subjects_may(user, action: Do) -> Q:
    condition = Q(pk__in=[])
    for subject in subjects.registered():
        condition |= Q(**{f"{subject.key}__in": subject.access(user, action)})
    return condition


def action_access(user, action: Do | str = Do.VIEW) -> QuerySet[Action]:
    """The actions `user` may view, change (report progress on), or decide on (an extension,
    a verification), following their subjects."""
    action = action_of(action, ACTION_VERBS)
    if not _is_member(user):
        return Action.objects.none()
    if action is Do.VIEW:
        return Action.objects.filter(_subjects_may(user, Do.VIEW))
    if action is Do.EDIT:
        return Action.objects.filter(
            _subjects_may(user, Do.EDIT) | (Q(owner=user.pk) & _subjects_may(user, Do.VIEW))
        )
    return Action.objects.filter(_subjects_may(user, Do.EDIT))


def extension_access(user, action: Do | str = Do.VIEW) -> QuerySet[ExtensionRequest]:
    """Extension requests follow their action."""
    return ExtensionRequest.objects.filter(action__in=action_access(user, action))


def can(user, action: Do | str, obj: Action) -> bool:
    return action_access(user, action).filter(pk=obj.pk).exists()


def user_reads_audits(user) -> bool:
    """Every role reads audits and their recommendations (the Audit Committee report too)."""
    return _is_member(user)
