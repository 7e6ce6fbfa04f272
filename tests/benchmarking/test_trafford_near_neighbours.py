"""Trafford's NHS England Near Neighbour Peer Group, imported from Trafford Data Lab's published
files (tests/data/realdata/trafford: ASCOF care home admissions 65+ and satisfaction with care and support).

Rank, quartile and median are recomputed by hand from each file in the test, the right way
round for each indicator: fewer admissions is better, more satisfied users is better.
"""

import csv
from decimal import Decimal as D

import pytest
from django.core.management import CommandError, call_command

from scorecard.benchmarking.imports import ImportRefused, read_peer_group
from scorecard.benchmarking.models import ComparatorGroup, ComparatorValue
from scorecard.benchmarking.selectors import group_values, indicator_benchmarks
from scorecard.benchmarking.services import comparator_group_create
from scorecard.core.benchmark import position_in
from scorecard.organisation.services import organisation_settings_update
from tests.performance.factories import IndicatorFactory, MeasurementFactory

GROUP = "Trafford near neighbours"
TRAFFORD = "E08000009"
ENGLAND = "E92000001"


@pytest.fixture
def files(realdata_dir):
    folder = realdata_dir / "trafford"
    return {
        "admissions": folder / "admissions_care_homes_65p.csv",
        "satisfaction": folder / "social_care_satisfaction.csv",
    }


def by_hand(path, year):
    """Trafford's rank, the group's size and median for `year`, straight from the file."""
    with path.open(encoding="utf-8-sig") as f:
        rows = [r for r in csv.DictReader(f) if r["period"] == year]
    published = {r["area_code"]: D(r["value"]) for r in rows if r["value"] != "NA"}
    published.pop(ENGLAND)
    return published


def _import(path, code, measure, years=None):
    options = {"peer_group": path, "group": GROUP, "measure": measure, "indicator": code}
    call_command("import_comparators", **options, **({"years": years} if years else {}))


@pytest.mark.django_db
def test_the_group_is_exactly_the_files_sixteen_councils(files):
    IndicatorFactory(code="HW05", polarity="lower")
    IndicatorFactory(code="HW11", polarity="higher")
    comparator_group_create(name=GROUP, members={"E09000001": "City of London", TRAFFORD: "T"})
    _import(files["admissions"], "HW05", "2A2")
    _import(files["satisfaction"], "HW11", "3A")
    with files["admissions"].open(encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    in_file = {r["area_code"] for r in rows} - {ENGLAND}
    published = [r for r in rows if r["value"] != "NA"]
    group = ComparatorGroup.objects.get(name=GROUP)
    live = set(group.members.filter(is_archived=False).values_list("area_code", flat=True))
    assert live == in_file and len(live) == 16  # Trafford and its 15 near neighbours
    # A council the file no longer names is archived, never deleted.
    assert group.members.get(area_code="E09000001").is_archived
    # 10 years of 17 areas, less 4 unpublished (NA) values: 166 stored, England among them.
    stored = ComparatorValue.objects.filter(indicator__code="HW05")
    assert stored.count() == len(published) == 166
    assert stored.filter(level="england").count() == 10


@pytest.mark.django_db
def test_trafford_2017_18_admissions_lower_is_better(files):
    indicator = IndicatorFactory(code="HW05", polarity="lower")
    _import(files["admissions"], "HW05", "2A2", years=["2017-18"])
    group = ComparatorGroup.objects.get(name=GROUP)
    values = group_values(group, list(ComparatorValue.objects.filter(indicator=indicator)))
    p = position_in(D("677.0"), [v.value for v in values], "lower")

    published = by_hand(files["admissions"], "2017/18")  # Stockport unpublished: 15 councils
    mine = published[TRAFFORD]
    ordered = sorted(published.values())  # lowest first: the best
    n = len(ordered)
    assert (p.rank, p.count, p.median) == (ordered.index(mine) + 1, n, ordered[n // 2])
    assert p.quartile == 1 + 4 * (ordered.index(mine)) // n
    # Written down: Trafford's 677.0 per 100,000 is 14th of 15, fourth quartile, median 395.9.
    assert (mine, p.rank, p.count, p.quartile, p.median) == (D("677.0"), 14, 15, 4, D("395.9"))
    assert p.versus_median == "worse"
    # The page compares with the near neighbours only: they are not all English councils.
    assert [b.group.name for b in indicator_benchmarks([indicator])[indicator.pk]] == [GROUP]


@pytest.mark.django_db
def test_trafford_with_its_ons_code_is_counted_once_among_its_near_neighbours(files):
    indicator = IndicatorFactory(code="HW05", polarity="lower", unit="number")
    _import(files["admissions"], "HW05", "2A2", years=["2017-18"])
    MeasurementFactory(indicator=indicator, period="2017/18", value=D("677.0"))

    def trafford():
        (benchmark,) = indicator_benchmarks([indicator])[indicator.pk]
        return benchmark.count, benchmark.position.rank, benchmark.position.count

    # Unnamed, Trafford's own row in the file is one more comparator: 16 values for 15 councils
    # (tied with itself, so still 14th).
    assert trafford() == (15, 14, 16)
    organisation_settings_update(
        name="Trafford Council", financial_year_start_month=4, ons_code=" e08000009 "
    )
    # Named: its 14 neighbours with a value, and Trafford once, 14th of 15 as published.
    assert trafford() == (14, 14, 15)


@pytest.mark.django_db
def test_trafford_2017_18_satisfaction_higher_is_better(files):
    indicator = IndicatorFactory(code="HW11", polarity="higher")
    _import(files["satisfaction"], "HW11", "3A")
    group = ComparatorGroup.objects.get(name=GROUP)
    values = group_values(
        group, list(ComparatorValue.objects.filter(indicator=indicator, year="2017/18"))
    )
    published = by_hand(files["satisfaction"], "2017/18")
    mine = published[TRAFFORD]
    p = position_in(mine, [v.value for v in values], "higher")
    ordered = sorted(published.values(), reverse=True)  # highest first: the best
    n = len(ordered)
    assert (p.rank, p.count) == (ordered.index(mine) + 1, n)
    assert p.median == (ordered[n // 2 - 1] + ordered[n // 2]) / 2
    # Written down: 62.9% satisfied, 6th of 16, second quartile, median (61.0 + 60.1) / 2.
    assert (mine, p.rank, p.count, p.quartile, p.median) == (D("62.9"), 6, 16, 2, D("60.55"))
    assert p.versus_median == "better"


def test_a_bad_value_is_refused_with_its_row_and_column(files):
    lines = files["satisfaction"].read_text(encoding="utf-8-sig").splitlines()
    lines[3] = lines[3].rsplit(",", 1)[0] + ",sixty"
    lines[5] = lines[5].replace("2014/15", "2014")
    with pytest.raises(ImportRefused) as refused:
        read_peer_group("\n".join(lines))
    assert refused.value.problems == [
        "Row 4, column value: 'sixty' is not a number.",
        "Row 6, column period: '2014' is not a financial year such as 2020-21.",
    ]
    with pytest.raises(ImportRefused, match="not a near-neighbour peer group file"):
        read_peer_group("Geographical Code,Value\nE1,2\n")


@pytest.mark.django_db
def test_the_command_needs_the_groups_name_and_stores_nothing_on_error(files, tmp_path):
    IndicatorFactory(code="HW05", polarity="lower")
    with pytest.raises(CommandError, match="Name the group"):
        call_command("import_comparators", peer_group=files["admissions"], measure="2A2",
                     indicator="HW05")  # fmt: skip
    mixed = tmp_path / "mixed.csv"
    mixed.write_text(
        files["admissions"].read_text(encoding="utf-8-sig")
        + "".join(files["satisfaction"].read_text(encoding="utf-8-sig").splitlines(True)[1:3])
    )
    with pytest.raises(CommandError, match=r"Row 172, column indicator: .*one indicator per file"):
        _import(mixed, "HW05", "2A2")
    assert not ComparatorValue.objects.exists() and not ComparatorGroup.objects.exists()
