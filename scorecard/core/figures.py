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
