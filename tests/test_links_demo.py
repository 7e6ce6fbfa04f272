"""The demo council shows benchmarking and risk links on its indicators, risks and pack."""

import re

import pytest
from django.urls import reverse

from scorecard.benchmarking.selectors import indicator_benchmarks
from scorecard.demo import load_demo
from scorecard.organisation.models import User
from scorecard.performance.models import Indicator
from scorecard.risks.models import IndicatorLink, Risk

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


@pytest.fixture
def council(db):
    load_demo()
    return {"users": {u.username: u for u in User.objects.all()}}


def test_the_demo_shows_benchmarks_links_and_the_pack(client, council):
    hw08 = Indicator.objects.get(code="HW08")
    benchmarks = {b.group.name: b for b in indicator_benchmarks([hw08])[hw08.pk]}
    assert list(benchmarks) == ["All English councils", "West Midlands"]
    everyone = benchmarks["All English councils"]
    assert everyone.year == "2017/18" and everyone.own_period == "2017/18-Q2"
    assert everyone.count == 152 and everyone.position.rank is not None
    # Every red risk names the indicators it threatens.
    assert IndicatorLink.objects.filter(is_archived=False).values("risk").distinct().count() == 9

    client.force_login(council["users"]["admin"])
    page = text(client.get(reverse("performance:indicator", args=[hw08.pk])))
    assert "Benchmarking" in page and "West Midlands" in page
    assert "Risks behind this indicator" in page and "ASC02" in page
    risk = Risk.objects.get(reference="ASC02")
    page = text(client.get(reverse("risks:risk", args=[risk.pk])))
    assert "Indicators this risk threatens" in page and "HW08" in page
    pack = text(client.get(reverse("reporting:appendix", args=["2017-18-Q2"])))
    assert "Red risks and the indicators they threaten" in pack
    assert "ASC02" in pack and "HW08 Short-term support" in pack
    assert "Position among comparator councils" in pack and "All English councils" in pack
