"""A short load test inside the suite: 10 simulated users for 10 seconds against gunicorn with
two workers, on the suite's own database (PostgreSQL or the SQLite file). No request may fail,
and every value a user submitted must be in the database afterwards."""

from pathlib import Path

import pytest
from django.db import connection

from scorecard.demo import load_demo
from tests.load.run import load_test

USERS, SECONDS, WORKERS = 10, 10, 2


def database_url() -> str:
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{Path(settings['NAME']).resolve()}"
    user = settings["USER"] or "postgres"
    password = f":{settings['PASSWORD']}" if settings["PASSWORD"] else ""
    host, port = settings["HOST"] or "127.0.0.1", settings["PORT"] or "5432"
    return f"postgres://{user}{password}@{host}:{port}/{settings['NAME']}"


# The server reads the data from its own connections: it must be committed.
@pytest.mark.django_db(transaction=True)
def test_ten_users_browse_and_submit_updates_with_no_error_and_nothing_lost(
    tmp_path, acceptance_figure
):
    load_demo()
    result = load_test(
        database_url=database_url(), users=USERS, seconds=SECONDS, workers=WORKERS,
        production=False, folder=tmp_path,
    )  # fmt: skip
    label = f"Load test ({connection.vendor}), {USERS} users for {SECONDS} s, {WORKERS} workers"
    for line in result.figures(label):
        acceptance_figure(line)
    pages = {row["name"] for row in result.stats}
    # Every user starts its round of visits at a different page: ten users reach all eight.
    assert pages >= {
        "sign in", "performance dashboard", "indicator list", "indicator page", "submit update",
        "risk dashboard", "risk register", "risk page", "my updates",
        "public quarter page", "public quarter page, revalidated",
    }  # fmt: skip
    assert result.failures == 0, result.output
    assert result.records, "no simulated user submitted a value"
    assert result.lost == []


def test_the_checker_reports_a_submitted_value_missing_from_the_database(demo):
    from scorecard.organisation.models import User
    from scorecard.performance import services as performance
    from scorecard.performance.models import Indicator
    from tests.load.plan import lost_values, prepare

    performance.reporting_period_open(period="2017/18-Q3", by=demo["admin"])
    plan = prepare(users=1)
    account = plan["accounts"][0]
    indicator = Indicator.objects.get(pk=account["indicator_id"])
    editor = User.objects.get(username=account["username"])
    saved = {"value": "41", "commentary": "First update."}
    performance.measurement_save(
        indicator=indicator, period=plan["period"], by=editor, expected_version=0, submit=True,
        **saved,
    )  # fmt: skip
    record = {"username": editor.username, "indicator_id": indicator.pk, **saved}
    assert lost_values(plan, [record]) == []
    never_stored = {**record, "value": "42", "commentary": "Second update."}
    assert lost_values(plan, [record, never_stored]) == [
        "load-updater-001 submitted 42 (Second update.)",
        "load-updater-001's last value 42 is not the one stored",
    ]
