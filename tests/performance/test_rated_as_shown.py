"""A value is rated on the figure the council publishes: the colour and the printed figure agree,
and a figure pasted from a spreadsheet formula is kept as the council's figure, with a notice."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from scorecard.core.aggregation import Reading
from scorecard.core.figures import as_published
from scorecard.core.indicator_schedule import Frequency
from scorecard.core.periods import Period
from scorecard.core.status import History, evaluate
from scorecard.performance import services
from scorecard.performance.choices import Unit
from scorecard.performance.engine import profile_for
from scorecard.performance.models import Indicator, Measurement

from .factories import IndicatorFactory, MeasurementFactory, TargetFactory

NO_TOLERANCE = {"type": "tolerance", "amber": {"absolute": "0"}}  # green on target, else red


def text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def status_row(page: str, quarter: str) -> str:
    """The status history row of one quarter on the indicator page."""
    match = re.search(rf"<td class=\"govuk-table__cell\">{quarter}</td>(.*?)</tr>", page)
    assert match, f"no status row for {quarter}"
    return re.sub(r"<[^>]+>", " ", match.group(1))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("decimals", "value", "printed"), [(1, "49.96", "50.0%"), (2, "49.996", "50.00%")]
)
def test_a_value_just_under_target_prints_and_rates_as_the_published_figure(
    client, demo, decimals, value, printed
):
    indicator = IndicatorFactory(
        unit=Unit.PERCENTAGE, decimals=decimals, status_rule=NO_TOLERANCE, owner=demo["admin"]
    )
    TargetFactory(indicator=indicator, period="2017/18", value=Decimal("50.0"))
    MeasurementFactory(indicator=indicator, period="2017/18-Q2", value=Decimal(value))
    client.force_login(demo["reader"])
    page = text(client.get(reverse("performance:indicator", args=[indicator.pk])))
    row = " ".join(status_row(page, "Quarter Two 2017/18").split())
    # The published figure is on target, so the colour is green: both agree with what is printed.
    assert row == f"Green {printed} against a target of {printed}"


@settings(max_examples=200, deadline=None)
@given(
    value=st.decimals(min_value=0, max_value=200, places=4, allow_nan=False),
    target=st.decimals(min_value=1, max_value=200, places=1, allow_nan=False),
    decimals=st.integers(min_value=0, max_value=3),
    rule=st.sampled_from(
        [
            NO_TOLERANCE,
            {"type": "tolerance", "amber": {"percent": "10"}},
            {"type": "thresholds", "green": "95", "amber": "90"},
        ]
    ),
)
def test_the_engine_rates_a_value_as_its_figure_rounded_to_the_indicators_decimals(
    value, target, decimals, rule
):
    indicator = Indicator(
        code="P1",
        polarity="higher",
        frequency=Frequency.QUARTERLY.value,
        decimals=decimals,
        status_rule=rule,
    )
    quarter = Period.quarter(2017, 2)

    def rating(figure):
        history = History({quarter: Reading(figure)}, {quarter.year_of(): target})
        return evaluate(profile_for(indicator), quarter, history).state

    # Rounded half up, as the council prints it (Python's round() rounds half to even).
    assert rating(value) == rating(as_published(value, decimals))


@pytest.mark.django_db
def test_excel_noise_is_accepted_by_the_form_and_stored_as_the_councils_figure(client, demo):
    services.reporting_period_open(period="2017/18-Q2", by=demo["admin"])
    indicator = IndicatorFactory(unit=Unit.PERCENTAGE, decimals=3, owner=demo["admin"])
    TargetFactory(indicator=indicator, period="2017/18", value=50)
    client.force_login(demo["admin"])
    url = reverse(
        "performance:measurement_edit", kwargs={"pk": indicator.pk, "period": "2017-18-Q2"}
    )
    data = {
        "value": "56.175000000000004",
        "commentary": "",
        "improvement_actions": "",
        "data_quality": "final",
        "action": "save",
        "version": 0,
    }
    page = text(client.post(url, data, follow=True))
    assert (
        "The value 56.175000000000004 has more than 6 decimal places: it is stored as 56.175."
        in page
    )
    assert "saved as a draft" in page
    stored = Measurement.objects.get(indicator=indicator, period="2017/18-Q2")
    assert stored.value == Decimal("56.175")


@pytest.mark.django_db
def test_a_count_is_printed_with_a_thousands_separator_on_the_indicator_page(client, demo):
    indicator = IndicatorFactory(unit=Unit.NUMBER, decimals=0, owner=demo["admin"])
    TargetFactory(indicator=indicator, period="2017/18", value=1200)
    MeasurementFactory(indicator=indicator, period="2017/18-Q2", value=Decimal("1310"))
    client.force_login(demo["reader"])
    page = text(client.get(reverse("performance:indicator", args=[indicator.pk])))
    row = " ".join(status_row(page, "Quarter Two 2017/18").split())
    assert row == "Green 1,310 against a target of 1,200"
    # Everywhere the page writes the figure (the chart's own marks, drawn by Vega, aside).
    assert "1310" not in re.sub(r"<svg.*?</svg>", "", page)
