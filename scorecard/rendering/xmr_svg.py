"""The XmR chart drawn as plain SVG: the values, the mean and process limits (which step where
the process was recalculated), the target, the special-cause points and a legend.

The period axis labels every few points, counted back from the latest, so the labels lie flat
and never crowd; the table beside the chart in the pack and on the indicator page lists each
period.
"""

import math

from . import svg

PLOT_WIDTH, PLOT_HEIGHT = 520, 240
POINT_RADIUS = 3.1  # Vega's point of size 30
DIAMOND_RADIUS = 5.2  # Vega's diamond of size 110
# (legend label, point key, colour, dash): the target is added when there is one.
LINES = [
    ("Value", "value", svg.INK, ""),
    ("Mean", "mean", "#505a5f", ""),
    ("Upper process limit", "upper", "#505a5f", "4 3"),
    ("Lower process limit", "lower", "#505a5f", "4 3"),
]
TARGET = ("Target", "target", "#d4351c", "8 4")


def xmr_svg(
    points: list[dict],
    *,
    special: list[tuple[int, str]],
    colours: dict[str, str],
    target: float | None,
    title: str,
    unit: str,
    description: str,
) -> str:
    """`special` lists (index of the point, kind) and `colours` each kind's colour, in the order
    the legend shows them."""
    lines = LINES + ([TARGET] if target is not None else [])
    series = [
        (name, [target if key == "target" else p[key] for p in points], colour, dash)
        for name, key, colour, dash in lines
    ]
    values = [v for _, ys, _, _ in series for v in ys] or [0.0]
    ticks = svg.nice_ticks(min(values), max(values), PLOT_HEIGHT // 40)
    digits = svg.decimals(ticks[1] - ticks[0]) if len(ticks) > 1 else 0
    tick_labels = [svg.number(t, digits) for t in ticks]

    unit_room = 18 if unit else 0
    left = 8 + unit_room + max(svg.text_width(t) for t in tick_labels) + 8
    top = 30 if title else 10
    bottom = top + PLOT_HEIGHT
    step = PLOT_WIDTH / max(len(points), 1)

    def x(i: int) -> float:
        return left + step * (i + 0.5)

    def y(v: float) -> float:
        return bottom - PLOT_HEIGHT * (v - ticks[0]) / ((ticks[-1] - ticks[0]) or 1)

    body = [_axes(ticks, tick_labels, left, bottom, y)]
    if unit:
        middle = top + PLOT_HEIGHT / 2
        body.append(
            svg.text(14, middle, unit, anchor="middle", font_weight="bold", font_size=11,
                     transform=f"rotate(-90 14 {middle:.1f})")
        )  # fmt: skip
    body += _period_labels([p["label"] for p in points], left, bottom, step, x)
    for _, ys, colour, dash in reversed(series):  # the values drawn last, on top
        body.append(_polyline([(x(i), y(v)) for i, v in enumerate(ys)], colour, dash))
    body.append(_shapes([(x(i), y(p["value"])) for i, p in enumerate(points)], svg.INK, _circle))
    for kind, colour in colours.items():
        where = [(x(i), y(points[i]["value"])) for i, k in special if k == kind]
        body.append(_shapes(where, colour, _diamond))
    if title:
        body.append(
            svg.text(left + PLOT_WIDTH / 2, 18, title, anchor="middle", font_weight="bold",
                     font_size=svg.TITLE_SIZE)
        )  # fmt: skip
    legend, legend_width = _legend(series, colours, left + PLOT_WIDTH + 20, top)
    body += legend
    width = left + PLOT_WIDTH + 20 + legend_width + 8
    return svg.document(width, bottom + 24, body, label=description)


def _axes(ticks, labels, left, bottom, y) -> str:
    """Grid lines, the y axis's ticks and labels, and the x axis's line."""
    grid = "".join(f"M{left:.1f} {y(t):.1f}h{PLOT_WIDTH}" for t in ticks)
    marks = "".join(f"M{left - 5:.1f} {y(t):.1f}h5" for t in ticks)
    texts = [
        svg.text(left - 7, y(t) + 3.5, label, anchor="end")
        for t, label in zip(ticks, labels, strict=True)
    ]
    return (
        f'<path d="{grid}" stroke="{svg.GRID}" fill="none"/>'
        f'<path d="{marks}M{left:.1f} {bottom:.1f}h{PLOT_WIDTH}" stroke="{svg.AXIS}" fill="none"/>'
        + "".join(texts)
    )


def _period_labels(labels, left, bottom, step, x) -> list[str]:
    """Every `every`-th period, counted back from the latest, with a tick above it."""
    if not labels:
        return []
    room = max(svg.text_width(label) for label in labels) + 12
    every = max(1, math.ceil(room / step))
    shown = [i for i in range(len(labels)) if (len(labels) - 1 - i) % every == 0]
    marks = "".join(f"M{x(i):.1f} {bottom:.1f}v5" for i in shown)
    return [f'<path d="{marks}" stroke="{svg.AXIS}" fill="none"/>'] + [
        svg.text(x(i), bottom + 16, labels[i], anchor="middle") for i in shown
    ]


def _polyline(xy, colour, dash) -> str:
    points = " ".join(f"{a:.1f},{b:.1f}" for a, b in xy)
    dashes = f' stroke-dasharray="{dash}"' if dash else ""
    return f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2"{dashes}/>'


def _circle(cx: float, cy: float) -> str:
    r = POINT_RADIUS
    return f"M{cx - r:.1f} {cy:.1f}a{r} {r} 0 1 0 {2 * r} 0a{r} {r} 0 1 0 {-2 * r} 0z"


def _diamond(cx: float, cy: float) -> str:
    r = DIAMOND_RADIUS
    return f"M{cx:.1f} {cy - r:.1f}l{r} {r}l{-r} {r}l{-r} {-r}z"


def _shapes(centres, colour, shape) -> str:
    """All the marks of one kind as a single path: one element for WeasyPrint to draw."""
    if not centres:
        return ""
    return f'<path d="{"".join(shape(a, b) for a, b in centres)}" fill="{colour}"/>'


def _legend(series, colours, left, top) -> tuple[list[str], float]:
    """Each line with its dash, then the special-cause kinds shown; and the legend's width."""
    body, row = [], top + 6
    for name, _, colour, dash in series:
        body.append(_polyline([(left, row), (left + 15, row)], colour, dash))
        body.append(svg.text(left + 20, row + 3.5, name))
        row += 14
    names = [name for name, *_ in series] + list(colours)
    if colours:
        row += 8
        body.append(svg.text(left, row + 3.5, "Special cause", font_weight="bold", font_size=11))
        for kind, colour in colours.items():
            row += 14
            body.append(_shapes([(left + 7.5, row)], colour, _diamond))
            body.append(svg.text(left + 20, row + 3.5, kind))
        names.append("Special cause")
    return body, 20 + max(svg.text_width(n) for n in names)
