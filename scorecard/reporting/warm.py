"""Warm start: build the lines of the quarter both dashboards open on before anyone asks.

The dashboards keep their lines in the process (`kept`, decision 0010); a new process has none,
so its first reader would wait for every line to be built. `scorecard serve` calls
`dashboards_warm` in gunicorn's master before it listens and again before it forks each worker
(`scorecard/gunicorn_conf.py`, decision 0011): workers start with up-to-date lines.
"""

import logging
import time

from django.db import connections

from scorecard.core.periods import Period

from . import documents
from .selectors import period_default, report_data

logger = logging.getLogger(__name__)


def dashboards_warm() -> Period | None:
    """Keep the lines of the quarter the dashboards open on, and what both compute from them,
    as their first reads would. None when there is no quarter to show (an empty database)."""
    period = period_default()
    if period is None:
        return None
    documents.performance_context(report_data(period, risks=False, keep=True))
    documents.risk_context(report_data(period, performance=False, keep=True))
    return period


def dashboards_warm_before_fork() -> None:
    """`dashboards_warm` for a process about to fork: never raises (a server that cannot warm
    still serves, its workers build their lines on first read), and closes every database
    connection, so that no connection is shared with the children."""
    started = time.perf_counter()
    try:
        period = dashboards_warm()
    except Exception:
        logger.exception(
            "The dashboards could not be warmed; a worker builds its lines on first read."
        )
    else:
        if period is None:
            logger.info("No quarter on record: no dashboard to warm.")
        else:
            logger.info(
                "Dashboards of %s warm in %.1f s.", period.label, time.perf_counter() - started
            )
    finally:
        connections.close_all()
