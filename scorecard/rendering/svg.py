"""The small pieces the hand-drawn charts share: nice axis ticks, numbers, text and the document.

The charts in the printed pack are drawn here rather than by Vega: WeasyPrint lays out each
letter of SVG text on its own and gives every element its own drawing state, so a chart costs
what its elements and letters cost. These drawings use a handful of elements (one path for all
the points of a series) and only the words a reader needs. The look follows Vega's defaults
(Arial, grey grid and axis lines), so they sit well beside the charts Vega still draws.
"""

import math
from xml.sax.saxutils import escape, quoteattr

FONT = "Arial, Liberation Sans, DejaVu Sans, sans-serif"
INK = "#0b0c0c"
AXIS = "#888888"
GRID = "#dddddd"
LABEL_SIZE = 10
TITLE_SIZE = 13
# d3's choice of step: 10, 5 or 2 times the power of ten when the raw step is that far above it.
STEP_BOUNDS = [(10, math.sqrt(50)), (5, math.sqrt(10)), (2, math.sqrt(2))]


def nice_ticks(low: float, high: float, count: int) -> list[float]:
    """About `count` round values (steps of 1, 2 or 5 times a power of ten) that cover low to
    high, as d3 and Vega choose them; the first and last enclose both ends."""
    if high < low:
        low, high = high, low
    if high - low < 1e-9:  # one value, or all alike: a range around it
        half = abs(low) / 2 if abs(low) >= 1e-9 else 0.5
        low, high = low - half, high + half
    raw = (high - low) / max(count, 1)
    power = 10 ** math.floor(math.log10(raw))
    error = raw / power
    multiple = next((m for m, bound in STEP_BOUNDS if error >= bound), 1)
    step = multiple * power
    first, last = math.floor(low / step), math.ceil(high / step)
    digits = decimals(step)
    return [round(n * step, digits) for n in range(first, last + 1)]


def decimals(step: float) -> int:
    """How many decimal places tell ticks `step` apart."""
    return max(0, -math.floor(math.log10(step) + 1e-9))


def number(value: float, digits: int) -> str:
    """A tick label: thousands separated, as many decimals as the step needs, never "-0"."""
    text = f"{value:,.{digits}f}"
    return text[1:] if text.lstrip("-0.,") == "" and text.startswith("-") else text


def text_width(words: str, size: float = LABEL_SIZE) -> float:
    """An Arial line's width, near enough to leave room for it (most glyphs are 0.56 em)."""
    return len(words) * size * 0.58


def text(x: float, y: float, words: str, *, anchor: str = "start", **attributes) -> str:
    """One line of text; `attributes` are SVG presentation attributes (font_weight="bold")."""
    extra = "".join(f" {k.replace('_', '-')}={quoteattr(str(v))}" for k, v in attributes.items())
    middle = "" if anchor == "start" else f' text-anchor="{anchor}"'
    return f'<text x="{x:.1f}" y="{y:.1f}"{middle}{extra}>{escape(words)}</text>'


def document(width: float, height: float, body: list[str], *, label: str) -> str:
    """The SVG root: its size, the font every text inherits, and the chart's text alternative as
    its title. Pages give the alternative themselves (an <img>'s alt, or the figure around an
    inline chart), so the drawing is hidden from screen readers, which would read it twice."""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" aria-hidden="true" focusable="false" '
        f'font-family="{FONT}" font-size="{LABEL_SIZE}" fill="{INK}">'
        f"<title>{escape(label)}</title>"
        '<rect width="100%" height="100%" fill="#ffffff"/>' + "".join(body) + "</svg>"
    )
