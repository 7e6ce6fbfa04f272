"""Statistical process control for an indicator: the adapter between its values and
`scorecard.core.spc`.

An indicator gets an XmR chart once it has at least `SCORECARD_SPC_MIN_POINTS` approved values
(15 by default) of the kind it stores (months for a monthly indicator, quarters for a quarterly
one). The series comes from values a page has already fetched, so it adds no query. The result
is plain data (`spc_data`), the same whether it is built live or read from a published snapshot.
"""

from __future__ import annotations

from django.conf import settings

from scorecard.core import spc as core
from scorecard.core.periods import Period, PeriodError, parse
from scorecard.core.polarity import Polarity

from .choices import WorkflowState
from .engine import financial_year_start_month, schedule_for

DEFAULT_MIN_POINTS = 15


def spc_min_points() -> int:
    """How many values an indicator needs before it gets an XmR chart."""
    return int(getattr(settings, "SCORECARD_SPC_MIN_POINTS", DEFAULT_MIN_POINTS))


def spc_series(
    indicator, measurements, *, until: Period | None = None, start_month: int | None = None
) -> list[tuple[Period, float]]:
    """The approved values of the indicator's own kind, in time order, up to the end of `until`."""
    start_month = start_month or financial_year_start_month()
    kind = schedule_for(indicator).stored_kind
    series = []
    for m in measurements:
        if m.state != WorkflowState.APPROVED or m.value is None:
            continue
        if until is not None and m.period_start > until.end:
            continue
        try:
            period = parse(m.period, start_month)
        except PeriodError:
            continue
        if period.kind == kind:
            series.append((period, float(m.value)))
    series.sort(key=lambda item: item[0].start)
    return series


def _index_of(series: list[tuple[Period, float]], key: str) -> int | None:
    for n, (period, _) in enumerate(series):
        if period.key == key:
            return n
    return None


def spc_data(
    indicator,
    measurements=(),
    *,
    series: list[tuple[Period, float]] | None = None,
    until: Period | None = None,
    target=None,
    start_month: int | None = None,
    min_points: int | None = None,
    latest_only: bool = False,
) -> dict:
    """The indicator's XmR chart as plain data, or {} when it has too few values.

    Keys: points (period key and label, value, mean, upper and lower limit, the rules it breaks
    and which way), the current process (mean, limits, how many values set them), variation and
    assurance (code and label), target, polarity and the settings used (baseline, recalculated
    from, moving ranges excluded). With `latest_only`, points holds the latest point alone: all
    the icons need, for a list of many indicators. `series`, when the caller has built it
    (`spc_series`), stands for the measurements.
    """
    if series is None:
        series = spc_series(indicator, measurements, until=until, start_month=start_month)
    if len(series) < (spc_min_points() if min_points is None else min_points):
        return {}
    baseline = getattr(indicator, "spc_baseline_points", None) or None
    recalc_key = getattr(indicator, "spc_recalculate_from", "") or ""
    recalculate_from = _index_of(series, recalc_key) if recalc_key else None
    exclude = bool(getattr(indicator, "spc_exclude_large_ranges", False))
    polarity = Polarity(indicator.polarity)
    values = [v for _, v in series]
    try:
        analysis = core.analyse(
            values,
            polarity=polarity,
            target=target,
            baseline=baseline if baseline and baseline >= core.MINIMUM_VALUES else None,
            recalculate_from=recalculate_from,
            exclude_large_ranges=exclude,
        )
    except ValueError:
        analysis = core.analyse(values, polarity=polarity, target=target)
        recalculate_from = None
    latest = analysis.points[-1]
    pairs = zip(series, analysis.points, strict=True)
    return {
        "points": [
            _point(period, point)
            for (period, _), point in pairs
            if not latest_only or point is latest
        ],
        "mean": analysis.limits.mean,
        "upper": analysis.limits.upper,
        "lower": analysis.limits.lower,
        "baseline_count": analysis.limits.baseline_count,
        "excluded_ranges": analysis.limits.excluded_ranges,
        "variation": analysis.variation.value,
        "variation_label": analysis.variation_label,
        "assurance": analysis.assurance.value,
        "assurance_label": analysis.assurance_label,
        "latest_rules": [core.RULE_LABELS[rule] for rule in core.RULES if rule in latest.signals],
        "target": None if target is None else float(target),
        "polarity": polarity.value,
        "baseline": baseline or None,
        "recalculated_from": series[recalculate_from][0].key
        if recalculate_from is not None
        else "",
        "exclude_large_ranges": exclude,
    }


# Each rule and side with its text, read once: an enum's `.value` is slow in a hot loop.
_RULE_VALUES = tuple((rule, rule.value) for rule in core.RULES)
_SIDE_VALUES = {side: side.value for side in core.Side}


def _point(period: Period, point: core.Point) -> dict:
    signals = point.signals  # empty for most points: no rule to list, no side
    return {
        "period": period.key,
        "label": period.short_label,
        "value": point.value,
        "mean": point.limits.mean,
        "upper": point.limits.upper,
        "lower": point.limits.lower,
        "rules": [value for rule, value in _RULE_VALUES if rule in signals] if signals else [],
        "side": _SIDE_VALUES[point.side] if signals else "",
    }


def spc_panel(*, indicator, values, target=None) -> dict:
    """The indicator page's SPC section: the data, the XmR chart as SVG and its description.

    `values` are the indicator's values the page has already read (no further query but the
    council's first month of the year)."""
    from scorecard.rendering.charts import xmr_chart

    start_month = financial_year_start_month()
    data = spc_data(indicator, values, target=target, start_month=start_month)
    context = {
        "spc": data,
        "spc_min_points": spc_min_points(),
        "spc_count": len(spc_series(indicator, values, start_month=start_month)),
    }
    if data:
        chart = xmr_chart(
            data["points"],
            target=data["target"],
            title=f"{indicator.code} {indicator.title}",
            unit=indicator.get_unit_display(),
            polarity=data["polarity"],
        )
        context.update(spc_chart_svg=chart.svg(), spc_chart_description=chart.description)
    return context
