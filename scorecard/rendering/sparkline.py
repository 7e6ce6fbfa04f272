"""A tiny inline SVG line of recent values, for a table cell. Decorative: the cell also says
the values in words, so the SVG is hidden from screen readers."""

from decimal import Decimal

WIDTH, HEIGHT, PAD = 80, 20, 2


def sparkline_svg(values: list[Decimal | float | str]) -> str:
    numbers = [float(v) for v in values if v is not None]
    if len(numbers) < 2:
        return ""
    low, high = min(numbers), max(numbers)
    span = (high - low) or 1.0
    step = (WIDTH - 2 * PAD) / (len(numbers) - 1)
    points = " ".join(
        f"{PAD + i * step:.1f},{HEIGHT - PAD - (n - low) / span * (HEIGHT - 2 * PAD):.1f}"
        for i, n in enumerate(numbers)
    )
    last_x, last_y = points.split(" ")[-1].split(",")
    return (
        f'<svg class="app-sparkline" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" '
        'aria-hidden="true" focusable="false">'
        f'<polyline fill="none" stroke="#1d70b8" stroke-width="1.5" points="{points}"/>'
        f'<circle cx="{last_x}" cy="{last_y}" r="2" fill="#0b0c0c"/></svg>'
    )
