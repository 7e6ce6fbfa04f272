"""Which reporting quarter a piece of work is filed to.

Work done while a quarter is open counts in the quarter the person chose, never in the quarter
of the calendar date: a risk reviewed on 10 April 2018 for Quarter Four 2017/18, while Quarter
Four is still open, counts in Quarter Four. Without a choice it goes to the earliest open quarter
that has begun by the day of the work (the quarter still being finished; the form names it and
offers the later ones); with no open quarter, to the quarter of the date, as before quarters
were opened. A locked quarter's report is published: nothing more is filed to it.
"""

import datetime as dt
from collections.abc import Iterable

from .periods import Period


class FilingError(ValueError):
    """The work cannot be filed to that quarter; the message says why, in the person's terms."""


def _day(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def filing_choices(on: dt.date, open_quarters: Iterable[Period]) -> list[Period]:
    """The open quarters that work done on `on` may be filed to, earliest first."""
    return sorted((q for q in open_quarters if q.start <= on), key=lambda q: q.start)


def filing_quarter(
    *,
    on: dt.date,
    chosen: Period | None,
    open_quarters: Iterable[Period],
    locked_keys: Iterable[str],
    start_month: int = 4,
) -> Period:
    """The period that work done on `on` is filed to: `chosen`, else the default above."""
    if chosen is None:
        choices = filing_choices(on, open_quarters)
        filed = choices[0] if choices else Period.containing(on, "quarter", start_month)
    else:
        filed = chosen
        if filed.start > on:
            raise FilingError(
                f"{filed.label} begins on {_day(filed.start)}: work done on {_day(on)} "
                "cannot count for it."
            )
    quarter = filed if filed.kind == "year" else filed.quarter_of()
    if quarter.key in set(locked_keys):
        raise FilingError(
            f"{quarter.label} is locked: its report is published, so nothing more can be "
            "filed to it. Choose an open quarter."
        )
    return filed
