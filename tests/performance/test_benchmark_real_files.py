"""Benchmarking on the real published files (tests/data/realdata: ASCOF 2020-21 and Oflog ASC).

Each figure the system shows is checked against an independent recomputation in the test:
published outcomes from their numerators and denominators, ranks by sorting, quartiles by
counting, and our median against Oflog's own MEDIAN column.
"""

import csv
from decimal import Decimal as D

import pytest
from django.core.management import CommandError, call_command

from scorecard.benchmarking.imports import ImportRefused, read_ascof, read_oflog
from scorecard.benchmarking.models import ComparatorGroup, ComparatorValue
from scorecard.benchmarking.selectors import groups_list, indicator_benchmarks
from scorecard.core.benchmark import median, outcome, position_in
from tests.conftest import REALDATA_DIR

from .factories import IndicatorFactory, MeasurementFactory

# A missing file fails these tests, never skips them.
ASCOF = REALDATA_DIR / "ascof" / "ascof_2020-21_selected_measures_all_councils.csv"
OFLOG = REALDATA_DIR / "oflog" / "oflog_ASC_data.csv"
WORCESTERSHIRE = "E10000034"


def _published(text):
    return text not in ("[x]", "[c]")


def _ascof_rows(measure):
    with ASCOF.open(encoding="utf-8-sig") as f:
        return [
            r
            for r in csv.DictReader(f)
            if r["ASCOF Measure Code"] == measure and r["Disaggregation Level"] == "Total"
        ]


def test_worcestershire_1e_2020_21_is_recomputed_from_its_counts():
    parsed = read_ascof(ASCOF.read_text(encoding="utf-8-sig"), measure="1E", year="2020-21")
    row = next(r for r in parsed.rows if r.area_code == WORCESTERSHIRE)
    assert (row.area_name, row.year, row.level) == ("Worcestershire", "2020/21", "council")
    assert (row.numerator, row.denominator, row.value) == (D(67), D(1343), D("5.0"))
    assert outcome(row.numerator, row.denominator) == D("5.0")  # 67 / 1,343 = 4.99%


def test_every_council_outcome_matches_its_numerator_and_denominator():
    """1E for every council: the published Outcome is 100 x Numerator / Denominator, to 1 dp."""
    parsed = read_ascof(ASCOF.read_text(encoding="utf-8-sig"), measure="1E", year="2020-21")
    councils = [r for r in parsed.rows if r.level == "council"]
    assert len(councils) > 140
    wrong = [
        r.area_name
        for r in councils
        if r.denominator and outcome(r.numerator, r.denominator) != r.value
    ]
    assert wrong == []


def test_rank_and_quartile_of_worcestershire_1e_on_the_real_file():
    rows = _ascof_rows("1E")
    outcomes = {
        r["ONS Code"]: D(r["Measure Value"])
        for r in rows
        if r["Measure Type"] == "Outcome"
        and r["Geographical Level"] == "Council"
        and _published(r["Measure Value"])
    }
    mine = outcomes[WORCESTERSHIRE]
    # Independently: higher is better; rank = 1 + councils strictly higher.
    ordered = sorted(outcomes.values(), reverse=True)
    expected_rank = ordered.index(mine) + 1
    n = len(ordered)
    expected_quartile = next(q for q in (1, 2, 3, 4) if expected_rank - 1 < q * n / 4)
    middle = (ordered[(n - 1) // 2] + ordered[n // 2]) / 2

    p = position_in(mine, outcomes.values(), "higher")
    assert (p.rank, p.count, p.quartile, p.median) == (expected_rank, n, expected_quartile, middle)
    assert p.distance == mine - middle
    assert p.versus_median == ("better" if mine > middle else "worse")
    # Written down, so a change in the file or the maths shows: 150 councils published 1E;
    # Worcestershire's 5.0% ranks 68th, in the second quartile, 0.4 points above the median 4.6.
    assert (mine, n, p.rank, p.quartile, p.median) == (D("5.0"), 150, 68, 2, D("4.6"))
    assert (p.distance, p.versus_median) == (D("0.4"), "better")


def test_lower_is_better_ranks_from_the_lowest():
    """2A2 (admissions to care homes, 65+, per 100,000) is lower-is-better."""
    rows = _ascof_rows("2A2")
    outcomes = {
        r["ONS Code"]: D(r["Measure Value"])
        for r in rows
        if r["Measure Type"] == "Outcome"
        and r["Geographical Level"] == "Council"
        and _published(r["Measure Value"])
    }
    mine = outcomes[WORCESTERSHIRE]
    assert mine == D("475.8")
    expected_rank = 1 + sum(1 for v in outcomes.values() if v < mine)
    p = position_in(mine, outcomes.values(), "lower")
    assert p.rank == expected_rank
    assert p.quartile == 1 + 4 * (expected_rank - 1) // len(outcomes)


def test_our_median_matches_oflog_median_in_every_year_and_measure():
    text = OFLOG.read_text(encoding="utf-8-sig")
    checked = 0
    for measure in ("ASC1", "ASC5"):
        parsed = read_oflog(text, measure=measure)
        by_year: dict[str, list] = {}
        for row in parsed.rows:
            by_year.setdefault(row.year, []).append(row)
        for year, rows in by_year.items():
            published = {r.published_median for r in rows}
            assert len(published) == 1, (measure, year)
            assert abs(median(r.value for r in rows) - published.pop()) < D("0.000001"), (
                measure,
                year,
            )
            checked += 1
    assert checked == 11  # ASC1 (carers, every other year) 3 years, ASC5 8 years


def test_oflog_rank_order_gives_the_polarity_and_worcestershire_2d():
    parsed = read_oflog(OFLOG.read_text(encoding="utf-8-sig"), measure="ASC5", years=["2017-18"])
    row = next(r for r in parsed.rows if r.area_code == WORCESTERSHIRE)
    assert (row.value, row.published_median, row.polarity) == (D("70.1"), D("76.9"), "higher")
    assert row.region == "West Midlands"
    p = position_in(row.value, [r.value for r in parsed.rows], "higher")
    assert p.median == D("76.9")
    assert p.versus_median == "worse"
    assert (p.rank, p.quartile) == (1 + sum(1 for r in parsed.rows if r.value > row.value), 3)


@pytest.mark.django_db
def test_import_command_stores_values_groups_and_the_page_benchmark(tmp_path):
    indicator = IndicatorFactory(code="HW08", polarity="higher", decimals=1)
    call_command(
        "import_comparators",
        oflog=OFLOG,
        measure="ASC5",
        indicator="HW08",
        years=["2016-17", "2017-18"],
    )
    assert ComparatorValue.objects.filter(indicator=indicator, year="2017/18").count() == 152
    wm = ComparatorGroup.objects.get(name="West Midlands")
    assert wm.members.filter(area_code=WORCESTERSHIRE).exists()
    MeasurementFactory(indicator=indicator, period="2017/18", value=D("70.1"))
    benchmarks = indicator_benchmarks([indicator])[indicator.pk]
    by_group = {b.group.name: b for b in benchmarks}
    everyone = by_group["All English councils"]
    # The council's 70.1 joins the 152 councils (Worcestershire's own 70.1 among them).
    assert everyone.year == "2017/18" and everyone.count == 152
    assert everyone.published_median == D("76.9")
    assert everyone.position.count == 153 and everyone.position.rank == 104
    assert everyone.position.quartile == 3  # 103 councils better of 153: the third quarter
    west = by_group["West Midlands"]
    assert west.count == wm.members.count()


@pytest.mark.django_db
def test_import_refuses_the_wrong_polarity_and_stores_nothing():
    IndicatorFactory(code="HW08", polarity="lower")
    with pytest.raises(CommandError, match="higher is better"):
        call_command("import_comparators", oflog=OFLOG, measure="ASC5", indicator="HW08")
    assert not ComparatorValue.objects.exists()
    assert not groups_list().exists()


@pytest.mark.django_db
def test_ascof_import_keeps_numerator_and_denominator():
    indicator = IndicatorFactory(code="HW02", polarity="higher")
    call_command("import_comparators", ascof=ASCOF, year="2020-21", measure="1E", indicator="HW02")
    value = ComparatorValue.objects.get(indicator=indicator, area_code=WORCESTERSHIRE)
    assert (value.value, value.numerator, value.denominator) == (D(5), D(67), D(1343))
    assert value.level == "council"
    assert ComparatorValue.objects.filter(indicator=indicator, level="england").count() == 1


def test_bad_rows_are_refused_with_row_and_column():
    text = ASCOF.read_text(encoding="utf-8-sig").splitlines()
    header, rows = text[0], text[1:]
    index = next(i for i, r in enumerate(rows) if ",1E,Total,Outcome," in r)
    rows[index] = rows[index].replace(",Outcome,", ",Outcome,abc", 1)
    other = next(i for i, r in enumerate(rows) if ",1E,Total,Numerator," in r)
    rows[other] = rows[other].replace("Numerator", "Median")
    with pytest.raises(ImportRefused) as refused:
        read_ascof("\n".join([header, *rows]), measure="1E", year="2020-21")
    problems = refused.value.problems
    assert any(
        p.startswith(f"Row {index + 2}, column Measure Value: 'abc") and p.endswith("not a number.")
        for p in problems
    )
    assert any(f"Row {other + 2}, column Measure Type: 'Median'" in p for p in problems)
    with pytest.raises(ImportRefused, match=r"the column\(s\) Geographical Code, .* are missing"):
        read_ascof("a,b\n1,2\n", measure="1E", year="2020-21")
    with pytest.raises(ImportRefused, match="no row for ASCOF measure 9Z"):
        read_ascof("\n".join([header, *rows]), measure="9Z", year="2020-21")
