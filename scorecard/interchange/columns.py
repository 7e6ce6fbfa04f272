"""The types of the template's columns: how a cell is read (parsed) and what a sheet is.

`schema.py` and `setup_sheets.py` define the sheets with these.
"""

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils import timezone

from scorecard.core.rule_words import looks_like_json, rule_from_words
from scorecard.core.status_rules import RuleError
from scorecard.organisation.choices import MONTH_CHOICES


class CellError(ValueError):
    """A value that cannot be read; the message is for the person who typed it."""


# Other ways councils write the same choice (compared without case).
SYNONYMS = {
    "unit": {
        **dict.fromkeys(("%", "percent", "per cent", "pct", "pc", "percentage"), "percentage"),
        **dict.fromkeys(("number", "no.", "no", "num", "count", "#", "total"), "number"),
        **dict.fromkeys(("£", "pounds", "gbp", "money", "cost"), "currency"),
        **dict.fromkeys(("day", "days", "working days", "calendar days"), "days"),
        **dict.fromkeys(("per 1,000", "per 1000", "per 10,000", "per 100,000"), "rate"),
    },
    "polarity": {
        **dict.fromkeys(("high", "up", "higher", "higher is better", "high is good"), "higher"),
        **dict.fromkeys(("low", "down", "lower", "lower is better", "low is good"), "lower"),
    },
    "rating": {"g": "green", "a": "amber", "r": "red"},
    "month": {  # 4 or Apr for April
        **{str(number): name for number, name in MONTH_CHOICES},
        **{name[:3].lower(): name for _, name in MONTH_CHOICES},
    },
}


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    kind: str = "text"  # text, number, integer, level, boolean, date, choice, period, json
    required: bool = False
    choices: tuple[tuple[str, str], ...] = ()
    synonyms: str = ""
    example: object = ""
    help: str = ""

    def parse(self, value: object) -> object:
        """The value in Python terms, None when empty; CellError when it cannot be read."""
        if value is None or (isinstance(value, str) and value.strip() == ""):
            if self.required:
                raise CellError("this column must be filled in")
            return None
        return PARSERS[self.kind](self, value)


def _text(column: Column, value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # Excel stores 12 as 12.0: a reference "12" stays "12"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


NUMBER_TEXT = re.compile(r"^[-+]?(\d{1,3}(,\d{3})+|\d*)(\.\d+)?$")


def _number(column: Column, value: object) -> Decimal:
    if isinstance(value, bool):
        raise CellError(f"{value!r} is not a number")
    if isinstance(value, int | float):
        return Decimal(str(value))
    text = str(value).strip().replace("£", "").rstrip("%").strip()
    if not NUMBER_TEXT.match(text) or text in {"", "-", "+", "."}:
        raise CellError(f"'{value}' is not a number")
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        raise CellError(f"'{value}' is not a number") from None


def _integer(column: Column, value: object) -> int:
    number = _number(column, value)
    if number != number.to_integral_value():
        raise CellError(f"'{value}' is not a whole number")
    return int(number)


def _level(column: Column, value: object) -> int | str:
    """A likelihood or impact: a whole number, or a word the importer reads against the matrix's
    labels ("Possible", "Major")."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _integer(column, value)
    text = _text(column, value)
    if NUMBER_TEXT.match(text) and text not in {"-", "+", "."}:
        return _integer(column, text)
    return text


TRUE, FALSE = {"yes", "y", "true", "1", "x"}, {"no", "n", "false", "0"}


def _boolean(column: Column, value: object) -> bool:
    if isinstance(value, bool):
        return value
    text = _text(column, value).lower()
    if text in TRUE:
        return True
    if text in FALSE:
        return False
    raise CellError(f"'{value}' is not Yes or No")


def _date(column: Column, value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%d %B %Y", "%d %b %Y"):
        try:
            return dt.datetime.strptime(text, pattern).date()  # noqa: DTZ007 - a calendar date
        except ValueError:
            continue
    raise CellError(f"'{value}' is not a date: write it as 31/07/2019 or 2019-07-31")


def _choice(column: Column, value: object) -> str:
    text = _text(column, value).lower()
    for key, label in column.choices:
        if text in {key.lower(), label.lower()}:
            return key
    synonym = SYNONYMS.get(column.synonyms, {}).get(text)
    if synonym:
        return synonym
    allowed = ", ".join(label for _, label in column.choices)
    raise CellError(f"'{value}' is not one of: {allowed}")


def _json(column: Column, value: object) -> dict:
    if isinstance(value, dict):
        return value
    if not looks_like_json(value):  # a status rule in plain words
        try:
            return rule_from_words(str(value))
        except RuleError as error:
            raise CellError(str(error)) from None
    try:
        data = json.loads(str(value))
    except json.JSONDecodeError:
        raise CellError(f"'{value}' is not a rule written in JSON") from None
    if not isinstance(data, dict):
        raise CellError("a rule is written in JSON between { and }")
    return data


DATETIME_PATTERNS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
)


def _datetime(column: Column, value: object) -> dt.datetime:
    """A moment in the council's time zone, to the second; a date alone is its midnight."""
    if isinstance(value, dt.datetime):
        moment = value
    elif isinstance(value, dt.date):
        moment = dt.datetime.combine(value, dt.time())
    else:
        text, moment = str(value).strip(), None
        for pattern in DATETIME_PATTERNS:
            try:
                moment = dt.datetime.strptime(text, pattern)  # noqa: DTZ007 - made aware below
                break
            except ValueError:
                continue
        if moment is None:
            try:
                moment = dt.datetime.combine(_date(column, value), dt.time())
            except CellError:
                raise CellError(
                    f"'{value}' is not a date and time: write it as 02/10/2017 09:30 or 2017-10-02 09:30"
                ) from None
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment).replace(tzinfo=None)
    return timezone.make_aware(moment.replace(microsecond=0))


def local_moment(moment: dt.datetime | None) -> dt.datetime | None:
    """A stored moment as the export writes it: the council's local time, to the second."""
    if moment is None:
        return None
    return timezone.localtime(moment).replace(tzinfo=None, microsecond=0)


PARSERS = {
    "text": _text,
    "period": _text,  # parsed by the services, which know the financial year
    "number": _number,
    "integer": _integer,
    "level": _level,
    "boolean": _boolean,
    "date": _date,
    "datetime": _datetime,
    "choice": _choice,
    "json": _json,
}


def choices_of(choices) -> tuple[tuple[str, str], ...]:
    return tuple((str(value), str(label)) for value, label in choices.choices)


@dataclass(frozen=True)
class SheetSpec:
    key: str
    title: str
    columns: tuple[Column, ...]
    identity: tuple[str, ...]
    description: str = ""
    # Who adds or changes this sheet's rows: the team of "organisation", "performance", "risks" or
    # "projects" (that app's administering access function); empty when each row's object's access
    # function decides (indicator_access, risk_access...).
    team: str = ""
    by_key: dict = field(default_factory=dict, compare=False, repr=False)

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)

    def match_headers(self, headers: list[str]) -> dict[str, str]:
        """Our column key -> the file's header, for the headers this sheet knows."""
        wanted = {}
        for column in self.columns:
            names = {column.key.lower(), column.header.lower()}
            found = next((h for h in headers if h.strip().lower() in names), None)
            if found is not None:
                wanted[column.key] = found
        return wanted
