"""When the council's scheduled runs fall due: pure, so the rule is easy to read and test.

Each run has due moments (a time of day, every so many days; or a weekday and time). At any
moment only the latest due moment counts: a worker that was down for a week catches up once,
not once per missed moment. Times are naive local times; callers pass local `now`.
"""

import datetime as dt


def latest_daily(now: dt.datetime, at: dt.time, every_days: int = 1) -> dt.datetime | None:
    """The latest moment at or before `now` at time `at`, on a day whose ordinal is a multiple
    of `every_days` (so "every 3 days" keeps the same days whenever it is asked). None when off
    (`every_days` below 1)."""
    if every_days < 1:
        return None
    now = now.replace(tzinfo=None)
    day = now.date()
    if now.time() < at:
        day -= dt.timedelta(days=1)
    day -= dt.timedelta(days=day.toordinal() % every_days)
    return dt.datetime.combine(day, at)


def latest_weekly(now: dt.datetime, weekday: int, at: dt.time) -> dt.datetime:
    """The latest moment at or before `now` on `weekday` (Monday 0) at time `at`."""
    now = now.replace(tzinfo=None)
    day = now.date() - dt.timedelta(days=(now.weekday() - weekday) % 7)
    moment = dt.datetime.combine(day, at)
    return moment if moment <= now else moment - dt.timedelta(days=7)
