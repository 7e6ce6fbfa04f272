"""The demo council's Transformation Programme agrees with its red savings indicator, and its
published Quarter Two 2017/18 report has the major projects."""

import subprocess
from decimal import Decimal

import pytest

from scorecard.reporting.models import Snapshot

pytestmark = pytest.mark.django_db


def test_the_savings_in_the_demo_pack_equal_the_indicator_s_figure(demo_council):
    snapshot = Snapshot.objects.get(period="2017/18-Q2")
    rc03 = snapshot.indicators.get(code="RC03")
    programme = snapshot.projects.filter(programme="Transformation Programme")
    achieved = sum(p.savings_achieved for p in programme)
    profile = sum(p.savings_profile for p in programme)
    assert (
        (achieved, profile) == (rc03.value, rc03.target) == (Decimal(4_680_000), Decimal(6_000_000))
    )
    assert rc03.rating == "red"


def test_the_demo_pack_has_major_projects_in_every_rating(demo_council):
    rows = Snapshot.objects.get(period="2017/18-Q2").projects.all()
    assert {r.rag for r in rows} == {"red", "amber", "green"}
    states = {m["state"] for r in rows for m in r.milestones}
    assert states == {"done", "done late", "missed", "forecast late", "on track"}
    broadband = rows.get(name="Superfast Midshire broadband")
    assert broadband.judged and broadband.rag == "amber"


def test_the_published_pack_has_the_major_projects_section(client, demo_council, tmp_path):
    client.force_login(demo_council["reader"])
    html = client.get("/reports/2017-18-Q2/appendix/").content.decode()
    section = html[html.index('id="major-projects"') :]
    assert "Major projects" in section
    assert "Superfast Midshire broadband" in section
    assert (
        "(the project manager&#39;s judgement)" in section
        or "the project manager's judgement" in section
    )
    # Digital by default: £1,900,000 achieved against a £2,000,000 profile (£4m a year).
    assert "£2,000,000" in section and "£1,900,000" in section
    # And the PDF of the same pack.
    path = tmp_path / "pack.pdf"
    path.write_bytes(client.get("/reports/2017-18-Q2/appendix.pdf").content)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    words = " ".join(text.stdout.split())
    assert "Major projects" in words and "Superfast Midshire broadband" in words


def test_the_performance_dashboard_shows_the_major_projects(client, demo_council):
    client.force_login(demo_council["reader"])
    html = client.get("/reports/performance/?period=2017/18-Q2").content.decode()
    section = html[html.index('id="major-projects"') : html.index('id="scorecard"')]
    assert "Energy from Waste plant" in section and "Budget: Spend 13.6% over budget." in section
