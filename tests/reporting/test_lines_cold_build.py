"""The live indicator lines, built from plain value rows, against the indicators' own values read
the straightforward way (model instances, one indicator at a time) on the demo council."""

import pytest

from scorecard.core.periods import Period, parse
from scorecard.performance.choices import WorkflowState
from scorecard.performance.engine import schedule_for
from scorecard.performance.selectors import YEARS_OF_HISTORY
from scorecard.performance.spc import spc_data
from scorecard.reporting.selectors import corporate_scorecard, indicator_lines

pytestmark = pytest.mark.django_db

QUARTERS = ["2017/18-Q2", "2017/18-Q1", "2016/17-Q4"]


def _approved(indicator, period: Period) -> list:
    earliest = Period.financial_year(period.year - YEARS_OF_HISTORY, period.start_month).start
    return list(
        indicator.measurements.filter(
            state=WorkflowState.APPROVED, period_start__gte=earliest, period_start__lte=period.end
        ).order_by("period_start", "period")
    )


@pytest.mark.parametrize("quarter", QUARTERS)
def test_each_line_shows_its_own_value_commentary_trend_and_chart(demo_council, quarter):
    period = parse(quarter)
    lines = indicator_lines(scorecard=corporate_scorecard(), period=period)
    assert len(lines) > 60
    with_commentary = with_chart = 0
    for line in lines:
        values = _approved(line.indicator, period)
        shown = {m.period: m for m in values}.get(line.stored_period)
        assert line.commentary == (shown.commentary if shown else ""), line.code
        assert line.improvement_actions == (shown.improvement_actions if shown else "")
        assert line.data_quality == (shown.data_quality if shown else "")
        assert line.measurement_version == (shown.version if shown else None)
        kind = schedule_for(line.indicator).stored_kind
        own_kind = [m for m in values if m.value is not None and parse(m.period).kind == kind]
        assert line.trend == [[m.period, str(m.value)] for m in own_kind][-8:], line.code
        chart = spc_data(line.indicator, values, until=period, target=line.target, start_month=4)
        assert line.spc == chart, line.code
        with_commentary += bool(line.commentary)
        with_chart += bool(line.spc)
    assert with_commentary and with_chart  # the comparison covers both


def test_a_draft_value_shows_neither_its_figure_nor_its_commentary(demo_council):
    period = parse("2017/18-Q2")
    line = next(
        line
        for line in indicator_lines(scorecard=corporate_scorecard(), period=period)
        if line.stored_period
    )
    measurement = line.indicator.measurements.get(period=line.stored_period)
    measurement.state, measurement.commentary = WorkflowState.DRAFT, "Not yet approved."
    measurement.save(update_fields=["state", "commentary"])
    again = next(
        other
        for other in indicator_lines(scorecard=corporate_scorecard(), period=period)
        if other.indicator_id == line.indicator_id
    )
    assert again.commentary != "Not yet approved."
    assert again.stored_period != line.stored_period or again.value != line.value
