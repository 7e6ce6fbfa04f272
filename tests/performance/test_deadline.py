"""An update owed for a quarter is overdue only after its deadline day, 30 days after the quarter."""

import datetime as dt

import pytest

from scorecard.core.periods import parse
from scorecard.performance.models import Indicator
from scorecard.performance.selectors import updates_due
from tests.performance.factories import IndicatorFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("today", "overdue"),
    [
        (dt.date(2017, 10, 30), False),  # Quarter Two ends 30 September: 30 October is the deadline
        (dt.date(2017, 10, 31), True),
    ],
)
def test_a_missing_value_is_overdue_from_the_day_after_the_deadline(today, overdue):
    IndicatorFactory(code="ASC01")
    (due,) = updates_due(
        indicators=Indicator.objects.all(), quarter=parse("2017/18-Q2"), today=today
    )
    assert (due.indicator.code, due.period.key, due.state_label) == (
        "ASC01",
        "2017/18-Q2",
        "Not started",
    )
    assert due.deadline == dt.date(2017, 10, 30)
    assert due.overdue is overdue
