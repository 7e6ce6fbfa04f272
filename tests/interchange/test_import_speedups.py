"""The shortcuts the import takes on large sheets give what the plain way gives: cells read once
per column, stored values read through the cursor, the quick check of a value's digits, and the
cycle collector paused only while an import runs."""

import gc
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from scorecard.interchange.importer import Importer, tables_to_sheets
from scorecard.interchange.importer.measurement_rows import LOADED, _few_digits, stored_rows
from scorecard.interchange.readers import Table, read_csv
from scorecard.interchange.services import import_file
from scorecard.performance import services as performance_services
from scorecard.performance.models import Measurement

from .test_measurement_bulk import HEADERS, make_indicators

VALUE = Measurement._meta.get_field("value")


def validators_allow(value: Decimal) -> bool:
    try:
        for validator in VALUE.validators:
            validator(value)
    except ValidationError:
        return False
    return True


@given(
    st.decimals(allow_nan=True, allow_infinity=True, places=None)
    | st.decimals(min_value=-(10**16), max_value=10**16, places=7)
)
def test_the_quick_digit_check_never_allows_what_the_validators_refuse(value):
    if _few_digits(str(value), VALUE):
        assert validators_allow(value)


def test_the_quick_digit_check_answers_for_ordinary_values():
    for text in ["35.58", "-0.05", "12345678901234", "0", "99.123456"]:
        assert _few_digits(str(Decimal(text)), VALUE), text
    for text in ["NaN", "Infinity", "1E+3", "0.0000001", "123456789012345"]:
        assert not _few_digits(str(Decimal(text)), VALUE), text


@pytest.mark.django_db
def test_stored_rows_are_what_values_list_gives(council):
    make_indicators(council["admin"])
    stored = Measurement.objects.all()
    assert sorted(stored_rows(stored, LOADED)) == sorted(stored.values_list(*LOADED))
    assert stored_rows(stored.filter(pk__in=[]), LOADED) == []


def parse(user, rows: list[list]) -> tuple[list, list[str]]:
    table = Table(name="Measurements", headers=HEADERS, rows=list(enumerate(rows, start=2)))
    sheets, _ = tables_to_sheets([table])
    importer = Importer(user=user, dry_run=True)
    return importer._parse(sheets[0]), [str(p) for p in importer.outcome.problems]


@pytest.mark.django_db
def test_a_column_the_same_in_every_row_is_read_once_and_its_problems_told_on_each_row(council):
    rows, problems = parse(
        council["admin"],
        [
            ["MON01", "2017/18-M04", "n/a", None, None, "", "pending"],
            ["MON01", "2017/18-M05", "2", None, None, "", "pending"],
            ["PCT01", "2017/18-Q1", "3", None, None, "", "pending"],
        ],
    )
    assert rows == []
    state = "column State: 'pending' is not one of: Draft, Submitted for approval, Approved, "
    state += "Returned for changes."
    assert problems == [
        "Measurements, row 2, column Value: 'n/a' is not a number.",
        f"Measurements, row 2, {state}",
        f"Measurements, row 3, {state}",
        f"Measurements, row 4, {state}",
    ]
    rows, problems = parse(
        council["admin"], [["MON01", "2017/18-M04", "1", None, None, "", "draft"]] * 2
    )
    assert problems == []
    assert [values for _, values in rows] == [
        {
            "indicator": "MON01",
            "period": "2017/18-M04",
            "value": Decimal("1"),
            "numerator": None,
            "denominator": None,
            "commentary": None,
            "state": "draft",
        }
    ] * 2


@pytest.mark.django_db
def test_rows_of_different_columns_are_read_each_with_its_own(council):
    sheets, _ = tables_to_sheets(
        [Table(name="Measurements", headers=["Indicator", "Period", "Value"], rows=[])]
    )
    sheet = sheets[0]
    sheet.rows = [(2, {"indicator": "A", "period": "2017/18"}), (3, {"indicator": "A"})]
    importer = Importer(user=council["admin"], dry_run=True)
    assert importer._parse(sheet) == [
        (2, {"indicator": "A", "period": "2017/18"}),
        (3, {"indicator": "A"}),
    ]


def test_a_csv_file_with_short_rows_and_spaces_reads_as_before():
    table = read_csv(b"Indicator, Period ,Value\n A ,2017/18, 1 \n\nB,2017/18\n", "measurements")
    assert table.headers == ["Indicator", "Period", "Value"]
    assert table.rows == [(2, ["A", "2017/18", "1"]), (4, ["B", "2017/18"])]


@pytest.mark.django_db
def test_the_cycle_collector_is_paused_only_while_an_import_runs(council, monkeypatch):
    make_indicators(council["admin"])
    seen = []
    record = performance_services.measurement_check

    def check(**kwargs):
        seen.append(gc.isenabled())
        return record(**kwargs)

    monkeypatch.setattr(performance_services, "measurement_check", check)
    data = b"Indicator,Period,Value\nMON01,2017/18-M09,5\n"
    outcome = import_file(
        user=council["admin"], data=data, filename="measurements.csv", dry_run=True
    )
    assert outcome.ok and seen == [False]
    assert gc.isenabled()
