"""Charts from plain data with Altair: one spec gives SVG for pages and PDF, PNG for DOCX.

Every chart comes with a text alternative, and pages show the same numbers as a table, so the
chart is never the only way to read them.
"""

from dataclasses import dataclass
from decimal import Decimal

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
    """A chart and the sentence that describes it for people who cannot see it."""

    spec: alt.TopLevelMixin
    description: str

    def svg(self) -> str:
        return vl_convert.vegalite_to_svg(self.spec.to_dict())

    def png(self, scale: float = 2.0) -> bytes:
        return vl_convert.vegalite_to_png(self.spec.to_dict(), scale=scale)


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
    base = alt.Chart(alt.Data(values=lines), title=title or alt.Undefined).encode(
        x=alt.X("period:O", sort=order, title=None, axis=alt.Axis(labelAngle=-45)),
        y=alt.Y("value:Q", title=unit or None, scale=alt.Scale(zero=False)),
        color=alt.Color(
            "series:N", scale=alt.Scale(domain=domain, range=colours), legend=alt.Legend(title=None)
        ),
        strokeDash=alt.StrokeDash(
            "series:N", scale=alt.Scale(domain=domain, range=dashes), legend=None
        ),
    )
    layers = [base.mark_line()]
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
    layers.append(
        alt.Chart(alt.Data(values=[{"period": p["label"], "value": p["value"]} for p in points]))
        .mark_point(filled=True, size=30, color="#0b0c0c")
        .encode(x=alt.X("period:O", sort=order), y="value:Q")
    )
    if special:
        layers.append(
            alt.Chart(alt.Data(values=special))
            .mark_point(filled=True, size=110, shape="diamond")
            .encode(
                x=alt.X("period:O", sort=order),
                y="value:Q",
                fill=alt.Fill(
                    "kind:N",
                    scale=alt.Scale(
                        domain=[k for k in SPC_COLOURS if any(p["kind"] == k for p in special)],
                        range=[
                            c
                            for k, c in SPC_COLOURS.items()
                            if any(p["kind"] == k for p in special)
                        ],
                    ),
                    legend=alt.Legend(title="Special cause"),
                ),
            )
        )
    chart = alt.layer(*layers).properties(width=520, height=240)
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
    return Chart(_configure(chart, description), description)


def as_data_uri(svg: str) -> str:
    """An SVG as a data URI, for an <img> whose alt text is the chart's description."""
    import base64

    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
