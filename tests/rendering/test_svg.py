"""The hand-drawn charts' axes: round tick values that cover the data, labelled plainly."""

import math

from hypothesis import given
from hypothesis import strategies as st

from scorecard.rendering import svg

finite = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_infinity=False)


@given(finite, finite, st.integers(min_value=2, max_value=12))
def test_ticks_cover_the_values_in_even_round_steps(a, b, count):
    low, high = min(a, b), max(a, b)
    ticks = svg.nice_ticks(low, high, count)
    step = ticks[1] - ticks[0]
    assert ticks[0] <= low + step * 1e-6 and ticks[-1] >= high - step * 1e-6
    steps = {round(later - earlier, 9) for earlier, later in zip(ticks, ticks[1:], strict=False)}
    assert all(math.isclose(s, step, rel_tol=1e-6, abs_tol=1e-9) for s in steps)
    mantissa = step / 10 ** math.floor(math.log10(step) + 1e-9)
    assert any(math.isclose(mantissa, m, rel_tol=1e-6) for m in (1, 2, 5, 10))
    assert len(ticks) <= 2 * count + 3


def test_tick_labels_read_as_vega_wrote_them():
    ticks = svg.nice_ticks(1253, 1325, 6)
    assert [svg.number(t, svg.decimals(ticks[1] - ticks[0])) for t in ticks] == [
        "1,250", "1,260", "1,270", "1,280", "1,290", "1,300", "1,310", "1,320", "1,330",
    ]  # fmt: skip
    ticks = svg.nice_ticks(6.06, 7.14, 6)
    assert [svg.number(t, 1) for t in ticks] == ["6.0", "6.2", "6.4", "6.6", "6.8", "7.0", "7.2"]
    assert svg.number(-0.0001, 1) == "0.0"


def test_text_is_escaped_and_the_document_carries_its_description():
    drawn = svg.document(100, 50, [svg.text(5, 20, "Fees & charges <2017>")], label='A "chart"')
    assert ">Fees &amp; charges &lt;2017&gt;<" in drawn
    assert '<title>A "chart"</title>' in drawn
    assert drawn.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
