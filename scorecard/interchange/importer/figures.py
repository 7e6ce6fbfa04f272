"""Numbers in the preview as the council wrote them, and what changes."""

from decimal import Decimal


def figure(value) -> str:
    """A number as a person writes it: 20, not 2E+1; 97.5, not 97.50."""
    if value is None:
        return "no value"
    text = format(Decimal(value).normalize(), "f")
    return "0" if text == "-0" else text


def figure_change(old, new, is_new: bool) -> str:
    """What the preview says of a value: "95.9" when new, "95.3 → 95.9" when it changes, the
    figure alone when only its notes change."""
    if (
        is_new
        or old == new
        or (old is not None and new is not None and Decimal(old) == Decimal(new))
    ):
        return figure(new)
    return f"{figure(old)} → {figure(new)}"
