"""The dashboards' kept lines stay right when writers' transactions overlap (decision 0021).

The probe: writer A changes indicator a and keeps its transaction open; writer B changes b and
commits; a reader opens the dashboard; A commits; the reader opens it again; a later change to c
rebuilds only c's line. On PostgreSQL ids are given at insert and not at commit, so A's change
has a lower id than B's although it commits later: lines that followed ids showed a's old value
until the process restarted. Each writer is its own thread with its own database session, as
two gunicorn workers would be.
"""

import logging
import threading
from decimal import Decimal

import pytest
from django.db import connection, transaction

from scorecard.ops.generator import generate, last_years
from scorecard.performance.models import Indicator, Measurement
from scorecard.reporting import kept
from scorecard.reporting.indicator_lines import indicator_lines
from scorecard.reporting.selectors import corporate_scorecard, report_data
from tests.performance.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

QUARTER = last_years(1)[-1].quarters()[-1]
FULL_BUILD = "Built all"  # what kept.py logs when it builds every line of a quarter


def _as_shown(lines) -> dict[str, tuple]:
    return {
        line.code: (line.value, line.state, [line.trend[-1][0], Decimal(line.trend[-1][1])])
        for line in lines
    }


def _shown() -> dict[str, tuple]:
    """Each indicator's value, status and latest value as the performance dashboard has them;
    the same as lines built afresh from what has committed."""
    shown = _as_shown(report_data(QUARTER, keep=True, risks=False).indicators)
    assert shown == _as_shown(indicator_lines(scorecard=corporate_scorecard(), period=QUARTER))
    return shown


def _latest_value(code: str) -> Measurement:
    """The value a line shows last (its trend's newest point)."""
    period = _shown()[code][2][0]
    return Measurement.objects.get(indicator__code=code, period=period)


def _set(measurement: Measurement, value: str) -> None:
    measurement.value = Decimal(value)
    measurement.save()


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite lets one writer at a time: B would wait for A, so the overlap cannot happen.",
)
def test_a_change_committed_after_a_later_one_shows_at_once_and_stays(caplog):
    caplog.set_level(logging.INFO, logger="scorecard.reporting")
    UserFactory(username="admin", is_superuser=True, is_staff=True)
    generate(indicators=3, risks=0, years=1, seed=41)
    kept.forget()
    a, b, c = sorted(_shown())
    value_a, value_b, value_c = (_latest_value(code) for code in (a, b, c))
    before = _shown()
    assert len([r for r in caplog.records if FULL_BUILD in r.getMessage()]) == 1

    a_written, a_may_commit, failures = threading.Event(), threading.Event(), []

    def writer_a():
        try:
            with transaction.atomic():
                _set(value_a, "1001")
                a_written.set()
                assert a_may_commit.wait(timeout=60)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            failures.append(error)
        finally:
            a_written.set()
            connection.close()

    thread = threading.Thread(target=writer_a)
    thread.start()
    assert a_written.wait(timeout=60)

    _set(value_b, "1002")  # writer B, committed at once (autocommit)
    shown = _shown()
    assert shown[a] == before[a]  # A has not committed: its change is not there yet
    assert shown[b][2] == [value_b.period, Decimal("1002")]

    a_may_commit.set()
    thread.join(timeout=60)
    assert not failures and not thread.is_alive()
    shown = _shown()
    assert shown[a][2] == [value_a.period, Decimal("1001")]
    assert shown[b][2] == [value_b.period, Decimal("1002")]

    _set(value_c, "1003")  # a later change: only c's line is built again, a's stays right
    shown = _shown()
    assert shown[a][2] == [value_a.period, Decimal("1001")]
    assert shown[b][2] == [value_b.period, Decimal("1002")]
    assert shown[c][2] == [value_c.period, Decimal("1003")]
    assert _shown() == shown  # and the next read agrees

    # Every read after the first rebuilt only the changed lines, never all of them.
    assert len([r for r in caplog.records if FULL_BUILD in r.getMessage()]) == 1
    assert Indicator.objects.count() == 3
