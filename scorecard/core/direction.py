"""Direction of travel: is an indicator improving, unchanged or deteriorating?

Polarity-aware: for "lower is better", a fall is an improvement; for "on target is best",
moving closer to the target is. A change no bigger than the no-material-change band counts
as "no noticeable change". Compare against the previous period or the same period last year
by passing the value of that period.

Pure module: no Django import.
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from .polarity import ZERO_MARGIN, Margin, Polarity


class Direction(StrEnum):
    IMPROVING = "improving"
    NO_CHANGE = "no_change"  # "no noticeable change"
    DETERIORATING = "deteriorating"
    NOT_COMPARABLE = "not_comparable"  # a value is missing, or better and worse mean nothing


DIRECTION_LABELS = {
    Direction.IMPROVING: "Improving",
    Direction.NO_CHANGE: "No noticeable change",
    Direction.DETERIORATING: "Deteriorating",
    Direction.NOT_COMPARABLE: "Not comparable",
}


def direction_of_travel(
    current: Decimal | None,
    previous: Decimal | None,
    *,
    polarity: Polarity,
    band: Margin = ZERO_MARGIN,
    target: Decimal | None = None,
) -> Direction:
    """Compare `current` with an earlier value.

    The band is absolute, or a percent of the earlier value (of the target for "on target
    is best", where the change is measured as distance to the target).
    """
    if current is None or previous is None or polarity is Polarity.NONE:
        return Direction.NOT_COMPARABLE
    if polarity is Polarity.HIGHER:
        gain, reference = current - previous, previous
    elif polarity is Polarity.LOWER:
        gain, reference = previous - current, previous
    else:
        if target is None:
            return Direction.NOT_COMPARABLE
        gain, reference = abs(previous - target) - abs(current - target), target
    if abs(gain) <= band.allowance(reference):
        return Direction.NO_CHANGE
    return Direction.IMPROVING if gain > 0 else Direction.DETERIORATING
