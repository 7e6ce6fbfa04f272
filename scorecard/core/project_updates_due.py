"""When a project's quarterly update is due, and whether it still is: the rule behind each
project manager's home page and reminders. Pure: no Django, no clock (today is a parameter).

A project owes an update for a quarter it runs in (started by the quarter's end and not ended
before it starts) until an update for the quarter is submitted or approved; a draft or a
returned update is still owed. It is due by the deadline, as an indicator's value is: the
quarter's last day plus the days to report (30 unless the council says otherwise), and late from
the day after.
"""

import datetime as dt

DAYS_TO_REPORT = 30
IN = frozenset({"submitted", "approved"})  # the states in which the update is no longer owed


def runs_in(*, start: dt.date, end: dt.date, quarter_start: dt.date, quarter_end: dt.date) -> bool:
    """Whether a project running from `start` to `end` runs in the quarter."""
    return start <= quarter_end and end >= quarter_start


def update_owed(state: str | None) -> bool:
    """Whether an update in `state` (None: no update yet) is still owed for its quarter."""
    return state not in IN


def update_deadline(quarter_end: dt.date, days_to_report: int = DAYS_TO_REPORT) -> dt.date:
    return quarter_end + dt.timedelta(days=days_to_report)


def update_late(*, state: str | None, quarter_end: dt.date, today: dt.date) -> bool:
    """Owed and past its deadline."""
    return update_owed(state) and today > update_deadline(quarter_end)
