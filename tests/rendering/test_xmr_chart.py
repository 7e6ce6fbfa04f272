"""The XmR chart, drawn as plain SVG: what a councillor reads on it is there."""

import re

from scorecard.rendering import charts
from scorecard.rendering.charts import SPC_COLOURS


def points(values, *, special_at=None):
    drawn = [
        {"label": f"M{n}", "value": v, "mean": 11, "upper": 14, "lower": 8, "rules": [], "side": ""}
        for n, v in enumerate(values)
    ]
    if special_at is not None:
        drawn[special_at].update(rules=["outside"], side="high")
    return drawn


def test_the_xmr_chart_shows_its_series_target_and_special_causes():
    svg = charts.xmr_chart(
        points([10, 11, 12, 15], special_at=3), target=9, title="Calls answered", polarity="lower"
    ).svg()
    assert svg.startswith("<svg")
    for legend in ("Value", "Mean", "Upper process limit", "Lower process limit", "Target"):
        assert f">{legend}<" in svg
    assert ">Concerning<" in svg and ">Improving<" not in svg
    assert ">Calls answered<" in svg
    assert "#d4351c" in svg  # the target line


def test_a_chart_without_target_or_special_cause_leaves_them_out():
    svg = charts.xmr_chart(points([10, 11, 12, 13])).svg()
    assert ">Mean<" in svg
    assert ">Target<" not in svg and ">Special cause<" not in svg


def test_a_changed_value_draws_a_new_chart_not_the_kept_one():
    before = charts.xmr_chart(points([10, 11, 12, 13]), title="Calls answered").svg()
    again = charts.xmr_chart(points([10, 11, 12, 13]), title="Calls answered").svg()
    after = charts.xmr_chart(points([10, 11, 12, 13.5]), title="Calls answered").svg()
    assert again == before
    assert after != before


def test_special_cause_points_are_marked_in_their_kind_colour():
    drawn = points([10, 11, 12, 15, 11], special_at=3)
    drawn[1].update(rules=["outside"], side="low")
    svg = charts.xmr_chart(drawn, polarity="higher").svg()
    fills = re.findall(r'<path d="[^"]*" fill="(#[0-9a-f]{6})"/>', svg)
    # The values' points in ink, then one diamond per kind; the legend repeats each diamond.
    assert fills.count(SPC_COLOURS["Improving"]) == 2
    assert fills.count(SPC_COLOURS["Concerning"]) == 2
    assert ">Improving<" in svg and ">Concerning<" in svg


def test_the_value_axis_covers_every_line_and_the_latest_period_is_labelled():
    drawn = [
        {"label": f"{month} {2015 + n // 12}", "value": 1200 + n * 7, "mean": 1289,
         "upper": 1325, "lower": 1253, "rules": [], "side": ""}
        for n, month in enumerate(["Apr", "May", "Jun", "Jul", "Aug", "Sep"] * 5)
    ]  # fmt: skip
    svg = charts.xmr_chart(drawn, target=1400, title="Calls").svg()
    values = [float(t.replace(",", "")) for t in re.findall(r'anchor="end">([\d,.-]+)<', svg)]
    assert min(values) <= 1200 and max(values) >= 1403
    periods = re.findall(r'<text x="([\d.]+)" y="[\d.]+" text-anchor="middle">(\w{3} \d{4})<', svg)
    assert periods[-1][1] == drawn[-1]["label"]
    # Labels lie flat, so there are fewer of them than points, and they never overlap.
    assert 4 <= len(periods) < len(drawn)
    xs = [float(x) for x, _ in periods]
    assert min(b - a for a, b in zip(xs, xs[1:], strict=False)) > 50


def test_the_chart_draws_a_png_for_the_docx():
    assert charts.xmr_chart(points([10, 11, 12, 13])).png().startswith(b"\x89PNG")
