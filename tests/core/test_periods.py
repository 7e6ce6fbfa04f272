"""Reporting periods: financial years, quarters and months for any start month."""

import datetime as dt
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scorecard.core.periods import Period, PeriodError, parse

start_months = st.integers(min_value=1, max_value=12)
years = st.integers(min_value=1950, max_value=2990)


@st.composite
def periods(draw, kind=None):
    start = draw(start_months)
    year = draw(years)
    kind = kind or draw(st.sampled_from(["year", "quarter", "month"]))
    if kind == "year":
        return Period.financial_year(year, start)
    if kind == "quarter":
        return Period.quarter(year, draw(st.integers(1, 4)), start)
    return Period.month(year, draw(st.integers(1, 12)), start)


def test_quarter_two_2017_18_is_july_to_september_2017():
    q2 = Period.quarter(2017, 2)
    assert q2.label == "Quarter Two 2017/18"
    assert q2.short_label == "Q2 2017/18"
    assert q2.key == "2017/18-Q2"
    assert (q2.start, q2.end) == (dt.date(2017, 7, 1), dt.date(2017, 9, 30))
    assert [m.label for m in q2.months()] == ["July 2017", "August 2017", "September 2017"]
    assert [m.key for m in q2.months()] == ["2017/18-M07", "2017/18-M08", "2017/18-M09"]


def test_financial_year_2017_18_runs_april_to_march():
    year = parse("2017/18")
    assert (year.start, year.end) == (dt.date(2017, 4, 1), dt.date(2018, 3, 31))
    assert [q.short_label for q in year.quarters()] == [
        "Q1 2017/18",
        "Q2 2017/18",
        "Q3 2017/18",
        "Q4 2017/18",
    ]
    assert parse("2017/18-M01").label == "January 2018"
    assert parse("2017/18-M01").quarter_of().label == "Quarter Four 2017/18"


def test_navigation_across_the_year_end():
    q4 = parse("2017/18-Q4")
    assert q4.next().key == "2018/19-Q1"
    assert parse("2018/19-Q1").previous() == q4
    assert parse("2017/18-Q2").same_period_last_year().key == "2016/17-Q2"
    assert parse("2017/18-M03").next().key == "2018/19-M04"
    assert parse("2017/18").next().key == "2018/19"


def test_calendar_year_when_the_financial_year_starts_in_january():
    q1 = parse("Quarter One 2017", start_month=1)
    assert q1.key == "2017-Q1"
    assert (q1.start, q1.end) == (dt.date(2017, 1, 1), dt.date(2017, 3, 31))
    assert parse("2017", start_month=1).label == "2017"


def test_a_july_start_month():
    year = Period.financial_year(2020, start_month=7)
    assert year.label == "2020/21"
    assert (year.start, year.end) == (dt.date(2020, 7, 1), dt.date(2021, 6, 30))
    assert Period.containing(dt.date(2021, 6, 15), "quarter", 7).label == "Quarter Four 2020/21"


def test_labels_and_keys_parse_in_their_usual_spellings():
    q2 = Period.quarter(2017, 2)
    for text in [
        "2017/18-Q2",
        "Quarter Two 2017/18",
        "Q2 2017/18",
        "quarter two 2017/18",
        " q2  2017/18 ",
    ]:
        assert parse(text) == q2
    assert parse("Jul 2017") == parse("July 2017") == parse("2017/18-M07")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2017/19-Q5", "2017/19 is not a financial year"),
        ("2017/18-Q5", "a quarter is numbered 1 to 4, not 5"),
        ("2017/18-M13", "a month is numbered 1 to 12, not 13"),
        ("Quarter Five 2017/18", "'Five' is not a quarter"),
        ("Smarch 2017", "'Smarch' is not a month"),
        ("2017-Q2", "write the financial year as 2017/18"),
        ("last quarter", "is not a period"),
    ],
)
def test_bad_input_raises_a_clear_error(text, message):
    with pytest.raises(PeriodError, match=message):
        parse(text)


def test_a_start_month_out_of_range_is_refused():
    with pytest.raises(PeriodError, match="starts in month 1 to 12, not 13"):
        Period.financial_year(2017, start_month=13)


@given(periods())
def test_key_and_labels_parse_back(period):
    assert parse(period.key, period.start_month) == period
    assert parse(period.label, period.start_month) == period
    assert parse(period.short_label, period.start_month) == period


@given(periods())
def test_previous_undoes_next(period):
    assert period.next().previous() == period
    assert period.previous().next() == period


@given(periods())
def test_next_starts_the_day_after_the_period_ends(period):
    assert period.next().start == period.end + dt.timedelta(days=1)


@given(periods())
def test_same_period_last_year_is_one_year_earlier(period):
    last_year = period.same_period_last_year()
    assert last_year.kind == period.kind
    assert last_year.year == period.year - 1
    assert last_year.start.replace(year=last_year.start.year + 1) == period.start


@given(periods(kind="month"))
def test_every_month_lies_in_exactly_one_quarter_of_its_year(month):
    quarters = [q for q in month.year_of().quarters() if q.contains(month)]
    assert quarters == [month.quarter_of()]
    assert month in month.quarter_of().months()


@given(periods(kind="year"))
def test_a_year_is_twelve_consecutive_months_in_four_quarters(year):
    months = year.months()
    assert len(months) == 12
    assert months == [m for q in year.quarters() for m in q.months()]
    for earlier, later in zip(months, months[1:], strict=False):
        assert earlier.next() == later
    assert months[0].start == year.start and months[-1].end == year.end


@given(start_months, st.dates(min_value=dt.date(1951, 1, 1), max_value=dt.date(2990, 12, 31)))
def test_containing_finds_the_period_holding_a_date(start_month, day):
    for kind in ["year", "quarter", "month"]:
        period = Period.containing(day, kind, start_month)
        assert period.start <= day <= period.end
        assert period.kind == kind


def test_the_module_imports_without_django():
    code = "import sys, scorecard.core.periods; assert 'django' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)
