"""Polarity (which way is better) and margins (absolute or percent), shared by status and direction.

Pure module: no Django import.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Literal

HUNDRED = Decimal(100)


class Polarity(StrEnum):
    HIGHER = "higher"  # higher is better
    LOWER = "lower"  # lower is better
    ON_TARGET = "on_target"  # on target is best; either side is worse
    NONE = "none"  # no better or worse: the figure is for information


def to_decimal(value: object, what: str = "value") -> Decimal:
    """A Decimal from a number or numeric text; floats go through str() to avoid binary noise."""
    if isinstance(value, bool):
        raise ValueError(f"The {what} must be a number, not {value!r}.")
    if isinstance(value, Decimal):
        number = value
    else:
        try:
            number = Decimal(str(value).strip().replace(",", ""))
        except (InvalidOperation, ValueError):
            raise ValueError(f"The {what} must be a number, not {value!r}.") from None
    if not number.is_finite():
        raise ValueError(f"The {what} must be a number, not {value!r}.")
    return number


@dataclass(frozen=True)
class Margin:
    """An allowance around a reference figure, either in the indicator's units or in percent of it."""

    kind: Literal["absolute", "percent"]
    amount: Decimal

    @staticmethod
    def absolute(amount: object) -> Margin:
        return Margin("absolute", _non_negative(amount))

    @staticmethod
    def percent(amount: object) -> Margin:
        return Margin("percent", _non_negative(amount))

    @staticmethod
    def from_data(data: object, what: str = "margin") -> Margin:
        """Read {"percent": "10"} or {"absolute": "1.5"}."""
        if not isinstance(data, dict) or len(data) != 1:
            raise ValueError(f'Write the {what} as {{"percent": 10}} or {{"absolute": 1.5}}.')
        ((kind, amount),) = data.items()
        if kind == "percent":
            return Margin.percent(amount)
        if kind == "absolute":
            return Margin.absolute(amount)
        raise ValueError(f'The {what} is "percent" or "absolute", not {kind!r}.')

    def to_data(self) -> dict[str, str]:
        return {self.kind: str(self.amount)}

    def allowance(self, reference: Decimal) -> Decimal:
        """The margin in the indicator's units, around `reference`."""
        if self.kind == "absolute":
            return self.amount
        return abs(reference) * self.amount / HUNDRED

    def describe(self) -> str:
        return f"{self.amount}%" if self.kind == "percent" else f"{self.amount}"


ZERO_MARGIN = Margin("absolute", Decimal(0))


def _non_negative(amount: object) -> Decimal:
    number = to_decimal(amount, "margin")
    if number < 0:
        raise ValueError(f"A margin cannot be negative ({number}).")
    return number


def shortfall(value: Decimal, target: Decimal, polarity: Polarity) -> Decimal:
    """How far `value` falls short of `target`, in the indicator's units; 0 or less means on target."""
    if polarity is Polarity.HIGHER:
        return target - value
    if polarity is Polarity.LOWER:
        return value - target
    if polarity is Polarity.ON_TARGET:
        return abs(value - target)
    raise ValueError("An indicator with no polarity has no target to fall short of.")


def within(value: Decimal, target: Decimal, polarity: Polarity, margin: Margin) -> bool:
    """On target, better than target, or short of it by no more than the margin.

    A percent margin is a percentage of the target; with a target of zero only meeting it counts.
    """
    return shortfall(value, target, polarity) <= margin.allowance(target)
