"""Two people saving the same measurement or risk at the same moment: one wins, the other gets
the conflict message, and no update is lost.

Each writer runs in its own thread with its own database connection, so the two are separate
database sessions racing for the same row, exactly as two gunicorn workers (processes) would be:
on PostgreSQL `select_for_update` makes the second wait for the first's commit, then see the new
version; on SQLite (IMMEDIATE transactions) the second waits for the write lock.
"""

import threading
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from scorecard.history import record_version
from scorecard.performance.models import Measurement
from scorecard.performance.services import measurement_record
from scorecard.risks import services as risk_services
from scorecard.risks.models import Assessment, Risk
from tests.performance.factories import IndicatorFactory, UserFactory
from tests.risks.factories import RegisterFactory, RiskFactory

pytestmark = pytest.mark.django_db(transaction=True)

ROUNDS = 3


def race(*writers):
    """Run the writers at the same moment, each in its own database session; return each one's
    outcome: "saved", or the conflict message."""
    barrier = threading.Barrier(len(writers))
    outcomes = [None] * len(writers)

    def run(index, writer):
        try:
            barrier.wait()
            writer()
            outcomes[index] = "saved"
        except ValidationError as error:
            outcomes[index] = " ".join(error.message_dict.get("version", [str(error)]))
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            outcomes[index] = f"unexpected {error!r}"
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, w)) for i, w in enumerate(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


def test_two_people_saving_one_measurement_at_once_one_wins_and_nothing_is_lost():
    updater, other = UserFactory(username="updater"), UserFactory(username="other")
    indicator = IndicatorFactory()
    measurement = measurement_record(indicator=indicator, period="2017/18-Q2", value=10, by=updater)
    for _ in range(ROUNDS):
        seen = measurement.version

        def save(value, by, seen=seen):
            return lambda: measurement_record(
                indicator=indicator, period="2017/18-Q2", value=value, by=by, expected_version=seen
            )

        outcomes = race(save(11, updater), save(12, other))
        assert outcomes.count("saved") == 1, outcomes
        loser = next(o for o in outcomes if o != "saved")
        assert "Someone else changed" in loser and "since you opened it" in loser, loser
        measurement = Measurement.objects.get(pk=measurement.pk)
        winner_value = Decimal(11 if outcomes[0] == "saved" else 12)
        # The winner's value is the one kept, and the version moved on exactly once.
        assert measurement.value == winner_value
        assert measurement.version == seen + 1
        assert measurement.history.count() == seen + 1


def test_two_people_reviewing_one_risk_at_once_one_wins_and_nothing_is_lost():
    risk_services.risk_matrix_create_default()
    admin, editor = UserFactory(username="admin"), UserFactory(username="editor")
    risk = RiskFactory(
        register=RegisterFactory(), owner=admin, current_likelihood=2, current_impact=3
    )
    for _ in range(ROUNDS):
        seen = record_version(risk)
        assessments = Assessment.objects.filter(risk=risk).count()

        def review(likelihood, by, seen=seen, risk=risk):
            return lambda: risk_services.risk_review(
                risk=risk, likelihood=likelihood, impact=4, commentary=f"By {by}.", assessor=by,
                seen_version=seen,
            )  # fmt: skip

        outcomes = race(review(3, admin), review(5, editor))
        assert outcomes.count("saved") == 1, outcomes
        loser = next(o for o in outcomes if o != "saved")
        assert "Someone else changed risk" in loser, loser
        risk = Risk.objects.get(pk=risk.pk)
        assert risk.current_likelihood == (3 if outcomes[0] == "saved" else 5)
        assert Assessment.objects.filter(risk=risk).count() == assessments + 1
        assert record_version(risk) != seen
