"""The quarterly cycle's services and the reminders: `scorecard remind` through Django's email."""

import datetime as dt
from io import StringIO

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command

from scorecard.organisation.models import Directorate
from scorecard.performance import services
from scorecard.performance.choices import PeriodState, Unit, WorkflowState
from scorecard.performance.models import Measurement
from scorecard.risks.services import risk_matrix_create_default
from tests.risks.factories import ActionFactory, RiskFactory

from .factories import IndicatorFactory, TargetFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def indicator(demo):
    indicator = IndicatorFactory(
        code="ASC-W1", directorate=Directorate.objects.get(code="ASC"), unit=Unit.PERCENTAGE
    )
    TargetFactory(indicator=indicator, period="2017/18", value=90)
    return indicator


def test_a_red_value_is_refused_for_submission_without_explanation(demo, indicator):
    with pytest.raises(ValidationError) as caught:
        services.measurement_save(
            indicator=indicator, period="2017/18-Q2", by=demo["editor"], expected_version=0,
            submit=True, value="50", commentary="Why.",
        )  # fmt: skip
    assert set(caught.value.message_dict) == {"improvement_actions"}
    assert not Measurement.objects.exists()


def test_a_locked_quarter_cannot_be_reopened_here(demo):
    services.reporting_period_set_state(
        period="2017/18-Q2", state=PeriodState.LOCKED, by=demo["admin"]
    )
    with pytest.raises(ValidationError, match="locked"):
        services.reporting_period_open(period="2017/18-Q2", by=demo["admin"])


@pytest.fixture
def due_work(demo, indicator):
    """Erin owes a value; Pat owes a risk review and an overdue action."""
    services.reporting_period_open(period="2017/18-Q2", by=demo["admin"])
    indicator.updaters.add(demo["editor"])
    approved = IndicatorFactory(code="ASC-W2", directorate=indicator.directorate)
    approved.updaters.add(demo["editor"])
    services.measurement_record(indicator=approved, period="2017/18-Q2", by=None, value="99")
    Measurement.objects.filter(indicator=approved).update(state=WorkflowState.APPROVED)
    risk_matrix_create_default()
    pat = UserFactory(username="pat", email="pat@midshire.example")
    risk = RiskFactory(reference="CR-01", owner=pat, next_review_on=dt.date(2017, 11, 1))
    ActionFactory(
        risk=risk, owner=pat, description="Retender the contract", due_on=dt.date(2017, 9, 1)
    )
    return pat


def test_remind_emails_each_person_their_due_and_overdue_items(demo, due_work):
    out = StringIO()
    call_command("remind", "--period", "2017/18-Q2", stdout=out)
    by_recipient = {m.to[0]: m for m in mail.outbox}
    assert set(by_recipient) == {"editor@midshire.example", "pat@midshire.example"}
    erin = by_recipient["editor@midshire.example"]
    assert "Indicator ASC-W1" in erin.body and "OVERDUE since 30 October 2017" in erin.body
    assert "ASC-W2" not in erin.body  # approved: nothing to do
    pat = by_recipient["pat@midshire.example"]
    assert "Risk CR-01" in pat.body and "review OVERDUE since 1 November 2017" in pat.body
    assert "Retender the contract" in pat.body
    assert pat.subject == "Scorecard: 2 items due, 2 overdue"
    assert "2 reminder(s) for Quarter Two 2017/18 sent." in out.getvalue()


def test_remind_dry_run_sends_nothing(demo, due_work):
    out = StringIO()
    call_command("remind", "--dry-run", stdout=out)  # the quarter open for updates
    assert mail.outbox == []
    assert "editor@midshire.example: Scorecard: 1 item due, 1 overdue" in out.getvalue()
    assert "would be sent" in out.getvalue()


def test_the_reminders_page_sends_the_same_emails(client, demo, due_work):
    client.force_login(demo["admin"])
    page = client.get("/reminders/").content.decode()
    assert "Retender the contract" in page
    assert client.post("/reminders/").status_code == 302
    assert len(mail.outbox) == 2
