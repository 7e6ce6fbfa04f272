"""Separation of duties: the person who approves or returns a value is not the one who entered
or submitted it, unless the council allows self-approval (too few staff to separate them)."""

from collections.abc import Hashable


def own_part(reviewer: Hashable, entered_by: Hashable | None, submitted_by: Hashable | None) -> str:
    """What the reviewer did to the value themselves: "entered", "submitted" or "" (neither).
    People are compared by any stable key (their id); nobody (None) is never the reviewer."""
    if reviewer is None:
        return ""
    if entered_by == reviewer:
        return "entered"
    if submitted_by == reviewer:
        return "submitted"
    return ""


def may_review(
    reviewer: Hashable,
    entered_by: Hashable | None,
    submitted_by: Hashable | None,
    *,
    self_approval_allowed: bool,
) -> bool:
    """Whether the reviewer may approve or return the value, as far as duties go (who may
    approve at all is the access rule's question)."""
    return self_approval_allowed or not own_part(reviewer, entered_by, submitted_by)
