"""The Benchmarking section of the indicator page: groups, rank, quartile, median, distance."""

import re
from decimal import Decimal as D

import pytest
from django.urls import reverse

from scorecard.benchmarking.imports import Parsed, Row
from scorecard.benchmarking.models import ComparatorValue, GroupKind
from scorecard.benchmarking.selectors import indicator_benchmarks
from scorecard.benchmarking.services import comparator_group_ensure, comparators_import

from .factories import IndicatorFactory, MeasurementFactory

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def _rows(values, year="2017/18"):
    return Parsed(
        rows=[
            Row(area_code=f"E0{n}", area_name=f"Council {n}", level="council", year=year,
                value=D(v), region="North" if n < 3 else "South")
            for n, v in enumerate(values)
        ]
        + [Row(area_code="E92000001", area_name="England", level="england", year=year,
               value=D(50))]
    )  # fmt: skip


@pytest.fixture
def lower(demo):
    indicator = IndicatorFactory(code="LOW1", polarity="lower", decimals=1)
    comparators_import(indicator=indicator, parsed=_rows([10, 20, 30, 40, 50]), source="oflog",
                       measure="X1")  # fmt: skip
    return indicator


def test_lower_is_better_ranks_the_council_among_each_group(lower):
    MeasurementFactory(indicator=lower, period="2017/18-Q2", value=D(25))
    MeasurementFactory(indicator=lower, period="2017/18", value=D(15))  # the annual figure wins
    benchmarks = {b.group.name: b for b in indicator_benchmarks([lower])[lower.pk]}
    assert list(benchmarks) == ["All English councils", "North", "South"]
    everyone = benchmarks["All English councils"]
    assert (everyone.count, everyone.median, everyone.own_period) == (5, D(30), "2017/18")
    p = everyone.position
    assert (p.rank, p.count, p.quartile, p.median, p.distance, p.versus_median) == (
        2, 6, 1, D(25), D(-10), "better"
    )  # fmt: skip
    north = benchmarks["North"].position  # 10, 20, 30 and the council's 15
    assert (north.rank, north.count, north.quartile) == (2, 4, 2)


def test_a_named_list_group_and_an_archived_one(lower):
    group = comparator_group_ensure(
        name="Nearest neighbours", kind=GroupKind.LIST, members={"E04": "Council 4", "E01": "1"}
    )
    comparator_group_ensure(name="Old", kind=GroupKind.LIST, members={"E01": "1"})
    group.__class__.objects.filter(name="Old").update(is_archived=True)
    names = [b.group.name for b in indicator_benchmarks([lower])[lower.pk]]
    assert "Nearest neighbours" in names and "Old" not in names
    neighbours = next(b for b in indicator_benchmarks([lower])[lower.pk] if b.group == group)
    assert (neighbours.count, neighbours.median, neighbours.position) == (2, D(35), None)


def test_reimporting_a_year_replaces_its_values(lower):
    comparators_import(indicator=lower, parsed=_rows([1, 2, 3, 4, 5]), source="oflog",
                       measure="X1")  # fmt: skip
    assert ComparatorValue.objects.filter(indicator=lower).count() == 6
    assert indicator_benchmarks([lower])[lower.pk][0].median == D(3)


def test_the_indicator_page_shows_the_benchmarks(client, demo, lower):
    MeasurementFactory(indicator=lower, period="2017/18", value=D(15))
    client.force_login(demo["reader"])
    url = reverse("performance:indicator", args=[lower.pk])
    page = text(client.get(url))
    assert "Benchmarking" in page
    assert "Position among comparator councils, 2017/18 (source: OFLOG)" in page
    assert "All English councils" in page and "2 of 6" in page
    assert "-10.0 (better than the median)" in page


def test_benchmarks_cost_a_fixed_number_of_queries(demo, django_assert_num_queries):
    indicators = []
    for n in range(3):
        indicator = IndicatorFactory(code=f"B{n}", polarity="higher")
        comparators_import(indicator=indicator, parsed=_rows([1, 2, 3]), source="ascof",
                           measure="1E")  # fmt: skip
        MeasurementFactory(indicator=indicator, period="2017/18", value=D(2))
        indicators.append(indicator)
    with django_assert_num_queries(6):
        result = indicator_benchmarks(indicators)
    assert all(len(result[i.pk]) == 2 for i in indicators)  # all councils, North


def test_an_indicator_without_comparators_shows_no_section(client, demo):
    indicator = IndicatorFactory(code="NONE1")
    client.force_login(demo["reader"])
    page = text(client.get(reverse("performance:indicator", args=[indicator.pk])))
    assert "Benchmarking" not in page
