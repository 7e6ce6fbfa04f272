"""The comparator groups page: every group with its councils and values; named lists kept by
the performance team through the product (archived, never deleted)."""

import re
from decimal import Decimal as D

import pytest
from django.urls import reverse

from scorecard.benchmarking.imports import Parsed, Row
from scorecard.benchmarking.models import ComparatorGroup, ComparatorGroupMember
from scorecard.benchmarking.selectors import indicator_benchmarks
from scorecard.benchmarking.services import comparators_import
from tests.performance.factories import IndicatorFactory, MeasurementFactory

pytestmark = pytest.mark.django_db

COUNCILS = {"E06000001": "Hartlepool", "E08000009": "Trafford", "E10000034": "Worcestershire"}


def text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def plain(response) -> str:
    """The page's words, without tags."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


@pytest.fixture
def indicator(demo):
    """An indicator with three councils' values in two years, in the North West and elsewhere."""
    indicator = IndicatorFactory(code="LOW1", polarity="lower", decimals=1)
    for year, base in (("2016/17", 10), ("2017/18", 20)):
        rows = [
            Row(area_code=code, area_name=name, level="council", year=year, value=D(base + n),
                region="North West" if name == "Trafford" else "Elsewhere")
            for n, (code, name) in enumerate(COUNCILS.items())
        ]  # fmt: skip
        comparators_import(indicator=indicator, parsed=Parsed(rows=rows), source="oflog",
                           measure="X1")  # fmt: skip
    MeasurementFactory(indicator=indicator, period="2017/18", value=D("20.5"))
    return indicator


def test_everyone_reads_the_groups_with_their_councils_and_values(
    client, demo, indicator, django_assert_max_num_queries
):
    client.force_login(demo["reader"])
    with django_assert_max_num_queries(8):
        page = plain(client.get(reverse("benchmarking:groups")))
    # Three councils with two years each; Trafford alone in the North West.
    assert (
        "All English councils All English councils Every English council with a value (3) 6 "
        in page
    )
    assert (
        "Elsewhere A region 2 councils Hartlepool (E06000001) Worcestershire (E10000034) 4 " in page
    )
    assert "North West A region 1 council Trafford (E08000009) 2 " in page
    assert "Add a comparator group" not in page  # a reader reads


def test_the_performance_team_adds_a_named_list_and_indicators_rank_among_it(
    client, demo, indicator
):
    client.force_login(demo["admin"])
    form = text(client.get(reverse("benchmarking:group_create")))
    assert "Worcestershire (E10000034)" in form  # councils known in the comparator data
    response = client.post(
        reverse("benchmarking:group_create"),
        {"name": "Near neighbours", "description": "Our list",
         "members": ["E06000001", "E10000034"]},
    )  # fmt: skip
    assert response.status_code == 302
    page = text(client.get(response["Location"]))
    assert "Near neighbours added, with 2 councils." in page
    group = ComparatorGroup.objects.get(name="Near neighbours")
    benchmark = next(b for b in indicator_benchmarks([indicator])[indicator.pk] if b.group == group)
    # Hartlepool 20, Worcestershire 22 and the council's 20.5: second of three, lower is better.
    assert (benchmark.count, benchmark.position.rank, benchmark.position.count) == (2, 2, 3)


def test_bad_input_names_the_field_and_writes_nothing(client, demo, indicator):
    client.force_login(demo["admin"])
    page = text(client.post(reverse("benchmarking:group_create"), {"name": "Empty"}))
    assert "There is a problem" in page and "Choose at least one council for the group." in page
    page = text(
        client.post(
            reverse("benchmarking:group_create"),
            {"name": "north west", "members": ["E08000009"]},
        )
    )
    assert "There is already a comparator group called north west." in page
    assert not ComparatorGroup.objects.filter(kind="list").exists()


def test_changing_members_and_archiving_keep_history(client, demo, indicator):
    client.force_login(demo["admin"])
    client.post(
        reverse("benchmarking:group_create"),
        {"name": "Near neighbours", "members": ["E06000001", "E10000034"]},
    )
    group = ComparatorGroup.objects.get(name="Near neighbours")
    url = reverse("benchmarking:group_edit", args=[group.pk])
    client.post(url, {"name": "Near neighbours", "members": ["E06000001", "E08000009"]})
    kept = {m.area_code: m.is_archived for m in ComparatorGroupMember.objects.filter(group=group)}
    assert kept == {"E06000001": False, "E08000009": False, "E10000034": True}
    client.post(url, {"name": "Near neighbours", "members": ["E06000001"], "is_archived": "on"})
    group.refresh_from_db()
    assert group.is_archived
    assert group not in [b.group for b in indicator_benchmarks([indicator])[indicator.pk]]
    page = text(client.get(url))
    assert "History" in page and "Archived" in page
    assert "Near neighbours Archived" in plain(client.get(reverse("benchmarking:groups")))


def test_only_named_lists_change_and_readers_may_not(client, demo, indicator):
    region = ComparatorGroup.objects.get(name="North West")
    client.force_login(demo["admin"])
    assert client.get(reverse("benchmarking:group_edit", args=[region.pk])).status_code == 404
    client.force_login(demo["editor"])
    response = client.post(reverse("benchmarking:group_create"), {"name": "X", "members": ["E1"]})
    assert response.status_code == 403
    assert not ComparatorGroup.objects.filter(name="X").exists()


def test_the_indicator_page_links_to_the_groups(client, demo, indicator):
    client.force_login(demo["reader"])
    page = text(client.get(reverse("performance:indicator", args=[indicator.pk])))
    assert f'href="{reverse("benchmarking:groups")}"' in page
