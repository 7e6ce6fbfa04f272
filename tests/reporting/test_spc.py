"""SPC in the reports: the red exceptions split, icons in the scorecard table, XmR charts in
the pack, and the demo council's monthly indicators."""

import re
from types import SimpleNamespace

import pytest
from django.urls import reverse

from scorecard.core.periods import parse
from scorecard.reporting import documents, summary
from scorecard.reporting.selectors import report_data


def line(code, rating="red", state="red", **spc):
    return SimpleNamespace(code=code, rating=rating, state=state, spc=spc)


def test_red_exceptions_split_by_what_spc_says():
    lines = [
        line("A", variation="concerning", assurance="missed"),  # a real change comes first
        line("B", variation="common", assurance="missed"),
        line("C", variation="common", assurance="hit_and_miss"),
        line("D"),  # too few values: no chart
        line("E", variation="improving", assurance="missed"),
        line("F", rating="red", state="not_due", variation="concerning"),  # carried, not updated
        line("G", rating="green", state="green", variation="concerning"),
    ]
    groups = {key: [x.code for x in rows] for key, _, rows in summary.red_by_spc(lines)}
    assert groups == {"change": ["A"], "capability": ["B", "E"], "other": ["C", "D"]}
    assert [x.code for x in summary.with_spc(lines)] == ["A", "B", "C", "E", "F", "G"]


def test_the_pack_prints_a_bounded_number_of_xmr_charts_the_exceptions_first():
    lines = [
        line("G", rating="green", state="green", variation="common"),
        line("F", rating="red", state="not_due", variation="common"),  # red, carried
        line("C", rating="green", state="green", variation="concerning"),
        line("A", variation="common"),  # red this quarter
        line("D"),  # too few values: no chart
        line("B", variation="improving"),  # red this quarter
    ]
    assert summary.pack_xmr(lines, limit=3) == ([lines[3], lines[5], lines[2]], 2)
    shown, left_out = summary.pack_xmr(lines)
    assert [x.code for x in shown] == ["A", "B", "C", "F", "G"] and left_out == 0


def text(html: str) -> str:
    return re.sub(r"\s+", " ", html)


@pytest.mark.django_db
def test_the_demo_council_shows_spc_on_the_dashboard_and_in_the_pack(client, demo_council):
    data = report_data(parse("2017/18-Q2"))
    assert data.is_published  # the SPC data was frozen with the snapshot
    charted = {x.code: x.spc for x in summary.with_spc(data.indicators)}
    monthly = {"RC06", "RC09", "CF07", "CF05", "ENV06", "OFB02", "HW02"}
    assert set(charted) == monthly | {"HW01"}  # HW01: 18 quarters from 2013/14
    assert all(len(charted[code]["points"]) == 30 for code in monthly)  # April 2015 to Sep 2017
    # Of the five red indicators, HW02 changed for the worse and HW01 cannot reach its target;
    # the three others are annual or year to date, with too few values for a chart.
    groups = {key: [x.code for x in rows] for key, _, rows in summary.red_by_spc(data.indicators)}
    assert (groups["change"], groups["capability"], len(groups["other"])) == (["HW02"], ["HW01"], 3)
    # The figures of the source report do not move.
    facts = summary.facts(data)
    assert (facts["indicator_total"], facts["green"], facts["red"], facts["red_updated"]) == (
        73,
        25,
        9,
        5,
    )
    client.force_login(demo_council["reader"])
    page = text(client.get(reverse("reporting:performance_dashboard")).text)
    assert "Red indicators by what statistical process control says" in page
    assert "Red, and a real change: special cause variation that is concerning" in page
    assert "Variation: </span>" in page and "Assurance: </span>" in page
    pack = text(documents.pack_html(data))
    assert 'id="spc"' in pack
    assert pack.count('alt="XmR chart of ') == len(charted)
    assert "Red, and the current process cannot reach the target" in pack
