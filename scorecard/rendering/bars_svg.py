"""Horizontal bars drawn as plain SVG, one per category with its count at the bar's end."""

import math

from . import svg

PLOT_WIDTH = 360
ROW_HEIGHT = 28


def bars_svg(
    counts: dict[str, int], *, colours: dict[str, str], title: str, axis_title: str, label: str
) -> str:
    """Bars in the order of `counts`; a category without a colour is drawn grey."""
    top_count = max(counts.values(), default=0)
    ticks = svg.nice_ticks(0, max(top_count, 1), PLOT_WIDTH // 60)
    if ticks[1] - ticks[0] < 1:  # counts are whole numbers
        ticks = list(range(0, math.ceil(max(top_count, 1)) + 1))
    left = 8 + max((svg.text_width(name) for name in counts), default=0) + 8
    top = 28
    bottom = top + ROW_HEIGHT * max(len(counts), 1)

    def x(count: float) -> float:
        return left + PLOT_WIDTH * count / ticks[-1]

    grid = "".join(f"M{x(t):.1f} {top}V{bottom}" for t in ticks)
    marks = "".join(f"M{x(t):.1f} {bottom}v5" for t in ticks)
    body = [
        f'<path d="{grid}" stroke="{svg.GRID}" fill="none"/>',
        svg.text(left + PLOT_WIDTH / 2, 18, title, anchor="middle", font_weight="bold",
                 font_size=svg.TITLE_SIZE),
    ]  # fmt: skip
    for row, (name, count) in enumerate(counts.items()):
        y = top + ROW_HEIGHT * row
        middle = y + ROW_HEIGHT / 2 + 3.5
        colour = colours.get(name, "#505a5f")
        body.append(
            f'<rect x="{left:.1f}" y="{y + 1.5:.1f}" width="{x(count) - left:.1f}" '
            f'height="{ROW_HEIGHT - 3}" fill="{colour}"/>'
        )
        body.append(svg.text(left - 7, middle, name, anchor="end"))
        body.append(svg.text(x(count) + 4, middle, str(count)))
    body.append(f'<path d="{marks}M{left:.1f} {bottom}h{PLOT_WIDTH}" stroke="{svg.AXIS}"/>')
    body += [svg.text(x(t), bottom + 16, svg.number(t, 0), anchor="middle") for t in ticks]
    body.append(
        svg.text(left + PLOT_WIDTH / 2, bottom + 32, axis_title, anchor="middle",
                 font_weight="bold", font_size=11)
    )  # fmt: skip
    width = left + PLOT_WIDTH + 8 + svg.text_width(str(top_count)) + 8
    return svg.document(width, bottom + 40, body, label=label)
