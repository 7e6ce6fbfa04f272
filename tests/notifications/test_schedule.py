"""The council's schedule: each run performed once per due moment, across restarts, missed
moments caught up once, and a second worker's claim respected."""

import datetime as dt
import threading
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

from scorecard.core.schedule import latest_daily, latest_weekly
from scorecard.notifications.choices import RunKind
from scorecard.notifications.models import ScheduledRun
from scorecard.notifications.schedule import run_due
from scorecard.notifications.services import schedule_update
from scorecard.organisation.models import Directorate
from scorecard.performance import services
from scorecard.performance.choices import Unit
from tests.performance.factories import IndicatorFactory, TargetFactory

pytestmark = pytest.mark.django_db


def at(day: int, month: int = 12, hour: int = 10, minute: int = 0) -> dt.datetime:
    """A moment of the council's local time in 2017."""
    return dt.datetime(2017, month, day, hour, minute, tzinfo=timezone.get_current_timezone())


def wall(*fields: int) -> dt.datetime:
    """A wall-clock moment, as the pure rules take and give them."""
    return dt.datetime(*fields, tzinfo=dt.UTC).replace(tzinfo=None)


@pytest.fixture
def late_update(demo):
    """Erin owes Quarter Two's value of ASC-W1, due by 30 October 2017."""
    services.reporting_period_open(period="2017/18-Q2", by=demo["admin"])
    indicator = IndicatorFactory(
        code="ASC-W1", directorate=Directorate.objects.get(code="ASC"), unit=Unit.PERCENTAGE
    )
    TargetFactory(indicator=indicator, period="2017/18", value=90)
    indicator.updaters.add(demo["editor"])
    schedule_update(
        send_time=dt.time(9, 0), late_every_days=1, reviews_overdue=False, digest_weekday=6
    )
    return indicator


def reminders_to(address: str) -> list:
    return [m for m in mail.outbox if m.to == [address] and "digest" not in m.subject]


def test_due_moments_are_the_latest_at_or_before_now():
    now = wall(2017, 12, 4, 10, 0)  # a Monday
    assert latest_daily(now, dt.time(9, 0)) == wall(2017, 12, 4, 9, 0)
    assert latest_daily(now, dt.time(11, 0)) == wall(2017, 12, 3, 11, 0)
    assert latest_daily(now, dt.time(9, 0), every_days=0) is None
    every_three = sorted(
        {latest_daily(now + dt.timedelta(days=d), dt.time(9, 0), 3) for d in range(9)}
    )
    gaps = {b - a for a, b in zip(every_three, every_three[1:], strict=False)}
    assert gaps == {dt.timedelta(days=3)}  # the same days, whenever asked
    assert latest_weekly(now, 0, dt.time(8, 0)) == wall(2017, 12, 4, 8, 0)
    assert latest_weekly(now, 0, dt.time(11, 0)) == wall(2017, 11, 27, 11, 0)
    assert latest_weekly(now, 4, dt.time(8, 0)) == wall(2017, 12, 1, 8, 0)


def test_late_reminders_go_once_per_due_time_across_a_restart(demo, late_update):
    run_due(at(4))
    first = reminders_to("editor@midshire.example")
    assert len(first) == 1
    assert "ASC-W1" in first[0].body and "OVERDUE since 30 October 2017" in first[0].body
    # The worker restarts: the same due moment, seen again minutes later, sends nothing.
    run_due(at(4, minute=5))
    run_due(at(4, hour=23, minute=59))
    assert len(reminders_to("editor@midshire.example")) == 1
    # The next day's moment is a new run.
    run_due(at(5, hour=9, minute=1))
    assert len(reminders_to("editor@midshire.example")) == 2
    runs = ScheduledRun.objects.filter(kind=RunKind.REMINDERS_LATE).order_by("due_at")
    assert [timezone.localtime(r.due_at).date() for r in runs] == [
        dt.date(2017, 12, 4),
        dt.date(2017, 12, 5),
    ]
    assert all(r.finished_at and r.emails_sent == 1 for r in runs)


def test_a_missed_run_is_caught_up_once_not_once_per_missed_day(demo, late_update):
    run_due(at(1))
    assert len(reminders_to("editor@midshire.example")) == 1
    run_due(at(4))  # the worker was down on the 2nd and 3rd
    assert len(reminders_to("editor@midshire.example")) == 2
    assert ScheduledRun.objects.filter(kind=RunKind.REMINDERS_LATE).count() == 2


def test_a_run_another_worker_claimed_first_is_not_sent_again(demo, late_update):
    """The other worker inserted the run between our look and our insert: the unique
    constraint refuses ours, and the surrounding transaction stays usable."""
    ScheduledRun.objects.create(
        kind=RunKind.REMINDERS_LATE, due_at=at(4, hour=9), started_at=at(4, hour=9)
    )
    with transaction.atomic():
        run_due(at(4))
        assert ScheduledRun.objects.filter(kind=RunKind.REMINDERS_LATE).count() == 1
    assert reminders_to("editor@midshire.example") == []


def test_reminders_go_the_set_number_of_days_before_the_deadline(demo, late_update):
    schedule_update(days_before_deadline=5, late_every_days=0)
    run_due(at(24, month=10))
    assert reminders_to("editor@midshire.example") == []
    run_due(at(25, month=10))
    sent = reminders_to("editor@midshire.example")
    assert len(sent) == 1 and "due by 30 October 2017" in sent[0].body
    run_due(at(25, month=10, hour=18))
    assert len(reminders_to("editor@midshire.example")) == 1


def test_the_weekly_digest_goes_to_administrators_once_a_week(demo, late_update):
    schedule_update(digest_weekday=0, digest_time=dt.time(8, 0), late_every_days=0)
    run_due(at(4))  # Monday 10:00
    digests = [m for m in mail.outbox if "digest" in m.subject]
    assert [m.to for m in digests] == [["admin@midshire.example"]]
    assert "Erin Shaw: 1 item due, 1 overdue" in digests[0].body
    assert "http://127.0.0.1:8000/reminders/" in digests[0].body
    run_due(at(10))  # Sunday: the same week's digest
    assert len([m for m in mail.outbox if "digest" in m.subject]) == 1
    run_due(at(11, hour=8))
    assert len([m for m in mail.outbox if "digest" in m.subject]) == 2


def test_run_schedule_command_runs_what_is_due_once(demo, late_update):
    schedule_update(send_time=dt.time(0, 0))
    out = StringIO()
    call_command("run_schedule", stdout=out)
    call_command("run_schedule", stdout=out)
    assert len(reminders_to("editor@midshire.example")) == 1
    assert "reminders_late: 1 email sent" in out.getvalue()


def test_scorecard_remind_still_sends_every_reminder(demo, late_update):
    call_command("remind", "--period", "2017/18-Q2", stdout=StringIO())
    assert len(reminders_to("editor@midshire.example")) == 1


@pytest.mark.django_db(transaction=True)
def test_two_workers_at_the_same_moment_send_each_run_once(demo, late_update):
    """Two workers, each in its own connection, run the schedule at the same instant: the
    unique constraint lets one of them claim the run, and its reminders go once."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers: the race needs two real connections")
    barrier = threading.Barrier(2)
    errors = []

    def worker():
        try:
            barrier.wait()
            run_due(at(4))
        except Exception as error:  # reported below: a thread's failure must fail the test
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(reminders_to("editor@midshire.example")) == 1
    assert ScheduledRun.objects.filter(kind=RunKind.REMINDERS_LATE).count() == 1
