"""The pack's headline counts equal its rows, for random councils: random indicators with random
approved values in random quarters, stored in the database, the quarter's pack rendered, then
its headline counted against the rows of its full scorecard."""

import re
from html import unescape

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scorecard.core.periods import Period
from scorecard.reporting import documents
from scorecard.reporting.selectors import report_data
from tests.performance.factories import (
    IndicatorFactory,
    MeasurementFactory,
    ScorecardEntryFactory,
    ScorecardFactory,
    ScorecardVersionFactory,
    TargetFactory,
)

pytestmark = pytest.mark.django_db

QUARTERS = [Period.quarter(year, n) for year in (2016, 2017) for n in (1, 2, 3, 4)]

indicators = st.fixed_dictionaries(
    {
        "frequency": st.sampled_from(["quarterly", "annual"]),
        "due_quarter": st.integers(1, 4),
        "values": st.dictionaries(st.sampled_from(range(len(QUARTERS))), st.integers(0, 200)),
    }
)


def _store(council: list[dict]) -> None:
    version = ScorecardVersionFactory(
        scorecard=ScorecardFactory(is_published=True), live_from="2016/17-Q1"
    )
    for n, spec in enumerate(council):
        indicator = IndicatorFactory(frequency=spec["frequency"], due_quarter=spec["due_quarter"])
        ScorecardEntryFactory(version=version, indicator=indicator, order=n)
        for year in ("2016/17", "2017/18"):
            TargetFactory(indicator=indicator, period=year, value=100)
        stored = set()
        for index, value in spec["values"].items():
            quarter = QUARTERS[index]
            key = quarter.key if spec["frequency"] == "quarterly" else quarter.year_of().key
            if key not in stored:
                stored.add(key)
                MeasurementFactory(indicator=indicator, period=key, value=value)


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(indicators, min_size=1, max_size=8), st.sampled_from(QUARTERS[4:]))
def test_the_packs_headline_counts_equal_its_rows_for_random_quarters(db, council, period):
    with transaction.atomic():
        _store(council)
        data = report_data(period, live=True)
        pack = unescape(documents.pack_html(data))
        transaction.set_rollback(True)
    table = pack.split('id="scorecard-title"', 1)[1].split("</table>", 1)[0]
    rows = re.findall(r"<tr>(.*?)</tr>", table, re.S)[1:]
    assert len(rows) == len(council)
    tags = [re.search(r'class="tag tag-(\w+)">([^<]*)<', row) for row in rows]
    carried = [label for _, label in (t.groups() for t in tags) if ", carried from " in label]
    rated = [t for t in tags if t[1] in ("green", "amber", "red")]
    headline = re.search(
        r"Of the ([\d,]+) ratings?, ([\d,]+) (?:was|were) given in [^.]+ and ([\d,]+) "
        r"(?:is|are) carried",
        pack,
    )
    assert headline
    assert [int(n) for n in headline.groups()] == [
        len(rated),
        len(rated) - len(carried),
        len(carried),
    ]
    # Each colour's total in the summary table is the number of rows showing it.
    summary_row = re.search(r"<th scope=\"row\">All indicators</th>(.*?)</tr>", pack, re.S)[1]
    totals = [int(n) for n in re.findall(r'<td class="num">(\d+)</td>', summary_row)]
    assert totals[:3] == [sum(1 for t in tags if t[1] == c) for c in ("green", "amber", "red")]
    for label in carried:
        earlier = label.split(", carried from ", 1)[1]
        assert earlier != period.label
