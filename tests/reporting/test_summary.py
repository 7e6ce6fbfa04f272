"""The pure rules of the report: counts, exceptions, heat map movement, areas, and the wording."""

import datetime as dt
from types import SimpleNamespace as Row

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scorecard.reporting import cover, summary

MATRIX = {
    "likelihood": ["Rare", "Likely"],
    "impact": ["Minor", "Severe"],
    "bands": {
        "red": {"label": "Red", "colour": "#d4351c", "severity": 3},
        "amber": {"label": "Amber", "colour": "#f47738", "severity": 2},
        "green": {"label": "Green", "colour": "#00703c", "severity": 1},
    },
    "cells": {"1-1": "green", "1-2": "amber", "2-1": "amber", "2-2": "red"},
}


def line(rating, state, priority="P", order=1):
    return Row(rating=rating, state=state, priority=priority, priority_order=order, title=state)


def risk(ref, lk, im, band, area="", prev=None, is_new=False, is_open=True, escalated=False):
    return Row(
        reference=ref, likelihood=lk, impact=im, score=lk * im, band_key=band, area=area,
        previous_likelihood=prev[0] if prev else None, previous_impact=prev[1] if prev else None,
        is_new=is_new, is_open=is_open, escalated_this_period=escalated,
    )  # fmt: skip


STATES = st.sampled_from(
    [("green", "green"), ("amber", "amber"), ("red", "red"), ("red", "not_due"),
     ("red", "awaiting_data"), ("", "data_only"), ("", "no_target"), ("green", "not_due")]
)  # fmt: skip


@given(st.lists(STATES, max_size=40))
def test_counts_add_up_and_red_splits_into_updated_and_carried(states):
    lines = [line(rating, state) for rating, state in states]
    counts = summary.rating_counts(lines)
    assert sum(counts.values()) == len(lines)
    assert len(summary.red_updated(lines)) + len(summary.red_carried(lines)) == counts["red"]
    assert all(row.state == "red" for row in summary.red_updated(lines))


def test_heat_map_counts_open_risks_and_the_change_since_last_quarter():
    risks = [
        risk("A", 2, 2, "red", prev=(1, 2)),  # moved up into the red cell
        risk("B", 2, 2, "red", prev=(2, 2)),
        risk("C", 1, 1, "green", is_new=True, prev=None),
        risk("D", 1, 2, "amber", is_open=False, prev=(1, 2)),  # closed this quarter
    ]
    rows = summary.heat_map(risks, MATRIX)
    top_right, bottom_middle = rows[0][1], rows[1][1]
    assert (top_right.count, top_right.previous, top_right.change) == (2, 1, 1)
    assert (bottom_middle.count, bottom_middle.previous, bottom_middle.change) == (0, 2, -2)
    assert rows[1][0].count == 1 and rows[1][0].previous == 0


def test_areas_group_the_red_risks_and_rank_them():
    areas = [Row(name="Adults", description="d"), Row(name="Children", description="d")]
    risks = [
        risk("C1", 2, 2, "red", area="Children"),
        risk("C2", 2, 2, "red", area="Children"),
        risk("A1", 2, 2, "red", area="Adults"),
        risk("A2", 1, 2, "amber", area="Adults"),
        risk("X", 2, 2, "red"),
    ]
    found = summary.areas_with_red(risks, areas, MATRIX)
    assert [(a.area.name, [r.reference for r in a.risks]) for a in found] == [
        ("Children", ["C1", "C2"]),
        ("Adults", ["A1"]),
    ]
    assert [r.reference for r in summary.red_without_area(risks, MATRIX)] == ["X"]
    assert summary.band_counts(risks, MATRIX) == {"red": 4, "amber": 1, "green": 0}


def test_default_wording_fills_the_figures_and_the_lettering_follows_the_refresh():
    facts = dict(cover.SAMPLE_FACTS, refreshed=False)
    blocks = cover.cover_blocks(None, facts)
    items = [b.text for b in blocks if b.kind == "item"]
    assert items[0].startswith("(a) receives the latest update")
    assert items[1].startswith("(b) notes the latest refresh of the Corporate Risk Register")
    assert "Second indicator: 1,310 against a target of 1,200." in items
    refreshed = cover.cover_blocks(None, dict(cover.SAMPLE_FACTS, refreshed=True))
    assert [b.text for b in refreshed if b.kind == "item"][0].startswith("(a) notes the refresh")


def _cover_text(**figures) -> str:
    return " ".join(b.text for b in cover.cover_blocks(None, dict(cover.SAMPLE_FACTS, **figures)))


def test_the_cover_report_with_one_red_indicator_and_no_risk_areas_reads_naturally():
    text = _cover_text(
        red=1,
        red_updated=1,
        red_updated_names=["Household waste recycled"],
        red_updated_rated=["Household waste recycled: 38.0% against a target of 45.0%"],
        risk_red=0,
        risk_areas=[],
        risk_total=1310,
    )
    assert "considers actions being taken to improve performance for the 1 indicator rated" in text
    assert "and 1 is rated 'red'." in text
    assert "The indicator assessed as 'red' following an update this quarter is:" in text
    assert "Household waste recycled: 38.0% against a target of 45.0%." in text
    assert "notes the latest refresh of the Corporate Risk Register." in text
    assert "there were 1,310 individual risks" in text and "none of which was rated" in text
    assert "No risk is rated 'red' at the end of Quarter Two 2017/18." in text
    for clumsy in ("1 indicators", "the no risk areas", "no risk areas", 'high/"red"', "0 have"):
        assert clumsy not in text


def test_the_cover_report_with_no_red_indicator_and_one_risk_area_reads_naturally():
    text = _cover_text(
        green=0, red=0, red_updated=0, red_updated_names=[], red_updated_rated=[], risk_red=1
    )
    assert "noting that no indicator is rated 'green';" in text
    assert "None of these is rated 'green'" in text and "none is rated 'red'." in text
    assert "improve performance for the" not in text
    assert "mitigate the 1 risk area rated 'red'" in text
    assert "of which 1 was rated high ('red')." in text
    assert "The highest risk falls into 1 risk area:" in text


@pytest.mark.parametrize(
    ("wording", "problem"),
    [("", "Enter the wording"), ("{{ nope }}", "cannot be filled in"), ("{% if %}", "cannot")],
)
def test_a_broken_wording_is_refused(wording, problem):
    assert problem in cover.template_problem(wording)


def test_the_wording_sandbox_refuses_reaching_into_python():
    assert "cannot be filled in" in cover.template_problem("{{ ''.__class__.__mro__ }}")


def test_periods_are_written_short_as_in_the_tables():
    assert summary.period_short("2017/18-Q2") == "Q2 2017/18"
    assert summary.period_short("2017/18-M09") == "Sep 2017"
    assert summary.period_short("2017/18") == "2017/18"
    assert summary.period_short("not a period") == "not a period"


def test_a_restatement_reads_as_a_dated_note():
    dated = Row(restated_on=dt.date(2026, 12, 4), reason="One case was counted twice")
    # The date in full, GOV.UK style (no leading zero), then the reason with its full stop.
    assert summary.restatement_note(dated) == (
        "Restated on 4 December 2026: One case was counted twice."
    )
    ended = Row(restated_on=dt.date(2018, 1, 9), reason="Late returns.")
    assert summary.restatement_note(ended) == "Restated on 9 January 2018: Late returns."
    # A value changed without a restatement (corrected otherwise): no date to give.
    assert summary.restatement_note(Row(restated_on=None, reason="")) == (
        "Restated since publication."
    )


@given(st.dates(), st.text(max_size=40))
def test_a_restatement_note_always_names_its_date_and_keeps_the_reason(day, reason):
    note = summary.restatement_note(Row(restated_on=day, reason=reason))
    assert note.startswith(f"Restated on {day.day} ") and str(day.year) in note
    assert reason.strip() in note and note.endswith((".", "!", "?"))
