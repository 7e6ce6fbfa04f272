"""Warm start: build the lines of the quarter both dashboards open on before anyone asks.

The dashboards keep their lines in the process (`kept`, decision 0010); a new process has none,
so its first reader would wait for every line to be built (and every page's first reader for its
templates to compile). `scorecard serve` calls `warm_before_fork` in gunicorn's master before it
listens and again before it forks each worker (`scorecard/gunicorn_conf.py`, decision 0011):
workers start with up-to-date lines and compiled templates.
"""

import logging
import time

from django.db import connections
from django.template import engines

from scorecard.core.confidentiality import EVERY_RISK
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
    documents.performance_context(report_data(period, reader=EVERY_RISK, risks=False, keep=True))
    documents.risk_context(report_data(period, reader=EVERY_RISK, performance=False, keep=True))
    return period


def templates_compile() -> int:
    """Compile every template, as each page's first render would; how many there are."""
    environment = engines["jinja2"].env
    names = environment.list_templates(extensions=["html"])
    for name in names:
        environment.get_template(name)
    return len(names)


def warm_before_fork() -> None:
    """The dashboards and the templates warmed in a process about to fork: never raises (a
    server that cannot warm still serves, each worker warming up on its first requests), and
    closes every database connection, so that none is shared with the children."""
    started = time.perf_counter()
    try:
        period = dashboards_warm()
        templates = templates_compile()
    except Exception:
        logger.exception("The server could not be warmed; each worker warms up as it serves.")
    else:
        dashboards = f"the dashboards of {period.label}" if period else "no quarter on record"
        logger.info(
            "Warm in %.1f s: %s, %d templates.",
            time.perf_counter() - started,
            dashboards,
            templates,
        )
    finally:
        connections.close_all()
