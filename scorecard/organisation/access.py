"""The one name for what a person asks to do with a record: every app's access functions
(`<entity>_access(user, action)`, in each app's own `access.py`) take an `Action`."""

from enum import StrEnum


class Action(StrEnum):
    VIEW = "view"
    EDIT = "edit"
    APPROVE = "approve"  # a value (performance)
    DECIDE = "decide"  # an escalation (risks)


def action_of(action: "Action | str", allowed: set[Action]) -> Action:
    """The action asked for, refused (ValueError) where this kind of record has no such action,
    so a mistyped or misplaced action never falls through to a wider answer."""
    action = Action(action)
    if action not in allowed:
        raise ValueError(f"{action} is not an action on this kind of record")
    return action
