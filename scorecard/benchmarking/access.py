"""Who may read and change comparator groups: the benchmarking app's access function."""

from django.db.models import QuerySet

from scorecard.organisation.access import Action, action_of
from scorecard.performance.access import user_can_administer, user_has_any_role

from .models import ComparatorGroup, GroupKind


def comparator_group_access(user, action: Action | str = Action.VIEW) -> QuerySet[ComparatorGroup]:
    """The groups `user` may read (view: everyone with a role) or change (edit: the
    performance team, and only named lists: the others are filled from the national files)."""
    action = action_of(action, {Action.VIEW, Action.EDIT})
    groups = ComparatorGroup.objects.all()
    if not user_has_any_role(user):
        return groups.none()
    if action is Action.VIEW:
        return groups
    if comparator_groups_editable(user):
        return groups.filter(kind=GroupKind.LIST)
    return groups.none()


def comparator_groups_editable(user) -> bool:
    """Whether `user` adds and changes named lists (the performance team)."""
    return user_has_any_role(user) and user_can_administer(user)
