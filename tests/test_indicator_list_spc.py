"""The indicator list shows each indicator's SPC icons, with their text, in a fixed number of
queries however many indicators the page holds."""

import re
from decimal import Decimal as D

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from scorecard.core.periods import Period
from tests.performance.factories import IndicatorFactory, MeasurementFactory, TargetFactory

pytestmark = pytest.mark.django_db

STEADY = [50, 52, 49, 51, 50, 48, 51, 50, 52, 49, 51, 50, 49, 51, 50]


def months(count: int) -> list[Period]:
    first = Period.quarter(2016, 1).months()[0]
    result, month = [], first
    for _ in range(count):
        result.append(month)
        month = month.next()
    return result


def monthly(code: str, values: list, target=None):
    indicator = IndicatorFactory(code=code, frequency="monthly", polarity="higher")
    for period, value in zip(months(len(values)), values, strict=True):
        MeasurementFactory(indicator=indicator, period=period.key, value=D(value))
    if target is not None:
        TargetFactory(indicator=indicator, period="2016/17", value=target)
        TargetFactory(indicator=indicator, period="2017/18", value=target)
    return indicator


def plain(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_the_list_shows_variation_and_assurance_in_words(client, demo):
    monthly("SPC1", [*STEADY, 30], target=70)  # a fall far below the limits; target above
    monthly("SPC2", STEADY, target=40)  # steady, the whole process above the target
    monthly("SPC3", STEADY[:5])
    client.force_login(demo["reader"])
    page = plain(client.get(reverse("performance:index")))
    spc1 = page[page.index("SPC1") : page.index("SPC2")]
    assert "Variation: Special cause: concerning (low)" in spc1
    assert "Assurance: Target missed consistently" in spc1
    spc2 = page[page.index("SPC2") : page.index("SPC3")]
    assert "Variation: Common cause" in spc2 and "Assurance: Target met consistently" in spc2
    assert "too few values for an XmR chart" in page[page.index("SPC3") :]


def test_the_list_costs_the_same_queries_for_2_or_20_indicators(client, demo):
    client.force_login(demo["reader"])

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("performance:index")).status_code == 200
        return len(queries)

    for n in range(2):
        monthly(f"A{n}", STEADY, target=40)
    few = count()
    for n in range(2, 20):
        monthly(f"A{n}", STEADY, target=40)
    assert count() == few
