"""Alerts: written with their event, sent once to the right people, as each person chose."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from scorecard.notifications.choices import AlertKind, Delivery
from scorecard.notifications.models import Alert
from scorecard.notifications.schedule import run_due
from scorecard.notifications.services import alert_preferences_set, schedule_update
from scorecard.organisation.models import Directorate
from scorecard.performance import services
from scorecard.performance.choices import Unit
from scorecard.performance.models import Measurement
from scorecard.risks.services import assessment_record, risk_matrix_create_default
from tests.performance.factories import IndicatorFactory, TargetFactory, UserFactory
from tests.risks.factories import RiskFactory

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2017, 12, 4, 10, 0, tzinfo=timezone.get_current_timezone())


@pytest.fixture
def indicator(demo):
    """ASC-W1, owned by Olive; Erin (Adult Services' editor) keys in its values."""
    schedule_update(late_every_days=0, reviews_overdue=False, digest_weekday=6)
    services.reporting_period_open(period="2017/18-Q2", by=demo["admin"])
    services.reporting_period_open(period="2017/18-Q1", by=demo["admin"])
    olive = UserFactory(username="olive", email="olive@midshire.example")
    indicator = IndicatorFactory(
        code="ASC-W1",
        directorate=Directorate.objects.get(code="ASC"),
        unit=Unit.PERCENTAGE,
        owner=olive,
    )
    TargetFactory(indicator=indicator, period="2017/18", value=90)
    return indicator


def submit(demo, indicator, period: str, value: str) -> Measurement:
    return services.measurement_save(
        indicator=indicator, period=period, by=demo["editor"], expected_version=0, submit=True,
        value=value, commentary="Staff shortages.", improvement_actions="Recruiting.",
    )  # fmt: skip


def approve(demo, measurement: Measurement) -> Measurement:
    return services.measurement_approve(
        measurement=measurement, by=demo["admin"], expected_version=measurement.version
    )


def alert_mail(kind_text: str) -> dict[str, list]:
    sent: dict[str, list] = {}
    for message in mail.outbox:
        if kind_text in message.subject:
            sent.setdefault(message.to[0], []).append(message)
    return sent


def test_an_indicator_turning_red_tells_its_owner_and_the_directorates_editors_once(
    demo, indicator
):
    approve(demo, submit(demo, indicator, "2017/18-Q2", "50"))
    assert Alert.objects.filter(kind=AlertKind.INDICATOR_RED).count() == 2  # with the approval
    run_due(NOW)
    run_due(NOW + dt.timedelta(minutes=1))
    sent = alert_mail("is red")
    assert sorted(sent) == ["editor@midshire.example", "olive@midshire.example"]
    assert all(len(messages) == 1 for messages in sent.values())
    body = sent["olive@midshire.example"][0].body
    assert "ASC-W1" in body and "Quarter Two 2017/18" in body
    assert f"http://127.0.0.1:8000/scorecard/indicators/{indicator.pk}/" in body


def test_a_value_red_before_does_not_alert_again(demo, indicator):
    approve(demo, submit(demo, indicator, "2017/18-Q1", "50"))
    Alert.objects.all().delete()
    approve(demo, submit(demo, indicator, "2017/18-Q2", "40"))
    assert not Alert.objects.exists()


def test_a_green_value_alerts_nobody(demo, indicator):
    approve(demo, submit(demo, indicator, "2017/18-Q2", "95"))
    run_due(NOW)
    assert alert_mail("is red") == {}


def test_a_returned_value_tells_its_updater_once(demo, indicator):
    measurement = submit(demo, indicator, "2017/18-Q2", "95")
    services.measurement_return(
        measurement=measurement, by=demo["admin"], reason="Wrong quarter's figure.",
        expected_version=measurement.version,
    )  # fmt: skip
    run_due(NOW)
    run_due(NOW)
    sent = alert_mail("was returned")
    assert sorted(sent) == ["editor@midshire.example", "olive@midshire.example"]
    assert "Wrong quarter's figure." in sent["editor@midshire.example"][0].body
    assert len(sent["editor@midshire.example"]) == 1


def test_those_who_opted_out_are_not_told_and_digest_ones_wait_for_the_digest(demo, indicator):
    alert_preferences_set(person=demo["editor"], choices={AlertKind.INDICATOR_RED: Delivery.NEVER})
    alert_preferences_set(
        person=indicator.owner, choices={AlertKind.INDICATOR_RED: Delivery.DIGEST}
    )
    run_due(NOW)  # catches up last Sunday's digest: the alert is not in it yet
    mail.outbox.clear()
    approve(demo, submit(demo, indicator, "2017/18-Q2", "50"))
    run_due(NOW + dt.timedelta(minutes=1))  # Monday: not the digest's day (Sunday)
    assert alert_mail("is red") == {}
    assert alert_mail("digest") == {}
    run_due(NOW + dt.timedelta(days=6))  # Sunday 10:00, after the digest's 08:00
    digests = alert_mail("digest")
    assert sorted(digests) == ["admin@midshire.example", "olive@midshire.example"]
    olive = digests["olive@midshire.example"][0].body
    assert "indicator ASC-W1 is red" in olive and "/scorecard/indicators/" in olive
    assert "editor@midshire.example" not in digests
    run_due(NOW + dt.timedelta(days=13))  # next week's digest: the alert is not repeated
    assert len(alert_mail("digest")["olive@midshire.example"]) == 1  # nothing new for her
    assert len(alert_mail("digest")["admin@midshire.example"]) == 2


@pytest.fixture
def risk(demo):
    schedule_update(late_every_days=0, reviews_overdue=True, digest_weekday=6)
    risk_matrix_create_default()
    pat = UserFactory(username="pat", email="pat@midshire.example")
    return RiskFactory(reference="CR-01", owner=pat, next_review_on=dt.date(2017, 11, 1))


def test_a_risk_rising_into_a_higher_band_tells_its_owner_once(demo, risk):
    assessment_record(risk=risk, likelihood=1, impact=1, assessor=demo["admin"], commentary="Low.")
    assessment_record(risk=risk, likelihood=2, impact=1, assessor=demo["admin"], commentary="Same.")
    assert not Alert.objects.filter(kind=AlertKind.RISK_BAND_UP).exists()  # same band
    assessment_record(risk=risk, likelihood=5, impact=5, assessor=demo["admin"], commentary="Up.")
    assessment_record(risk=risk, likelihood=1, impact=1, assessor=demo["admin"], commentary="Down")
    run_due(NOW)
    run_due(NOW)
    sent = alert_mail("has risen")
    assert list(sent) == ["pat@midshire.example"] and len(sent["pat@midshire.example"]) == 1
    assert f"http://127.0.0.1:8000/risks/{risk.pk}/" in sent["pat@midshire.example"][0].body


def test_an_overdue_review_tells_its_owner_once(demo, risk):
    run_due(NOW)
    run_due(NOW + dt.timedelta(days=1))  # still overdue the next day: not told again
    sent = alert_mail("is overdue")
    assert list(sent) == ["pat@midshire.example"] and len(sent["pat@midshire.example"]) == 1
    assert "1 November 2017" in sent["pat@midshire.example"][0].body
    assert f"http://127.0.0.1:8000/risks/{risk.pk}/" in sent["pat@midshire.example"][0].body
