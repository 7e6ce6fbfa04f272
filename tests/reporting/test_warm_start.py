"""Warm start: the server builds the dashboards' lines of the default quarter before its workers
serve, so the first reader after a start or a worker's restart does not wait for them; a new day
keeps them, as no line moves with the date alone."""

import datetime as dt
import logging
import urllib.request

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from scorecard import gunicorn_conf
from scorecard.ops.generator import generate, last_years
from scorecard.performance import services as performance_services
from scorecard.reporting import kept, warm
from scorecard.reporting.indicator_lines import indicator_lines
from scorecard.reporting.models import IndicatorSnapshot, RiskSnapshot
from scorecard.reporting.risk_lines import risk_lines
from scorecard.reporting.selectors import corporate_scorecard
from scorecard.risks.selectors import risk_matrix_current
from tests.load.plan import signed_in_session
from tests.load.run import LOOPBACK, free_port, start_server, stop_server, wait_until_up
from tests.load.test_load import database_url

QUARTER = last_years(1)[-1].quarters()[-1]
DASHBOARDS = [reverse("reporting:performance_dashboard"), reverse("reporting:risk_dashboard")]
FULL_BUILD = "Built all"  # what kept.py logs when it builds every line of a quarter


def _council_with_an_open_quarter(admin) -> None:
    generate(indicators=6, risks=8, years=1, seed=11)
    performance_services.reporting_period_open(period=QUARTER.key, by=admin)


@pytest.fixture
def full_builds(caplog):
    caplog.set_level(logging.INFO, logger="scorecard.reporting")
    return lambda: [r.getMessage() for r in caplog.records if FULL_BUILD in r.getMessage()]


@pytest.mark.django_db
def test_after_the_warm_up_the_first_dashboard_reads_build_no_line(client, demo, full_builds):
    _council_with_an_open_quarter(demo["admin"])
    kept.forget()  # a new process

    assert warm.dashboards_warm() == QUARTER
    assert len(full_builds()) == 2  # the indicators' lines and the risks'

    client.force_login(demo["admin"])
    for url in DASHBOARDS:  # as a reader opens them: no quarter chosen
        response = client.get(url)
        assert response.status_code == 200
        assert QUARTER.label in response.content.decode()
    assert len(full_builds()) == 2


@pytest.mark.django_db
def test_an_empty_database_is_not_warmed(full_builds):
    assert warm.dashboards_warm() is None
    assert full_builds() == []


@pytest.mark.django_db
def test_a_failure_to_warm_is_logged_and_never_stops_the_server(monkeypatch, caplog):
    def fail():
        raise RuntimeError("the database is not there")

    closed = []
    monkeypatch.setattr(warm, "dashboards_warm", fail)
    # Not this test's own connection: record that every connection is closed before the fork.
    monkeypatch.setattr(warm.connections, "close_all", lambda: closed.append(True))

    gunicorn_conf.on_starting(server=None)
    gunicorn_conf.pre_fork(server=None, worker=None)

    assert closed == [True, True]
    assert "could not be warmed" in caplog.text and "the database is not there" in caplog.text
    assert "Warm in" not in caplog.text


def _fields(lines, model) -> list[dict]:
    names = [f.attname for f in model._meta.concrete_fields if f.attname != "id"]
    return [{name: getattr(line, name) for name in names} for line in lines]


@pytest.mark.django_db
def test_no_line_moves_with_the_date_alone(demo, monkeypatch):
    # The kept lines are not built again on a new day: this holds only while no line depends on
    # the date. The quarter after the values is due and empty: its values are awaiting, then late.
    generate(indicators=6, risks=8, years=1, seed=12)
    quarter = QUARTER.next()
    scorecard, matrix = corporate_scorecard(), risk_matrix_current()
    built = []
    for today in (quarter.start, quarter.end + dt.timedelta(days=120)):
        now = dt.datetime.combine(today, dt.time(12), tzinfo=dt.UTC)
        monkeypatch.setattr(timezone, "localdate", lambda *args, today=today, **kwargs: today)
        monkeypatch.setattr(timezone, "now", lambda now=now: now)
        indicators = indicator_lines(scorecard=scorecard, period=quarter)
        built.append(
            (
                _fields(indicators, IndicatorSnapshot),
                _fields(risk_lines(period=quarter, matrix=matrix), RiskSnapshot),
            )
        )
    assert {line.state for line in indicators} == {"awaiting_data"}
    assert built[0] == built[1]


@pytest.mark.django_db(transaction=True)  # the server reads the data from its own connections
def test_scorecard_serve_warms_the_dashboards_before_its_workers_serve(demo, tmp_path):
    _council_with_an_open_quarter(demo["admin"])
    session = signed_in_session(demo["admin"])
    port = free_port()
    url = f"http://{LOOPBACK}:{port}"
    server = start_server(
        database_url=database_url(), port=port, workers=1, production=False, folder=tmp_path
    )
    pages = []
    try:
        wait_until_up(server, url, tmp_path, timeout=120)
        for path in DASHBOARDS:
            request = urllib.request.Request(  # noqa: S310 - an http URL on loopback
                url + path, headers={"Cookie": f"{settings.SESSION_COOKIE_NAME}={session}"}
            )
            with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 - loopback
                pages.append((response.status, response.read().decode()))
    finally:
        stop_server(server)
    log = (tmp_path / "server.log").read_text()
    assert [status for status, _ in pages] == [200, 200]
    assert all(QUARTER.label in html for _, html in pages)
    assert f"the dashboards of {QUARTER.label}" in log.split("Warm in", 1)[1]
    # Both full builds happen in the master before it listens; the worker builds nothing.
    before_listening, after = log.split("Listening at", 1)
    assert before_listening.count(FULL_BUILD) == 2
    assert FULL_BUILD not in after, log
