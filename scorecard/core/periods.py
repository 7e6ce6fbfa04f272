"""Reporting periods: financial years, quarters and months, for any start month.

A financial year is named by the calendar year it starts in. With the UK default
(April), financial year 2017 runs April 2017 to March 2018 and is written "2017/18";
"Quarter Two 2017/18" is July to September 2017. With a January start the year is
written "2017".

Canonical keys parse back to the same period:
    "2017/18"       the financial year
    "2017/18-Q2"    its second quarter
    "2017/18-M07"   July (calendar month number) inside that financial year

Pure module: no Django import.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Literal

Kind = Literal["year", "quarter", "month"]

QUARTER_WORDS = {1: "One", 2: "Two", 3: "Three", 4: "Four"}
_WORD_QUARTERS = {word.lower(): number for number, word in QUARTER_WORDS.items()}
_MONTH_NAMES = {name.lower(): n for n, name in enumerate(calendar.month_name) if name}
_MONTH_ABBR = {name.lower(): n for n, name in enumerate(calendar.month_abbr) if name}


class PeriodError(ValueError):
    """A period that does not exist, or text that names no period."""


@dataclass(frozen=True, order=True)
class Period:
    """One reporting period.

    year: calendar year in which the financial year starts (2017 for 2017/18).
    kind: "year", "quarter" or "month".
    number: 0 for a year; 1-4 for a quarter; for a month, its position in the
        financial year, 1-12 (April is 1 when the year starts in April).
    start_month: first calendar month of the financial year (1-12).
    """

    start_month: int
    year: int
    kind_order: int
    number: int

    # --- construction -----------------------------------------------------------------

    @staticmethod
    def financial_year(year: int, start_month: int = 4) -> Period:
        _check_start_month(start_month)
        _check_year(year)
        return Period(start_month, year, 0, 0)

    @staticmethod
    def quarter(year: int, quarter: int, start_month: int = 4) -> Period:
        _check_start_month(start_month)
        _check_year(year)
        if not 1 <= quarter <= 4:
            raise PeriodError(f"A quarter is numbered 1 to 4, not {quarter}.")
        return Period(start_month, year, 1, quarter)

    @staticmethod
    def month(year: int, calendar_month: int, start_month: int = 4) -> Period:
        """The month `calendar_month` (1-12) of financial year `year`."""
        _check_start_month(start_month)
        _check_year(year)
        if not 1 <= calendar_month <= 12:
            raise PeriodError(f"A month is numbered 1 to 12, not {calendar_month}.")
        return Period(start_month, year, 2, (calendar_month - start_month) % 12 + 1)

    @staticmethod
    def containing(day: dt.date, kind: Kind, start_month: int = 4) -> Period:
        """The year, quarter or month that contains a calendar date."""
        _check_start_month(start_month)
        year = day.year if day.month >= start_month else day.year - 1
        month = Period.month(year, day.month, start_month)
        if kind == "month":
            return month
        if kind == "quarter":
            return month.quarter_of()
        if kind == "year":
            return month.year_of()
        raise PeriodError(f"Unknown kind of period {kind!r}: use year, quarter or month.")

    # --- properties -------------------------------------------------------------------

    @property
    def kind(self) -> Kind:
        return ("year", "quarter", "month")[self.kind_order]

    @property
    def calendar_month(self) -> int:
        """For a month period: its calendar month number (1-12)."""
        self._require("month")
        return (self.start_month - 1 + self.number - 1) % 12 + 1

    @cached_property
    def start(self) -> dt.date:
        first = self.months()[0]
        return dt.date(first._calendar_year(), first.calendar_month, 1)

    @cached_property
    def end(self) -> dt.date:
        last = self.months()[-1]
        year, month = last._calendar_year(), last.calendar_month
        return dt.date(year, month, calendar.monthrange(year, month)[1])

    def _calendar_year(self) -> int:
        return self.year + (1 if self.start_month - 1 + self.number - 1 >= 12 else 0)

    def _require(self, kind: Kind) -> None:
        if self.kind != kind:
            raise PeriodError(f"{self.key} is a {self.kind}, not a {kind}.")

    # --- names ------------------------------------------------------------------------

    @cached_property
    def year_label(self) -> str:
        if self.start_month == 1:
            return str(self.year)
        return f"{self.year}/{(self.year + 1) % 100:02d}"

    @cached_property
    def key(self) -> str:
        """Canonical key: "2017/18", "2017/18-Q2" or "2017/18-M07"."""
        if self.kind == "year":
            return self.year_label
        if self.kind == "quarter":
            return f"{self.year_label}-Q{self.number}"
        return f"{self.year_label}-M{self.calendar_month:02d}"

    @cached_property
    def label(self) -> str:
        """Long label, as in a Cabinet report: "Quarter Two 2017/18", "July 2017"."""
        if self.kind == "year":
            return self.year_label
        if self.kind == "quarter":
            return f"Quarter {QUARTER_WORDS[self.number]} {self.year_label}"
        return f"{calendar.month_name[self.calendar_month]} {self._calendar_year()}"

    @cached_property
    def short_label(self) -> str:
        """Short label for tables: "Q2 2017/18", "Jul 2017"."""
        if self.kind == "year":
            return self.year_label
        if self.kind == "quarter":
            return f"Q{self.number} {self.year_label}"
        return f"{calendar.month_abbr[self.calendar_month]} {self._calendar_year()}"

    def __str__(self) -> str:
        return self.label

    # --- navigation -------------------------------------------------------------------

    def _count(self) -> int:
        return {"year": 1, "quarter": 4, "month": 12}[self.kind]

    def _shift(self, steps: int) -> Period:
        if self.kind == "year":
            return Period.financial_year(self.year + steps, self.start_month)
        index = (self.number - 1) + steps
        year = self.year + index // self._count()
        return Period(
            self.start_month, _check_year(year), self.kind_order, index % self._count() + 1
        )

    def next(self) -> Period:
        return self._shift(1)

    def previous(self) -> Period:
        return self._shift(-1)

    def same_period_last_year(self) -> Period:
        return self._shift(-self._count())

    def year_of(self) -> Period:
        return Period.financial_year(self.year, self.start_month)

    def quarter_of(self) -> Period:
        if self.kind == "quarter":
            return self
        self._require("month")
        return Period.quarter(self.year, (self.number - 1) // 3 + 1, self.start_month)

    def months(self) -> list[Period]:
        """The months of this period, in order (a month returns itself)."""
        if self.kind == "month":
            return [self]
        first = 1 if self.kind == "year" else (self.number - 1) * 3 + 1
        count = 12 if self.kind == "year" else 3
        return [Period(self.start_month, self.year, 2, n) for n in range(first, first + count)]

    def quarters(self) -> list[Period]:
        self._require("year")
        return [Period.quarter(self.year, q, self.start_month) for q in range(1, 5)]

    def contains(self, other: Period) -> bool:
        """True when every month of `other` lies inside this period."""
        if other.start_month != self.start_month:
            raise PeriodError(
                "Cannot compare periods of financial years with different start months."
            )
        return self.start <= other.start and other.end <= self.end


def _check_start_month(start_month: int) -> None:
    if not 1 <= start_month <= 12:
        raise PeriodError(f"A financial year starts in month 1 to 12, not {start_month}.")


def _check_year(year: int) -> int:
    if not 1900 <= year <= 2998:
        raise PeriodError(f"Year {year} is outside the supported range 1900-2998.")
    return year


# --- parsing ------------------------------------------------------------------------------

_YEAR = r"(?P<year>\d{4})(?:/(?P<end>\d{2}))?"
_KEY = re.compile(rf"^{_YEAR}(?:-(?:Q(?P<q>\d+)|M(?P<m>\d+)))?$", re.IGNORECASE)
_LONG_QUARTER = re.compile(rf"^quarter\s+(?P<word>\w+)\s+{_YEAR}$", re.IGNORECASE)
_SHORT_QUARTER = re.compile(rf"^q(?P<q>\d+)\s+{_YEAR}$", re.IGNORECASE)
_MONTH_LABEL = re.compile(r"^(?P<name>[a-z]+)\s+(?P<cal_year>\d{4})$", re.IGNORECASE)


@lru_cache(
    maxsize=4096
)  # periods are immutable; the same few hundred keys are read again and again
def parse(text: str, start_month: int = 4) -> Period:
    """Read a key or a label ("2017/18-Q2", "Quarter Two 2017/18", "Q2 2017/18", "July 2017")."""
    _check_start_month(start_month)
    cleaned = " ".join(str(text).split())
    if match := _KEY.match(cleaned):
        year = _parse_year(match, cleaned, start_month)
        if match["q"]:
            return Period.quarter(year, _bounded(match["q"], 4, "quarter", cleaned), start_month)
        if match["m"]:
            return Period.month(year, _bounded(match["m"], 12, "month", cleaned), start_month)
        return Period.financial_year(year, start_month)
    if match := _LONG_QUARTER.match(cleaned):
        number = _WORD_QUARTERS.get(match["word"].lower())
        if number is None:
            raise PeriodError(
                f"{text!r}: {match['word']!r} is not a quarter (One, Two, Three or Four)."
            )
        return Period.quarter(_parse_year(match, cleaned, start_month), number, start_month)
    if match := _SHORT_QUARTER.match(cleaned):
        year = _parse_year(match, cleaned, start_month)
        return Period.quarter(year, _bounded(match["q"], 4, "quarter", cleaned), start_month)
    if match := _MONTH_LABEL.match(cleaned):
        name = match["name"].lower()
        month = _MONTH_NAMES.get(name) or _MONTH_ABBR.get(name)
        if month is None:
            raise PeriodError(f"{text!r}: {match['name']!r} is not a month.")
        return Period.containing(dt.date(int(match["cal_year"]), month, 1), "month", start_month)
    raise PeriodError(
        f"{text!r} is not a period: write a financial year (2017/18), a quarter (2017/18-Q2 or "
        "Quarter Two 2017/18) or a month (2017/18-M07 or July 2017)."
    )


def _parse_year(match: re.Match, text: str, start_month: int) -> int:
    year = int(match["year"])
    end = match["end"]
    if start_month == 1:
        if end is not None:
            raise PeriodError(
                f"{text!r}: financial years start in January here, so write {year}, not {year}/{end}."
            )
    else:
        if end is None:
            raise PeriodError(
                f"{text!r}: write the financial year as {year}/{(year + 1) % 100:02d}."
            )
        if int(end) != (year + 1) % 100:
            raise PeriodError(
                f"{text!r}: {year}/{end} is not a financial year; did you mean {year}/{(year + 1) % 100:02d}?"
            )
    return year


def _bounded(number: str, highest: int, what: str, text: str) -> int:
    value = int(number)
    if not 1 <= value <= highest:
        raise PeriodError(f"{text!r}: a {what} is numbered 1 to {highest}, not {value}.")
    return value
