"""Reads for a person's own work on the scorecard, for their home page: the indicators whose
values they key in, their values returned, and the values waiting for their approval."""

from django.db.models import Q, QuerySet

from scorecard.organisation.access import Action
from scorecard.organisation.models import User
from scorecard.organisation.selectors import organisation_settings_get, user_is_administrator

from .access import indicator_access, measurement_access
from .choices import WorkflowState
from .models import Indicator, Measurement
from .selectors import approvals_queue


def indicators_to_update(user: User) -> QuerySet[Indicator]:
    """The indicators whose values the person keys in: those they may edit. The performance
    team may edit every indicator, so theirs are only those they own or are named updater of."""
    editable = indicator_access(user, Action.EDIT)
    if user_is_administrator(user):
        return editable.filter(
            Q(owner=user)
            | Q(pk__in=Indicator.updaters.through.objects.filter(user=user).values("indicator"))
        )
    return editable


def values_returned(user: User) -> QuerySet[Measurement]:
    """Values returned for changes on the indicators the person updates, oldest first, with
    who returned them and why (one query)."""
    return (
        measurement_access(user, Action.EDIT)
        .filter(state=WorkflowState.RETURNED, indicator__in=indicators_to_update(user))
        .select_related("indicator", "reviewed_by")
        .order_by("period_start", "indicator__code")
    )


def approvals_for(user: User) -> QuerySet[Measurement]:
    """Submitted values the person may approve, as the approval queue lists them: not their
    own, unless the council allows self-approval."""
    own_of = None if organisation_settings_get().allow_self_approval else user
    return approvals_queue(measurements=measurement_access(user, Action.APPROVE), own_of=own_of)


def user_may_approve(user: User) -> bool:
    """Whether the person approves any indicator's values (owners and the performance team,
    who approve every indicator, before there is any)."""
    return user_is_administrator(user) or indicator_access(user, Action.APPROVE).exists()


def user_may_update(user: User) -> bool:
    return indicators_to_update(user).exists()
