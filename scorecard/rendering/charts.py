"""Charts from plain data with Altair: one spec gives SVG for pages and PDF, PNG for DOCX.

Every chart comes with a text alternative, and pages show the same numbers as a table, so the
chart is never the only way to read them.
"""

import json
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

import altair as alt
import vl_convert

# GOV.UK Frontend colours, so charts match the status tags on the page.
STATUS_COLOURS = {
    "Green": "#00703c",
    "Amber": "#f47738",
    "Red": "#d4351c",
    "Not rated": "#505a5f",
}
# Arial first (pages, PDF); Liberation Sans has the same metrics and is there when vl-convert
# draws a PNG for DOCX on a server without Arial (an unknown font draws no text at all).
FONT = "Arial, Liberation Sans, DejaVu Sans, sans-serif"


@dataclass(frozen=True)
class Chart:
    """A chart and the sentence that describes it for people who cannot see it. The spec is an
    Altair chart or a Vega-Lite dict."""

    spec: alt.TopLevelMixin | dict
    description: str

    def _json(self) -> str:
        spec = self.spec if isinstance(self.spec, dict) else self.spec.to_dict()
        return json.dumps(spec, sort_keys=True)

    def svg(self) -> str:
        return _svg(self._json())

    def png(self, scale: float = 2.0) -> bytes:
        return _png(self._json(), scale)


# A drawing is a pure function of its spec, and a published quarter's charts are asked for again
# and again (pack, PDF, dashboards): keep the recent ones, keyed by the spec's full text, so a
# changed value is a new key and never a stale picture. 128 charts of about 50 KB at most.
@lru_cache(maxsize=128)
def _svg(spec_json: str) -> str:
    return vl_convert.vegalite_to_svg(json.loads(spec_json))


@lru_cache(maxsize=16)
def _png(spec_json: str, scale: float) -> bytes:
    return vl_convert.vegalite_to_png(json.loads(spec_json), scale=scale)


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
    rows = [{"status": status, "count": count} for status, count in counts.items()]
    order = list(counts)
    description = (
        f"{title}: "
        + ", ".join(f"{count} {status.lower()}" for status, count in counts.items())
        + "."
    )
    bars = (
        alt.Chart(alt.Data(values=rows), title=title)
        .mark_bar()
        .encode(
            y=alt.Y("status:N", sort=order, title=None),
            x=alt.X("count:Q", title=axis_title, axis=alt.Axis(tickMinStep=1)),
            color=alt.Color(
                "status:N",
                scale=alt.Scale(
                    domain=list(colours or STATUS_COLOURS),
                    range=list((colours or STATUS_COLOURS).values()),
                ),
                legend=None,
            ),
        )
    )
    labels = bars.mark_text(align="left", dx=4, color="#0b0c0c").encode(
        text="count:Q", color=alt.value("#0b0c0c")
    )
    chart = (bars + labels).properties(width=360, height=28 * max(len(rows), 1))
    return Chart(_configure(chart, description), description)


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
            f"{title or 'Trend'}: {len(values)} values from {first['period']} ({first['value']:g}) "
            f"to {last['period']} ({last['value']:g})"
        )
    else:
        description = f"{title or 'Trend'}: no values yet"
    if goal:
        description += f"; latest target {goal[-1]['value']:g}"
    return Chart(_configure(chart, description + "."), description + ".")


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

    The Vega-Lite spec is written as a plain dict, the one Altair would build: building and
    validating it through Altair took longer than drawing it, and the pack draws one per indicator.
    """
    order = [p["label"] for p in points]
    lines = []
    for p in points:
        for series, key in (
            ("Value", "value"),
            ("Mean", "mean"),
            ("Upper process limit", "upper"),
            ("Lower process limit", "lower"),
        ):
            lines.append({"period": p["label"], "value": p[key], "series": series})
        if target is not None:
            lines.append({"period": p["label"], "value": float(target), "series": "Target"})
    domain = ["Value", "Mean", "Upper process limit", "Lower process limit"]
    colours = ["#0b0c0c", "#505a5f", "#505a5f", "#505a5f"]
    dashes = [[1, 0], [1, 0], [4, 3], [4, 3]]
    if target is not None:
        domain.append("Target")
        colours.append("#d4351c")
        dashes.append([8, 4])
    x = {"field": "period", "sort": order, "type": "ordinal"}
    y = {"field": "value", "type": "quantitative"}
    line_layer = {
        "data": {"values": lines},
        "mark": {"type": "line"},
        "encoding": {
            "color": {
                "field": "series",
                "legend": {"title": None},
                "scale": {"domain": domain, "range": colours},
                "type": "nominal",
            },
            "strokeDash": {
                "field": "series",
                "legend": None,
                "scale": {"domain": domain, "range": dashes},
                "type": "nominal",
            },
            "x": {**x, "axis": {"labelAngle": -45}, "title": None},
            "y": {**y, "scale": {"zero": False}, "title": unit or None},
        },
    }
    if title:
        line_layer["title"] = title
    special = []
    for p in points:
        if p.get("rules"):
            better = {"higher": "high", "lower": "low"}.get(polarity)
            kind = (
                "Special cause"
                if better is None
                else "Improving"
                if p["side"] == better
                else "Concerning"
            )
            special.append({"period": p["label"], "value": p["value"], "kind": kind})
    layers = [
        line_layer,
        {
            "data": {"values": [{"period": p["label"], "value": p["value"]} for p in points]},
            "mark": {"type": "point", "color": "#0b0c0c", "filled": True, "size": 30},
            "encoding": {"x": x, "y": y},
        },
    ]
    if special:
        kinds = [k for k in SPC_COLOURS if any(p["kind"] == k for p in special)]
        layers.append(
            {
                "data": {"values": special},
                "mark": {"type": "point", "filled": True, "shape": "diamond", "size": 110},
                "encoding": {
                    "fill": {
                        "field": "kind",
                        "legend": {"title": "Special cause"},
                        "scale": {"domain": kinds, "range": [SPC_COLOURS[k] for k in kinds]},
                        "type": "nominal",
                    },
                    "x": x,
                    "y": y,
                },
            }
        )
    if points:
        first, last = points[0], points[-1]
        description = (
            f"XmR chart{' of ' + title if title else ''}: {len(points)} values from "
            f"{first['label']} ({first['value']:g}) to {last['label']} ({last['value']:g}); "
            f"mean {last['mean']:.4g}, process limits {last['lower']:.4g} to {last['upper']:.4g}"
        )
        if target is not None:
            description += f"; target {float(target):g}"
        description += (
            f"; {len(special)} point{'s' if len(special) != 1 else ''} "
            "showing special cause variation."
        )
    else:
        description = f"XmR chart{' of ' + title if title else ''}: no values yet."
    spec = {
        "config": {"view": {"strokeWidth": 0}, "font": FONT},
        "layer": layers,
        "description": description,
        "height": 240,
        "width": 520,
    }
    return Chart(spec, description)


def as_data_uri(svg: str) -> str:
    """An SVG as a data URI, for an <img> whose alt text is the chart's description."""
    import base64

    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
