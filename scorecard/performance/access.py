"""Who may see, change and approve indicators and their values: the one access chokepoint.

`indicator_access(user, action)` returns the indicators a person may read, edit or approve, as a
queryset filtered in SQL (EXISTS subqueries on their memberships and on the indicator's updaters),
never as a list of ids. Every view, the search and the reminders go through it; values
(measurements) and targets follow their indicator.

- administrators (the performance and risk team) read, edit and approve everything;
- a directorate editor edits the indicators of their directorate(s);
- an indicator updater edits the indicators they are named updater of;
- the indicator's owner edits and approves it;
- readers, auditors and every other role read; values not yet approved only by those who may
  edit them, the team and auditors. A person with no role sees nothing.
"""

from django.db.models import Exists, OuterRef, Q, QuerySet

from scorecard.organisation.access import Action, action_of
from scorecard.organisation.choices import Role
from scorecard.organisation.models import Membership
from scorecard.organisation.selectors import user_has_role, user_is_administrator, user_memberships

from .choices import WorkflowState
from .models import Indicator, Measurement, ScorecardEntry, Target

INDICATOR_ACTIONS = {Action.VIEW, Action.EDIT, Action.APPROVE}


def user_has_any_role(user) -> bool:
    return bool(user.is_authenticated and (user.is_superuser or user_memberships(user)))


def _edits_directorate(user, directorate_ref: str = "directorate") -> Exists:
    return Exists(
        Membership.objects.filter(
            person=user, role=Role.DIRECTORATE_EDITOR, directorate=OuterRef(directorate_ref)
        )
    )


def _is_updater(user) -> Exists:
    return Exists(Indicator.updaters.through.objects.filter(indicator=OuterRef("pk"), user=user))


def indicator_access(
    user, action: Action | str = Action.VIEW, indicators: QuerySet[Indicator] | None = None
) -> QuerySet[Indicator]:
    """The indicators `user` may `action` (view, edit or approve)."""
    action = action_of(action, INDICATOR_ACTIONS)
    indicators = Indicator.objects.all() if indicators is None else indicators
    if not user_has_any_role(user):
        return indicators.none()
    if action is Action.VIEW or user_is_administrator(user):
        return indicators
    if action is Action.APPROVE:
        return indicators.filter(owner=user)
    return indicators.filter(_edits_directorate(user) | _is_updater(user) | Q(owner=user))


def sees_unapproved_values(user) -> bool:
    """The team and auditors read drafts, submitted and returned values of every indicator."""
    return user_is_administrator(user) or user_has_role(user, Role.AUDITOR)


def measurement_access(user, action: Action | str = Action.VIEW) -> QuerySet[Measurement]:
    """Values follow their indicator: readable, editable or approvable with it. A value not yet
    approved is read only by those who may edit its indicator, the team and auditors: a reader
    sees the figures the council stands by, not a draft or its commentary."""
    action = action_of(action, INDICATOR_ACTIONS)
    values = Measurement.objects.filter(indicator__in=indicator_access(user, action))
    if action is not Action.VIEW or sees_unapproved_values(user):
        return values
    return values.filter(
        Q(state=WorkflowState.APPROVED) | Q(indicator__in=indicator_access(user, Action.EDIT))
    )


def target_access(user, action: Action | str = Action.VIEW) -> QuerySet[Target]:
    """Targets follow their indicator."""
    return Target.objects.filter(indicator__in=indicator_access(user, action))


def scorecard_entry_access(user, action: Action | str = Action.VIEW) -> QuerySet[ScorecardEntry]:
    """A scorecard's entries follow their indicator."""
    return ScorecardEntry.objects.filter(indicator__in=indicator_access(user, action))


def can(user, action: Action | str, indicator: Indicator) -> bool:
    """One indicator: a single EXISTS query through indicator_access."""
    return indicator_access(user, action).filter(pk=indicator.pk).exists()


def user_can_administer(user) -> bool:
    """Periods, reminders, indicators, targets, priorities and scorecards: the performance team."""
    return user_is_administrator(user)
