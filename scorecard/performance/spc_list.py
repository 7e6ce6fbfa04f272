"""The SPC icons of the indicator list: every indicator of a page in three queries (values,
targets, the council's first month of the year), however many indicators the page holds.

Each indicator's XmR chart is the one its page shows: its approved values of its own kind,
against the target of its latest value's period (or of that period's year).
"""

from __future__ import annotations

from collections import defaultdict, namedtuple

from django.db.models import FloatField
from django.db.models.functions import Cast

from .choices import WorkflowState
from .engine import financial_year_start_month
from .models import Indicator, Measurement, Target
from .spc import spc_data, spc_min_points, spc_series

# What `spc.spc_series` reads of a measurement.
_Value = namedtuple("_Value", "period period_start value state")


def spc_for_list(indicators: list[Indicator]) -> dict[int, dict]:
    """Indicator id -> its SPC data (see `spc.spc_data`), for those with enough values."""
    ids = [indicator.pk for indicator in indicators]
    if not ids:
        return {}
    start_month = financial_year_start_month()
    values: dict[int, list[_Value]] = defaultdict(list)
    # Plain rows of floats rather than model instances of decimals: a page of monthly
    # indicators reads thousands of values, and the chart works in floats anyway. Only the
    # columns the chart reads: every row is approved, and no date bounds the series.
    rows = (
        Measurement.objects.filter(
            indicator_id__in=ids, state=WorkflowState.APPROVED, value__isnull=False
        )
        .annotate(as_float=Cast("value", FloatField()))
        .order_by()  # the series is put in order; the model's order joins the indicators
        .values_list("indicator_id", "period", "as_float")
    )
    for indicator_id, period, value in rows:
        values[indicator_id].append(_Value(period, None, value, WorkflowState.APPROVED))
    targets: dict[int, dict] = defaultdict(dict)
    for indicator_id, period, value in (
        Target.objects.filter(indicator_id__in=ids)
        .order_by()
        .values_list("indicator_id", "period", "value")
    ):
        targets[indicator_id][period] = value
    minimum = spc_min_points()
    result = {}
    for indicator in indicators:
        series = spc_series(indicator, values[indicator.pk], start_month=start_month)
        if len(series) < minimum:
            continue
        latest = series[-1][0]
        own = targets[indicator.pk]
        target = own.get(latest.key, own.get(latest.year_of().key))
        result[indicator.pk] = spc_data(indicator, series=series, target=target, latest_only=True)
    return result
