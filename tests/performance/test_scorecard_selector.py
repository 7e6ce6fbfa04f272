"""The scorecard selector: every indicator with its status, in a fixed number of queries."""

import datetime as dt
from decimal import Decimal

import pytest

from scorecard.core.direction import Direction
from scorecard.core.periods import parse
from scorecard.core.status import State
from scorecard.performance.choices import Frequency, Polarity, WorkflowState
from scorecard.performance.models import Indicator, Measurement, ScorecardEntry, Target
from scorecard.performance.selectors import scorecard_counts, scorecard_rows

from .factories import (
    DirectorateFactory,
    IndicatorFactory,
    MeasurementFactory,
    ScorecardVersionFactory,
)

pytestmark = pytest.mark.django_db
SELECTOR_QUERIES = 5  # settings, live version, entries with indicators, values, targets


def build_scorecard(size: int):
    """A scorecard of `size` indicators: quarterly ones on target, below target and missing,
    and annual ones; built in bulk so the test stays fast."""
    directorate = DirectorateFactory()
    version = ScorecardVersionFactory(live_from="2016/17-Q1")
    indicators = Indicator.objects.bulk_create(
        Indicator(
            code=f"K{n:04d}",
            title=f"Indicator {n}",
            directorate=directorate,
            frequency=Frequency.ANNUAL if n % 4 == 3 else Frequency.QUARTERLY,
            due_quarter=1,
            polarity=Polarity.HIGHER,
            status_rule={"type": "tolerance", "amber": {"percent": "10"}},
        )
        for n in range(size)
    )
    ScorecardEntry.objects.bulk_create(
        ScorecardEntry(version=version, indicator=i, order=n) for n, i in enumerate(indicators)
    )
    targets, values = [], []
    for n, indicator in enumerate(indicators):
        kind = n % 4
        if kind == 3:  # annual, due in Q1
            targets.append(target(indicator, "2017/18", 50))
            values.append(value(indicator, "2017/18", 60))
            continue
        targets.append(target(indicator, "2017/18", 90))
        values.append(value(indicator, "2017/18-Q1", 85))
        values.append(value(indicator, "2016/17-Q2", 95))
        if kind == 0:
            values.append(value(indicator, "2017/18-Q2", 92))
        elif kind == 1:
            values.append(value(indicator, "2017/18-Q2", 70))
        else:  # kind 2: the Q2 value is still a draft, so it does not count yet
            values.append(value(indicator, "2017/18-Q2", 91, WorkflowState.DRAFT))
    Target.objects.bulk_create(targets)
    Measurement.objects.bulk_create(values)
    return version.scorecard


def target(indicator, period, amount):
    return Target(
        indicator=indicator, period=period, period_start=parse(period).start, value=amount
    )


def value(indicator, period, amount, state=WorkflowState.APPROVED):
    return Measurement(
        indicator=indicator,
        period=period,
        period_start=parse(period).start,
        value=Decimal(amount),
        state=state,
        entered_at=dt.datetime(2017, 10, 2, tzinfo=dt.UTC),
    )


@pytest.mark.parametrize("size", [10, 500])
def test_scorecard_rows_take_a_fixed_number_of_queries(size, django_assert_num_queries):
    scorecard = build_scorecard(size)
    with django_assert_num_queries(SELECTOR_QUERIES):
        rows = scorecard_rows(scorecard=scorecard, period="2017/18-Q2", today=dt.date(2017, 12, 1))
    assert len(rows) == size
    expected = {0: State.GREEN, 1: State.RED, 2: State.AWAITING_DATA, 3: State.NOT_DUE}
    for n, row in enumerate(rows):
        assert row.status.state == expected[n % 4], (row.indicator.code, row.status)
    counts = scorecard_counts(rows)
    assert counts[State.GREEN] == len(range(0, size, 4))
    assert counts[State.NOT_DUE] == len(range(3, size, 4))


def test_each_row_carries_value_target_direction_and_periods():
    scorecard = build_scorecard(4)
    rows = {
        r.indicator.code: r
        for r in scorecard_rows(
            scorecard=scorecard, period="2017/18-Q2", today=dt.date(2017, 12, 1)
        )
    }
    on_target = rows["K0000"]
    assert (on_target.value, on_target.target) == (Decimal(92), Decimal(90))
    assert on_target.direction_previous == Direction.IMPROVING  # 85 -> 92
    assert on_target.direction_last_year == Direction.DETERIORATING  # 95 -> 92
    assert on_target.last_updated.key == "2017/18-Q2"
    assert on_target.next_due.key == "2017/18-Q3"
    awaiting = rows["K0002"]  # the draft does not count until approved
    assert awaiting.status.late and awaiting.last_updated.key == "2017/18-Q1"
    assert (awaiting.status.rating, awaiting.status.rating_period.key) == ("amber", "2017/18-Q1")
    annual = rows["K0003"]
    assert (annual.status.rating, annual.status.rating_period.key) == ("green", "2017/18-Q1")
    assert annual.last_updated.key == "2017/18" and annual.next_due.key == "2018/19-Q1"


def test_rows_can_be_restricted_by_a_queryset(django_assert_num_queries):
    scorecard = build_scorecard(8)
    visible = Indicator.objects.filter(code__in=["K0001", "K0005"])
    with django_assert_num_queries(SELECTOR_QUERIES):
        rows = scorecard_rows(scorecard=scorecard, period="2017/18-Q2", indicators=visible)
    assert [r.indicator.code for r in rows] == ["K0001", "K0005"]


def test_the_notes_of_many_values_are_read_in_batches(monkeypatch, django_assert_num_queries):
    # Batches keep each query under SQLite's limit of bound parameters (5,000 indicators fit
    # in one; a national instance's 40,000 need four).
    from scorecard.performance import selectors

    monkeypatch.setattr(selectors, "NOTES_BATCH", 2)
    indicator = IndicatorFactory()
    values = [
        MeasurementFactory(indicator=indicator, period=f"2017/18-Q{q}", commentary=f"Note {q}")
        for q in range(1, 5)
    ] + [MeasurementFactory(indicator=indicator, period="2018/19-Q1", commentary="Last")]
    with django_assert_num_queries(3):
        notes = selectors.measurement_notes([m.pk for m in values])
    assert [notes[m.pk].commentary for m in values] == [
        "Note 1",
        "Note 2",
        "Note 3",
        "Note 4",
        "Last",
    ]
