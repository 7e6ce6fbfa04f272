"""When an indicator's values are collected and when an update is due.

An indicator is collected monthly, quarterly, annually or every two years. Its values are
stored against the matching period: a month ("2017/18-M07"), a quarter ("2017/18-Q2") or a
financial year ("2017/18"). The scorecard is reported each quarter: monthly and quarterly
indicators are due every quarter; an annual indicator is due once a year, in the quarter in
which its result is published (`due_quarter`), and shows its last rating in the others; a
biennial indicator is due every other year, counted from `first_due_year`.

Pure module: no Django import.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from .periods import Period


class Frequency(StrEnum):
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    ANNUAL = "annual"
    BIENNIAL = "biennial"


STORED_KIND = {
    Frequency.MONTHLY: "month",
    Frequency.QUARTERLY: "quarter",
    Frequency.ANNUAL: "year",
    Frequency.BIENNIAL: "year",
}
_LOOK_BACK = 24  # how many reporting periods to search for a last rating or a next due one


@dataclass(frozen=True)
class Schedule:
    frequency: Frequency
    due_quarter: int = 4  # annual and biennial: the quarter in which the year's result is due
    first_due_year: int = 2000  # biennial: a financial year in which it is due (2016 for 2016/17)
    days_to_report: int = 30  # after the period ends, before the value counts as late

    def __post_init__(self) -> None:
        if not 1 <= self.due_quarter <= 4:
            raise ValueError(f"The due quarter is 1 to 4, not {self.due_quarter}.")

    @property
    def stored_kind(self) -> str:
        return STORED_KIND[self.frequency]

    def accepts(self, period: Period) -> bool:
        """Can a value be recorded for this period? (Its kind matches the frequency.)"""
        if period.kind != self.stored_kind:
            return False
        return self.frequency is not Frequency.BIENNIAL or self._biennial_year(period.year)

    def expected_kind_label(self) -> str:
        if self.frequency is Frequency.BIENNIAL:
            return "a financial year in which it is due (every other year)"
        return {"month": "a month", "quarter": "a quarter", "year": "a financial year"}[
            self.stored_kind
        ]

    def _biennial_year(self, year: int) -> bool:
        return (year - self.first_due_year) % 2 == 0

    def is_due(self, period: Period) -> bool:
        """Is an update due in this reporting period (a month, quarter or year)?"""
        if self.frequency is Frequency.MONTHLY:
            return True
        if self.frequency is Frequency.QUARTERLY:
            return period.kind != "month" or period.calendar_month == period.quarter_of().end.month
        due_year = self.frequency is Frequency.ANNUAL or self._biennial_year(period.year)
        if period.kind == "year":
            return due_year
        quarter = period.quarter_of()
        in_due_quarter = quarter.number == self.due_quarter
        if period.kind == "month":
            in_due_quarter = in_due_quarter and period.calendar_month == quarter.end.month
        return due_year and in_due_quarter

    def previous_due(self, period: Period) -> Period | None:
        """The last reporting period of the same kind before `period` in which an update was due."""
        candidate = period
        for _ in range(_LOOK_BACK):
            candidate = candidate.previous()
            if self.is_due(candidate):
                return candidate
        return None

    def next_due(self, period: Period) -> Period | None:
        """The next reporting period of the same kind after `period` in which an update is due."""
        candidate = period
        for _ in range(_LOOK_BACK):
            candidate = candidate.next()
            if self.is_due(candidate):
                return candidate
        return None

    def reported_by(self, stored: Period, period: Period) -> bool:
        """Is the value of stored period `stored` due by the end of reporting period `period`?

        A year's result is due in its due quarter; other values when their period ends.
        """
        if stored.kind == "year" and period.kind != "year":
            return (
                Period.quarter(stored.year, self.due_quarter, stored.start_month).end <= period.end
            )
        return stored.end <= period.end

    def deadline(self, period: Period) -> dt.date:
        return period.end + dt.timedelta(days=self.days_to_report)

    def stored_periods(self, period: Period, *, year_to_date: bool = False) -> list[Period]:
        """The periods whose stored values make up the figure for reporting period `period`.

        Year to date: from the start of the financial year to the end of `period`.
        """
        return list(_stored_periods(self.stored_kind, period, year_to_date))


@lru_cache(maxsize=4096)  # periods are immutable; a scorecard asks the same few again and again
def _stored_periods(kind: str, period: Period, year_to_date: bool) -> tuple[Period, ...]:
    if kind == "year":
        return (period.year_of(),)
    start = period.year_of().start if year_to_date else period.start
    if kind == "month":
        months = period.year_of().months() if year_to_date else period.months()
        return tuple(m for m in months if start <= m.start and m.end <= period.end)
    if period.kind == "month":
        # A quarterly figure belongs to the quarter that ends with this month.
        period = period.quarter_of()
    quarters = period.year_of().quarters()
    return tuple(q for q in quarters if start <= q.start and q.end <= period.end)
