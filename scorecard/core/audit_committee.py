"""What the Audit Committee report counts as due, extended and verified "in the period": the
quarter looking forward (due in the next three months) and the quarter looking back (verified
in the last three months), from the council clock's today. Plain Python: the caller passes
today."""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from scorecard.core.actions_due import DONE_STATUSES, due_date

MONTHS = 3  # an Audit Committee meets each quarter


def months_on(day: date, months: int) -> date:
    """The same day `months` calendar months later (or earlier), the month's last day when it
    is shorter: 30 November plus three months is 28 February (29 in a leap year)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


@dataclass(frozen=True)
class Window:
    today: date
    since: date  # the first day of the quarter looking back
    until: date  # the last day of the quarter looking forward

    def due_soon(self, *, status: str, agreed: date | None, revised: date | None) -> bool:
        """Not done, and due from today to the end of the coming quarter (today included: due
        today is not overdue)."""
        due = due_date(agreed, revised)
        return status not in DONE_STATUSES and due is not None and self.today <= due <= self.until

    def in_period(self, day: date | None) -> bool:
        """On a day of the quarter looking back, today included."""
        return day is not None and self.since <= day <= self.today


def window(today: date) -> Window:
    """The report's two quarters around `today`: 4 December 2017 looks back to 5 September 2017
    and forward to 4 March 2018."""
    return Window(today, months_on(today, -MONTHS) + timedelta(days=1), months_on(today, MONTHS))
