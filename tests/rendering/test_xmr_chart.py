"""The XmR chart, drawn from a plain Vega-Lite spec and kept by that spec's text."""

from scorecard.rendering import charts


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
