"""The demo's Quarter Two shows both SPC groups of red indicators, with the source report's
figures unchanged: HW02 (monthly) a real change, HW01 a process that cannot reach its target."""

import re
from decimal import Decimal as D

import pytest
from django.urls import reverse

from scorecard.core.periods import parse
from scorecard.reporting import documents, summary
from scorecard.reporting.selectors import report_data

pytestmark = pytest.mark.django_db


def plain(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_quarter_two_splits_its_red_indicators_by_spc(client, demo_council):
    for live in (False, True):  # as published, and rebuilt from the values
        data = report_data(parse("2017/18-Q2"), live=live)
        lines = {line.code: line for line in data.indicators}
        hw02, hw01 = lines["HW02"].spc, lines["HW01"].spc
        assert (len(hw02["points"]), hw02["points"][-1]["period"]) == (30, "2017/18-M09")
        assert (hw02["variation"], hw02["assurance"]) == ("concerning", "hit_and_miss")
        assert (len(hw01["points"]), hw01["points"][0]["period"]) == (18, "2013/14-Q1")
        assert (hw01["variation"], hw01["assurance"]) == ("common", "missed")
        assert hw01["lower"] > hw01["target"] == 1150  # the whole process above the target
        # The quarter's figures are the source report's: 6.1% (84 of 1,370) and 1,299.
        assert round(lines["HW02"].value, 1) == D("6.1") and lines["HW01"].value == 1299
        groups = {
            key: [x.code for x in rows] for key, _, rows in summary.red_by_spc(data.indicators)
        }
        assert (groups["change"], groups["capability"]) == (["HW02"], ["HW01"])
        facts = summary.facts(data)
        assert (facts["indicator_total"], facts["green"], facts["amber"], facts["red"]) == (
            73, 25, 20, 9
        )  # fmt: skip
        assert (facts["not_rated"], facts["red_updated"]) == (19, 5)

    client.force_login(demo_council["reader"])
    page = plain(client.get(reverse("reporting:performance_dashboard")).content.decode())
    change = page.index("Red, and a real change")
    capability = page.index("Red, and the current process cannot reach the target")
    assert "HW02" in page[change:capability] and "HW01" in page[capability:]
    html = documents.pack_html(report_data(parse("2017/18-Q2")))
    assert "Red, and a real change" in plain(html) and 'alt="XmR chart of HW02 ' in html
