"""The Measurements sheet's bulk path against the row by row path through the services: the same
Problems, outcome, stored values and history for the same sheet, and a number of SQL queries that
does not grow with the number of rows."""

from decimal import Decimal

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scorecard.interchange.importer import Importer, tables_to_sheets
from scorecard.interchange.readers import Table
from scorecard.interchange.services import import_file
from scorecard.organisation.models import Directorate, User
from scorecard.performance import services as performance_services
from scorecard.performance.choices import PeriodState
from scorecard.performance.models import Indicator, Measurement

pytestmark = pytest.mark.django_db

HEADERS = ["Indicator", "Period", "Value", "Numerator", "Denominator", "Commentary", "State"]
MONTHS = [f"2017/18-M{m:02d}" for m in range(4, 13)]  # April to December 2017
QUARTERS = ["2017/18-Q1", "2017/18-Q2", "2017/18-Q3", "2017/18-Q4"]


def make_indicators(admin) -> None:
    editor = User.objects.get(username="editor")  # enters and submits; the admin approves
    """A monthly count, a quarterly percentage, a quarterly ratio, a retired indicator; values
    stored as drafts and approved; the first quarter locked."""
    asc = Directorate.objects.get(code="ASC")

    def create(code, **fields):
        return performance_services.indicator_create(
            code=code, title=f"Indicator {code}", directorate=asc, **fields
        )

    monthly = create("MON01", frequency="monthly")
    percent = create("PCT01", frequency="quarterly", unit="percentage")
    create("RAT01", frequency="quarterly", unit="percentage", aggregation="ratio", ratio_scale=100)
    retired = create("OLD01", frequency="quarterly")
    for period, value in [("2017/18-M04", 10), ("2017/18-M07", 12), ("2017/18-M08", 13)]:
        performance_services.measurement_record(
            indicator=monthly, period=period, by=admin, value=value
        )
    for period, value in [("2017/18-Q1", 40), ("2017/18-Q2", 45)]:
        m = performance_services.measurement_record(
            indicator=percent, period=period, by=editor, value=value
        )
        m = performance_services.measurement_submit(
            measurement=m, by=editor, expected_version=m.version
        )
        performance_services.measurement_approve(
            measurement=m, by=admin, expected_version=m.version
        )
    performance_services.measurement_record(
        indicator=retired, period="2017/18-Q2", by=admin, value=1
    )
    performance_services.indicator_retire(indicator=retired)
    performance_services.reporting_period_set_state(
        period="2017/18-Q1", state=PeriodState.LOCKED, by=admin
    )


def stored() -> tuple[list, list]:
    """Every value and every history row, without ids and times (which differ between runs)."""
    fields = ["value", "numerator", "denominator", "commentary", "commentary_is_internal"]
    fields += ["improvement_actions"]
    fields += ["data_quality", "manual_rating", "manual_reason", "state", "entered_by_id"]
    fields += ["reviewed_by_id", "review_note", "version", "period_start"]
    rows = sorted(
        Measurement.objects.values_list("indicator__code", "period", *fields),
        key=lambda r: (r[0], r[1]),
    )
    history = sorted(
        Measurement.history.values_list(
            "indicator__code", "period", "history_type", "history_user_id", *fields
        ),
        key=lambda r: (r[0], r[1], r[-2]),
    )
    return rows, history


def run(user, rows: list[list], *, bulk: bool, headers=HEADERS):
    """Import the rows with one path, note the outcome and what is stored, then roll back."""
    table = Table(name="Measurements", headers=headers, rows=list(enumerate(rows, start=2)))
    sheets, problems = tables_to_sheets([table])
    with transaction.atomic():
        importer = Importer(user=user, dry_run=False)
        importer.bulk_measurements = bulk
        outcome = importer.run(sheets, problems)
        result = (
            [str(p) for p in outcome.problems],
            outcome.counts,
            outcome.changes,
            stored(),
        )
        transaction.set_rollback(True)
    return result


CELLS = {
    "Indicator": st.sampled_from(["MON01", "PCT01", "RAT01", "OLD01", "NOPE99", "mon01"]),
    "Period": st.sampled_from([*MONTHS[:6], *QUARTERS, "2017/18", "2017/18-Q5"]),
    "Value": st.sampled_from([None, 10, 12, 40, 45, 55.5, 140, "n/a", "1.1234567", "1e30"]),
    "Numerator": st.sampled_from([None, None, 3, 8]),
    "Denominator": st.sampled_from([None, None, 0, 10]),
    "Commentary": st.sampled_from([None, "", "Up on last month."]),
    "State": st.sampled_from([None, None, "draft", "submitted", "approved", "returned"]),
}
ROW = st.fixed_dictionaries(CELLS).map(lambda cells: [cells[h] for h in HEADERS])


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(rows=st.lists(ROW, min_size=1, max_size=8))
def test_the_bulk_path_does_what_the_services_do_row_by_row(council, rows):
    if not Indicator.objects.filter(code="MON01").exists():
        make_indicators(council["admin"])
    for user in (council["admin"], council["editor"]):
        assert run(user, rows, bulk=True) == run(user, rows, bulk=False)


def test_new_changed_unchanged_and_refused_rows_example(council):
    make_indicators(council["admin"])
    rows = [
        ["MON01", "2017/18-M09", 11, None, None, "New.", None],  # new
        ["MON01", "2017/18-M07", 14, None, None, "", "draft"],  # changed
        ["MON01", "2017/18-M08", 13, None, None, "", None],  # unchanged
        ["PCT01", "2017/18-Q1", 41, None, None, "", None],  # locked quarter
        ["NOPE99", "2017/18-Q2", 1, None, None, "", None],  # unknown indicator
        ["PCT01", "2017/18-Q3", "n/a", None, None, "", None],  # bad number
        ["RAT01", "2017/18-Q3", None, 3, 10, "", None],  # new ratio
    ]
    bulk = run(council["admin"], rows, bulk=True)
    assert bulk == run(council["admin"], rows, bulk=False)
    problems, counts, _, _ = bulk
    assert problems == [  # cells that cannot be read come first, then the rows' checks
        "Measurements, row 7, column Value: 'n/a' is not a number.",
        "Measurements, row 5, column Period: Quarter One 2017/18 is locked: its values can no "
        "longer be changed. Ask the performance team.",
        "Measurements, row 6, column Indicator: There is no indicator NOPE99.",
    ]
    assert counts["Measurements"] == {"created": 2, "changed": 1, "unchanged": 1}


def test_the_commentary_internal_column_is_read_and_a_file_without_it_keeps_the_choice(council):
    make_indicators(council["admin"])
    monthly = Indicator.objects.get(code="MON01")
    performance_services.measurement_record(
        indicator=monthly, period="2017/18-M07", by=council["admin"], value=12,
        commentary="Two homes closed.", commentary_is_internal=True,
        expected_version=Measurement.objects.get(indicator=monthly, period="2017/18-M07").version,
    )  # fmt: skip
    headers = ["Indicator", "Period", "Value", "Commentary", "Commentary internal"]
    rows = [
        ["MON01", "2017/18-M09", 11, "Staff sickness.", "Yes"],  # new, internal
        ["MON01", "2017/18-M08", 14, "Up.", ""],  # changed, an empty cell is No
        ["MON01", "2017/18-M07", 12, "Two homes closed.", "no"],  # only the choice changes
    ]
    bulk = run(council["admin"], rows, bulk=True, headers=headers)
    assert bulk == run(council["admin"], rows, bulk=False, headers=headers)
    problems, counts, _, (values, _) = bulk
    assert problems == []
    assert counts["Measurements"] == {"created": 1, "changed": 2, "unchanged": 0}
    internal = {period: row[4] for code, period, *row in values if code == "MON01"}
    assert internal == {"2017/18-M04": False, "2017/18-M07": False, "2017/18-M08": False,
                        "2017/18-M09": True}  # fmt: skip

    # A file without the column changes the figure and keeps the choice made on the page.
    rows = [["MON01", "2017/18-M07", 15, "Two homes closed."]]
    bulk = run(council["admin"], rows, bulk=True, headers=headers[:4])
    assert bulk == run(council["admin"], rows, bulk=False, headers=headers[:4])
    values = bulk[3][0]
    assert [row[4] for code, period, *row in values if period == "2017/18-M07"] == [True]


def test_bad_rows_write_nothing_and_good_rows_keep_their_history(council):
    make_indicators(council["admin"])
    before = stored()
    rows = [
        ["MON01", "2017/18-M09", 11, None, None, "", None],
        ["PCT01", "2017/18-Q3", 140.5] + [None] * 4,
    ]
    table = Table(name="Measurements", headers=HEADERS, rows=list(enumerate(rows, start=2)))
    outcome = Importer(user=council["admin"], dry_run=False).run(*tables_to_sheets([table]))
    assert [str(p) for p in outcome.problems] == [
        "Measurements, row 3, column Value: A percentage must be between 0 and 100; you "
        "entered 140.5."
    ]
    assert stored() == before

    rows[1][2] = 60
    outcome = Importer(user=council["admin"], dry_run=False).run(*tables_to_sheets([table]))
    assert outcome.ok
    created = Measurement.objects.get(indicator__code="MON01", period="2017/18-M09")
    assert (created.value, created.state, created.version, created.entered_by) == (
        Decimal("11"), "draft", 1, council["admin"]
    )  # fmt: skip
    assert [h.history_type for h in created.history.all()] == ["+"]
    rows[1][2] = 61
    rows[0][2] = 12
    outcome = Importer(user=council["admin"], dry_run=False).run(*tables_to_sheets([table]))
    assert outcome.counts["Measurements"]["changed"] == 2
    changed = Measurement.objects.get(indicator__code="MON01", period="2017/18-M09")
    assert changed.version == 2
    assert [(h.history_type, h.value) for h in changed.history.order_by("history_id")] == [
        ("+", Decimal("11")),
        ("~", Decimal("12")),
    ]


def csv_rows(count: int, month: str, first_value: int = 0) -> bytes:
    """Values of `count` monthly indicators for one month."""
    lines = ["Indicator,Period,Value"]
    lines += [f"BULK{n:04d},{month},{first_value + n}" for n in range(count)]
    return "\n".join(lines).encode()


@pytest.mark.parametrize("dry_run", [False, True])
def test_the_number_of_queries_does_not_grow_with_the_rows(council, dry_run):
    asc = Directorate.objects.get(code="ASC")
    for n in range(500):
        performance_services.indicator_create(
            code=f"BULK{n:04d}", title=f"Bulk {n}", directorate=asc, frequency="monthly"
        )
    admin = council["admin"]
    import_file(
        user=admin, data=csv_rows(1, "2017/18-M06"), filename="measurements.csv", dry_run=True
    )
    queries = []
    # New values for July (50) and August (500), then changed ones.
    for count, month, first_value in [
        (50, "2017/18-M07", 0),
        (500, "2017/18-M08", 0),
        (50, "2017/18-M07", 1000),
        (500, "2017/18-M08", 1000),
    ]:
        data = csv_rows(count, month, first_value)
        with CaptureQueriesContext(connection) as captured:
            outcome = import_file(
                user=admin, data=data, filename="measurements.csv", dry_run=dry_run
            )
        assert outcome.ok, outcome.problems[:3]
        assert outcome.counts["Measurements"]["unchanged"] == 0
        queries.append(len(captured.captured_queries))
    assert queries[0] == queries[1]
    assert queries[2] == queries[3]
    if not dry_run:
        assert Measurement.objects.filter(indicator__code__startswith="BULK").count() == 550
        assert Measurement.history.filter(indicator__code__startswith="BULK").count() == 1100
