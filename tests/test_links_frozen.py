"""A published pack keeps its red risks' linked indicators and its benchmarking as published."""

import re

import pytest
from django.urls import reverse

from scorecard.benchmarking.models import ComparatorValue
from scorecard.risks import services
from scorecard.risks.models import IndicatorLink

pytestmark = pytest.mark.django_db


def sections(client, quarter: str) -> str:
    """The pack's "red risks and their indicators" and "benchmarking" parts, as HTML."""
    html = client.get(reverse("reporting:appendix", args=[quarter])).content.decode()
    start = html.index('<section class="part" id="risk-links"')
    end = html.index("</section>", html.index('id="benchmarking"')) + len("</section>")
    return re.sub(r"\s+", " ", html[start:end])


def test_links_and_comparators_changed_after_publication_leave_the_published_pack(
    client, demo_council
):
    client.force_login(demo_council["admin"])
    published, draft = sections(client, "2017-18-Q2"), sections(client, "2017-18-Q1")
    assert "ASC02" in published and "HW08 Short-term support" in published
    assert "Position among comparator councils" in published
    assert "All English councils" in published

    link = IndicatorLink.objects.get(
        risk__reference="ASC02", indicator__code="HW08", is_archived=False
    )
    services.risk_indicator_unlink(link=link, by=demo_council["admin"])
    hw08 = ComparatorValue.objects.filter(indicator=link.indicator, year="2017/18")
    hw08.update(value=0)  # every comparator now better than the council: rank and median move

    assert sections(client, "2017-18-Q2") == published
    changed = sections(client, "2017-18-Q1")
    assert changed != draft
    # The draft shows today's comparators: the median of the 2017/18 values is now 0.
    assert re.search(
        r"HW08 [^<]*</td> <td>All English councils</td> <td>2017/18[^<]*</td>.*?<td class=\"num\">0\.0</td>",
        changed,
    )
