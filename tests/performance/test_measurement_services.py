"""Recording values: what an updater may key in, and the clear refusals when they may not."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from scorecard.organisation.choices import Role
from scorecard.organisation.services import membership_create
from scorecard.performance.choices import (
    Aggregation,
    DataQuality,
    Frequency,
    PeriodState,
    Unit,
    WorkflowState,
)
from scorecard.performance.models import Measurement
from scorecard.performance.services import (
    measurement_approve,
    measurement_record,
    measurement_return,
    measurement_submit,
    reporting_period_set_state,
)

from .factories import IndicatorFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def updater():
    return UserFactory(username="updater")


def refusal(field, **kwargs):
    """Record, expect a refusal naming `field`, and return its message; nothing is written."""
    before = Measurement.objects.count()
    with pytest.raises(ValidationError) as caught:
        measurement_record(**kwargs)
    assert Measurement.objects.count() == before
    assert field in caught.value.message_dict, caught.value.message_dict
    return " ".join(caught.value.message_dict[field])


def test_record_a_quarterly_value(updater):
    indicator = IndicatorFactory(unit=Unit.PERCENTAGE)
    m = measurement_record(
        indicator=indicator,
        period="Quarter Two 2017/18",
        value="78.5",
        commentary="Staff shortages in August.",
        data_quality=DataQuality.PROVISIONAL,
        by=updater,
    )
    assert (m.period, m.value, m.state, m.version) == (
        "2017/18-Q2",
        Decimal("78.5"),
        WorkflowState.DRAFT,
        1,
    )
    assert m.entered_by == updater and m.entered_at is not None
    assert m.history.count() == 1


def test_a_value_for_a_period_that_does_not_match_the_frequency_is_refused(updater):
    indicator = IndicatorFactory(code="CS01", frequency=Frequency.QUARTERLY)
    message = refusal("period", indicator=indicator, period="2017/18-M07", value=5, by=updater)
    assert "CS01 is collected quarterly" in message and "a quarter" in message
    annual = IndicatorFactory(frequency=Frequency.ANNUAL)
    assert "a financial year" in refusal(
        "period", indicator=annual, period="2017/18-Q2", value=5, by=updater
    )


def test_a_period_that_does_not_exist_is_refused(updater):
    assert "not a financial year" in refusal(
        "period", indicator=IndicatorFactory(), period="2017/19-Q2", value=5, by=updater
    )


@pytest.mark.parametrize("value", ["140", "-0.5", "100.25"])
def test_a_percentage_outside_0_to_100_is_refused(updater, value):
    indicator = IndicatorFactory(unit=Unit.PERCENTAGE)
    message = refusal("value", indicator=indicator, period="2017/18-Q2", value=value, by=updater)
    # The value is repeated as it was keyed: "140", never "1.4E+2".
    assert message.endswith(f"between 0 and 100; you entered {value}.")


def test_a_percentage_change_may_be_negative(updater):
    indicator = IndicatorFactory(unit=Unit.PERCENTAGE_CHANGE)
    assert (
        measurement_record(indicator=indicator, period="2017/18-Q2", value="-16", by=updater).value
        == -16
    )


@pytest.mark.parametrize("value", ["ninety", "12..5", "NaN", True])
def test_a_value_that_is_not_a_number_is_refused(updater, value):
    message = refusal(
        "value", indicator=IndicatorFactory(), period="2017/18-Q2", value=value, by=updater
    )
    assert "Enter a number" in message


def test_a_value_for_a_locked_quarter_is_refused(updater):
    reporting_period_set_state(period="2017/18-Q2", state=PeriodState.LOCKED, by=updater)
    monthly = IndicatorFactory(frequency=Frequency.MONTHLY)
    message = refusal("period", indicator=monthly, period="2017/18-M08", value=5, by=updater)
    assert "Quarter Two 2017/18 is locked" in message
    # An annual result due in the locked quarter is locked too; other quarters stay open.
    annual = IndicatorFactory(frequency=Frequency.ANNUAL, due_quarter=2)
    refusal("period", indicator=annual, period="2017/18", value=5, by=updater)
    assert measurement_record(indicator=monthly, period="2017/18-M10", value=5, by=updater).pk
    # A locked quarter never reopens: its values change only by restatement.
    with pytest.raises(ValidationError) as caught:
        reporting_period_set_state(period="2017/18-Q2", state=PeriodState.OPEN, by=updater)
    assert caught.value.message_dict == {
        "period": [
            "Quarter Two 2017/18 is locked: it cannot be reopened. Correct a published value by restating it."
        ]
    }
    refusal("period", indicator=monthly, period="2017/18-M08", value=5, by=updater)


def test_ratio_indicators_need_numerator_and_denominator_and_compute_the_value(updater):
    indicator = IndicatorFactory(unit=Unit.PERCENTAGE, aggregation=Aggregation.RATIO)
    refusal("numerator", indicator=indicator, period="2017/18-Q2", value=50, by=updater)
    refusal(
        "denominator",
        indicator=indicator,
        period="2017/18-Q2",
        numerator=3,
        denominator=0,
        by=updater,
    )
    refusal(
        "numerator",
        indicator=indicator,
        period="2017/18-Q2",
        numerator=5,
        denominator=4,
        by=updater,
    )
    m = measurement_record(
        indicator=indicator, period="2017/18-Q2", numerator=67, denominator=1343, by=updater
    )
    assert m.value.quantize(Decimal("0.1")) == Decimal("5.0")  # ASCOF 1E for Worcestershire


def test_a_stale_edit_is_refused(updater):
    indicator = IndicatorFactory()
    first = measurement_record(indicator=indicator, period="2017/18-Q2", value=10, by=updater)
    second = measurement_record(
        indicator=indicator, period="2017/18-Q2", value=11, by=updater, expected_version=1
    )
    assert second.version == 2
    message = refusal(
        "version",
        indicator=indicator,
        period="2017/18-Q2",
        value=12,
        by=updater,
        expected_version=1,
    )
    assert "Someone else changed" in message
    first.refresh_from_db()
    assert first.value == 11


def test_manual_ratings_need_a_reason(updater):
    indicator = IndicatorFactory(status_rule={"type": "manual"})
    refusal(
        "manual_reason", indicator=indicator, period="2017/18-Q2", manual_rating="red", by=updater
    )
    m = measurement_record(
        indicator=indicator,
        period="2017/18-Q2",
        manual_rating="amber",
        manual_reason="Slipped.",
        by=updater,
    )
    assert m.manual_rating == "amber"
    rated = IndicatorFactory()
    refusal(
        "manual_rating",
        indicator=rated,
        period="2017/18-Q2",
        value=1,
        manual_rating="red",
        manual_reason="x",
        by=updater,
    )


def test_workflow_submit_return_resubmit_approve(updater):
    approver = UserFactory(username="approver", first_name="Jane", last_name="Smith")
    membership_create(person=approver, role=Role.READER)  # the indicator's owner approves
    indicator = IndicatorFactory(owner=approver)
    m = measurement_record(indicator=indicator, period="2017/18-Q2", value=10, by=updater)
    m = measurement_submit(measurement=m, by=updater, expected_version=1)
    with pytest.raises(ValidationError) as caught:
        measurement_return(measurement=m, by=approver, reason=" ", expected_version=2)
    assert "review_note" in caught.value.message_dict
    m = measurement_return(
        measurement=m, by=approver, reason="Q2 figure is year to date.", expected_version=2
    )
    assert (m.state, m.reviewed_by, m.review_note) == (
        WorkflowState.RETURNED,
        approver,
        "Q2 figure is year to date.",
    )
    with pytest.raises(ValidationError) as caught:
        measurement_approve(measurement=m, by=approver, expected_version=3)
    assert "cannot be approved" in caught.value.message_dict["state"][0]
    m = measurement_submit(measurement=m, by=updater, expected_version=3)
    m = measurement_approve(measurement=m, by=approver, expected_version=4)
    assert (m.state, m.version) == (WorkflowState.APPROVED, 5)
    assert m.history.count() == 5  # every step recorded


def test_a_value_loaded_by_the_system_needs_no_person():
    m = measurement_record(indicator=IndicatorFactory(), period="2017/18-Q2", value=3, by=None)
    assert m.entered_by is None and m.pk


def test_a_count_a_rate_or_a_number_of_days_is_never_negative(updater):
    """A ratio's numerator counts people or events; a rate and a number of days cannot fall
    below zero either. A plain number (a net change, a balance) may."""
    ratio = IndicatorFactory(unit=Unit.RATE, aggregation=Aggregation.RATIO)
    message = refusal(
        "numerator", indicator=ratio, period="2017/18-Q2", numerator=-3, denominator=100,
        by=updater,
    )  # fmt: skip
    assert message == "The numerator is a count: it cannot be negative."
    days = IndicatorFactory(unit=Unit.DAYS)
    message = refusal("value", indicator=days, period="2017/18-Q2", value="-2.5", by=updater)
    assert message == "A number of days cannot be negative; you entered -2.5."
    rate = IndicatorFactory(unit=Unit.RATE)
    assert refusal("value", indicator=rate, period="2017/18-Q2", value=-1, by=updater) == (
        "A rate cannot be negative; you entered -1."
    )
    net = IndicatorFactory(unit=Unit.NUMBER)
    assert (
        measurement_record(indicator=net, period="2017/18-Q2", value=-40, by=updater).value == -40
    )
