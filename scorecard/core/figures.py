"""Figures as a council publishes them: rounded half up to the decimals shown, and written with
thousands separators ("1,310", "50.0%", "£4,680,000").

A value is rated on the figure that is printed (decision 0017), so the status engine and every
page round with the same function. Rounding is half up, as people round by hand (2.25 -> 2.3),
never the banker's rounding of Python's `round` and `format` (2.25 -> 2.2).

Pure module: no Django import.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation


def as_published(value: Decimal | None, decimals: int | None) -> Decimal | None:
    """`value` rounded half up to `decimals` places; None, or no decimals given, unchanged."""
    if value is None or decimals is None:
        return value
    return Decimal(value).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def figure(value, decimals: int | None = None, unit: str = "") -> str:
    """A value as readers expect it: 1,310 / 74.0% / £4,680,000; "–" when there is none.

    Without `decimals` the stored figure is shown as it is, trailing zeros dropped."""
    if value is None or value == "":
        return "–"
    try:
        number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return str(value)
    if decimals is None:
        number = number.normalize()
        places = max(0, -number.as_tuple().exponent)
    else:
        number, places = as_published(number, decimals), decimals
    text = f"{number:,.{places}f}"
    if text.startswith("-") and Decimal(text.replace(",", "")) == 0:
        text = text[1:]  # never "-0.0"
    if unit == "percentage":
        return f"{text}%"
    if unit == "currency":
        return f"-£{text[1:]}" if text.startswith("-") else f"£{text}"
    return text


def long_date(value: dt.date | dt.datetime | None) -> str:
    """A date as GOV.UK writes it: 31 March 2018 (no leading zero); "" when there is none."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value[:10])
        except ValueError:
            return value
    return f"{value.day} {value:%B %Y}"


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """ "1 indicator", "2 indicators", "0 risks" (with thousands separators: "1,310 risks")."""
    word = singular if count == 1 else (plural_form or f"{singular}s")
    return f"{count:,} {word}"


STORED_DECIMALS = 6  # the decimal places of the value columns


def as_stored(value: Decimal | None) -> Decimal | None:
    """A typed or imported figure rounded half up to the places a value column keeps: a figure
    pasted from a spreadsheet formula (56.175000000000004) is stored as the council's 56.175."""
    if value is None or -value.as_tuple().exponent <= STORED_DECIMALS:
        return value
    return as_published(value, STORED_DECIMALS).normalize()


def rounding_notice(label: str, typed: Decimal | None) -> str:
    """ "" when `typed` is stored as it is, else a sentence saying what is kept instead:
    "The value 56.175000000000004 has more than 6 decimal places: it is stored as 56.175."
    Without a label (a spreadsheet cell, named beside it) the sentence starts with the figure."""
    stored = as_stored(typed)
    if stored == typed:  # None, or only trailing zeros dropped
        return ""
    figure_typed = f"The {label} {typed:f}" if label else f"{typed:f}"
    return (
        f"{figure_typed} has more than {STORED_DECIMALS} decimal places: "
        f"it is stored as {stored:f}."
    )
