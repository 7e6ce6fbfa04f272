"""Charts from plain data, each with a text alternative: pages and the PDF take SVG, the DOCX
PNG (vl-convert).

The status counts and the XmR chart, which the printed pack carries, are drawn here as plain
SVG (`bars_svg`, `xmr_svg`; decision 0012): WeasyPrint spent a quarter of the pack's PDF drawing
Vega's SVG. The trend chart, shown on the indicator page alone, is a Vega-Lite spec drawn by
vl-convert. Pages show the same numbers as a table, so a chart is never the only way to read
them.
"""

import json
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

import altair as alt
import vl_convert

from scorecard.core.figures import figure, plural

from . import svg
from .bars_svg import bars_svg
from .xmr_svg import xmr_svg

# GOV.UK Frontend colours, so charts match the status tags on the page.
STATUS_COLOURS = {
    "Green": "#00703c",
    "Amber": "#f47738",
    "Red": "#d4351c",
    "Not rated": "#505a5f",
}
# Arial first (pages, PDF); Liberation Sans has the same metrics and is there when vl-convert
# draws a PNG for DOCX on a server without Arial (an unknown font draws no text at all).
FONT = svg.FONT


@dataclass(frozen=True)
class Chart:
    """A chart and the sentence that describes it for people who cannot see it: a plain SVG
    `drawing`, or a Vega-Lite `spec` (an Altair chart or a dict) that vl-convert draws."""

    description: str
    drawing: str = ""
    spec: alt.TopLevelMixin | dict | None = None

    def _json(self) -> str:
        spec = self.spec if isinstance(self.spec, dict) else self.spec.to_dict()
        return json.dumps(spec, sort_keys=True)

    def svg(self) -> str:
        return self.drawing or _svg(self._json())

    def png(self, scale: float = 2.0) -> bytes:
        if self.drawing:
            return _drawing_png(self.drawing, scale)
        return _png(self._json(), scale)


# A Vega drawing is a pure function of its spec, and a chart is asked for again and again: keep
# the recent ones, keyed by the spec's full text, so a changed value is a new key and never a
# stale picture. 128 charts of about 50 KB at most.
@lru_cache(maxsize=128)
def _svg(spec_json: str) -> str:
    return vl_convert.vegalite_to_svg(json.loads(spec_json))


@lru_cache(maxsize=16)
def _png(spec_json: str, scale: float) -> bytes:
    return vl_convert.vegalite_to_png(json.loads(spec_json), scale=scale)


@lru_cache(maxsize=16)
def _drawing_png(drawing: str, scale: float) -> bytes:
    return vl_convert.svg_to_png(drawing, scale=scale)


def _configure(chart: alt.TopLevelMixin, description: str) -> alt.TopLevelMixin:
    return (
        chart.properties(description=description).configure(font=FONT).configure_view(strokeWidth=0)
    )


def status_counts_chart(
    counts: dict[str, int],
    title: str = "Indicators by status",
    axis_title: str = "Number of indicators",
    colours: dict[str, str] | None = None,
) -> Chart:
    """Horizontal bars, one per status, in the order given (green, amber, red, not rated)."""
    description = (
        f"{title}: "
        + ", ".join(f"{count} {status.lower()}" for status, count in counts.items())
        + "."
    )
    drawing = bars_svg(
        counts,
        colours=colours or STATUS_COLOURS,
        title=title,
        axis_title=axis_title,
        label=description,
    )
    return Chart(description, drawing=drawing)


def trend_chart(
    points: list[tuple[str, Decimal | float | None]],
    targets: list[tuple[str, Decimal | float | None]] | None = None,
    title: str = "",
    unit: str = "",
) -> Chart:
    """A line of values by period, with the target as a dashed line when there is one."""
    values = [
        {"period": p, "value": float(v), "series": "Actual"} for p, v in points if v is not None
    ]
    goal = [
        {"period": p, "value": float(v), "series": "Target"}
        for p, v in targets or []
        if v is not None
    ]
    order = [p for p, _ in points]
    base = alt.Chart(alt.Data(values=values + goal), title=title or alt.Undefined).encode(
        x=alt.X("period:O", sort=order, title=None),
        y=alt.Y("value:Q", title=unit or None),
        color=alt.Color(
            "series:N", scale=alt.Scale(domain=["Actual", "Target"], range=["#1d70b8", "#505a5f"])
        ),
        strokeDash=alt.StrokeDash(
            "series:N",
            scale=alt.Scale(domain=["Actual", "Target"], range=[[1, 0], [6, 4]]),
            legend=None,
        ),
    )
    chart = (base.mark_line(point=True)).properties(width=480, height=220)
    if values:
        first, last = values[0], values[-1]
        description = (
            f"{title or 'Trend'}: {plural(len(values), 'value')} from {first['period']} "
            f"({figure(first['value'])}) to {last['period']} ({figure(last['value'])})"
        )
    else:
        description = f"{title or 'Trend'}: no values yet"
    if goal:
        description += f"; latest target {figure(goal[-1]['value'])}"
    return Chart(description + ".", spec=_configure(chart, description + "."))


SPC_COLOURS = {"Improving": "#1d70b8", "Concerning": "#f47738", "Special cause": "#4c2c92"}


def xmr_chart(
    points: list[dict],
    *,
    target: float | None = None,
    title: str = "",
    unit: str = "",
    polarity: str = "none",
) -> Chart:
    """An XmR chart: the values, the mean and the process limits (which step where the process
    was recalculated), the target if any, and the special-cause points highlighted.

    Each point is a dict with label, value, mean, upper, lower, rules (the special-cause rules it
    takes part in) and side ("high" or "low"); `polarity` says which side is better.
    """
    special = [
        (i, _special_kind(p["side"], polarity)) for i, p in enumerate(points) if p.get("rules")
    ]
    kinds = {k: colour for k, colour in SPC_COLOURS.items() if any(s == k for _, s in special)}
    named = f" of {title}" if title else ""
    if points:
        first, last = points[0], points[-1]
        description = (
            f"XmR chart{named}: {plural(len(points), 'value')} from "
            f"{first['label']} ({figure(first['value'])}) to {last['label']} "
            f"({figure(last['value'])}); "
            f"mean {last['mean']:.4g}, process limits {last['lower']:.4g} to {last['upper']:.4g}"
        )
        if target is not None:
            description += f"; target {float(target):g}"
        description += (
            f"; {len(special)} point{'s' if len(special) != 1 else ''} "
            "showing special cause variation."
        )
    else:
        description = f"XmR chart{named}: no values yet."
    drawing = xmr_svg(
        points,
        special=special,
        colours=kinds,
        target=None if target is None else float(target),
        title=title,
        unit=unit,
        description=description,
    )
    return Chart(description, drawing=drawing)


def _special_kind(side: str, polarity: str) -> str:
    """Improving or concerning when the indicator has a better side, else just special cause."""
    better = {"higher": "high", "lower": "low"}.get(polarity)
    if better is None:
        return "Special cause"
    return "Improving" if side == better else "Concerning"


def as_data_uri(svg: str) -> str:
    """An SVG as a data URI, for an <img> whose alt text is the chart's description."""
    import base64

    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
