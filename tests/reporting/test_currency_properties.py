"""The headline figures tell this quarter's colours from carried ones, for any quarter: random
indicators with random values in random quarters, rated by the status engine, then the
headline counts compared with the rows a reader sees."""

import datetime as dt
import re
from decimal import Decimal
from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st

from scorecard.core.aggregation import Reading
from scorecard.core.indicator_schedule import Frequency, Schedule
from scorecard.core.periods import Period
from scorecard.core.polarity import Polarity
from scorecard.core.status import History, IndicatorProfile, evaluate
from scorecard.core.status_rules import parse_rule
from scorecard.reporting import summary

RULE = parse_rule({"type": "tolerance", "amber": {"percent": "10"}})
QUARTERS = [Period.quarter(year, n) for year in (2015, 2016, 2017) for n in (1, 2, 3, 4)]


@st.composite
def indicators(draw):
    """An indicator (quarterly or annual) with values and targets in a random set of quarters."""
    frequency = draw(st.sampled_from([Frequency.QUARTERLY, Frequency.ANNUAL]))
    schedule = Schedule(frequency, due_quarter=draw(st.integers(1, 4)))
    profile = IndicatorProfile(Polarity.HIGHER, schedule, RULE)
    stored = (
        QUARTERS
        if frequency is Frequency.QUARTERLY
        else sorted({q.year_of() for q in QUARTERS}, key=lambda p: p.start)
    )
    readings, targets = {}, {}
    for period in stored:
        if draw(st.booleans()):
            readings[period] = Reading(Decimal(draw(st.integers(0, 200))))
        targets[period] = Decimal(100)
    return profile, History(readings=readings, targets=targets)


def _line(profile, history, period, today):
    status = evaluate(profile, period, history, today=today)
    return SimpleNamespace(
        state=status.state.value,
        rating=status.rating.value if status.rating else "",
        rating_period=status.rating_period.key if status.rating_period else "",
        next_due=status.next_due.key if status.next_due else "",
    )


@settings(max_examples=150, deadline=None)
@given(
    st.lists(indicators(), min_size=1, max_size=12),
    st.sampled_from(QUARTERS[4:]),
    st.integers(0, 90),
)
def test_the_headline_counts_equal_the_rows_with_carried_rows_flagged(council, period, days_after):
    as_of = period.end + dt.timedelta(days=days_after)
    lines = [_line(profile, history, period, as_of) for profile, history in council]
    counts = summary.rating_counts(lines)
    current = summary.currency(lines, period, as_of)
    shown = [summary.status_text(line) for line in lines]
    due_texts = [summary.next_due_text(line, period, as_of) for line in lines]

    assert sum(counts.values()) == len(lines)
    assert (
        current.this_quarter + current.carried == counts["green"] + counts["amber"] + counts["red"]
    )
    # Every carried row names the earlier quarter its colour comes from; no other row does.
    carried_rows = [text for text in shown if ", carried from " in text]
    assert len(carried_rows) == current.carried
    for line, text in zip(lines, shown, strict=True):
        if ", carried from " in text:
            assert Period.quarter(*_year_and_number(line.rating_period)).end < period.start
            assert text.startswith(summary.RATING_LABELS[line.rating])
    # Updates due and not received say so instead of a later due date, late after 30 days.
    assert sum(1 for text in due_texts if text.startswith(("Late", "Awaiting"))) == current.awaiting
    assert sum(1 for text in due_texts if text.startswith("Late")) == current.late
    assert current.late == (current.awaiting if days_after > 30 else 0)
    # The sentence quotes the same figures.
    sentence = summary.currency_sentence(current, period)
    numbers = [int(n) for n in re.findall(r"\d+(?=\s(?:rating|was|were|is|are|update))", sentence)]
    assert numbers[:3] == [current.rated, current.this_quarter, current.carried]


def _year_and_number(key: str) -> tuple[int, int]:
    year, quarter = key.split("-Q")
    return int(year[:4]), int(quarter)
