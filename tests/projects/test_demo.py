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


def _docx_text(data: bytes) -> tuple[list[str], list[list[list[str]]]]:
    import io

    from docx import Document

    document = Document(io.BytesIO(data))
    paragraphs = [p.text for p in document.paragraphs if p.text.strip()]
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]
    return paragraphs, tables


def test_the_cover_report_docx_has_the_major_projects(demo_council):
    from scorecard.core.periods import parse
    from scorecard.reporting import documents
    from scorecard.reporting.selectors import report_data

    data = documents.cover_docx(report_data(parse("2017/18-Q2")))
    paragraphs, tables = _docx_text(data)
    assert "Major projects" in paragraphs
    # The Transformation Programme's four projects: £1,900,000 + £1,580,000 + £600,000 +
    # £600,000 = £4,680,000 achieved; a quarter's half of the £12,000,000 target, £6,000,000.
    assert (
        "Transformation Programme: savings of £4,680,000 achieved by the end of Quarter Two "
        "2017/18, against a profile of £6,000,000."
    ) in paragraphs
    ratings, money = tables[-2], tables[-1]
    assert ratings[0] == ["Project", "Rating", "Why", "Milestones missed", "Milestones due"]
    by_name = {row[0]: row for row in ratings[1:]}
    broadband = by_name["Superfast Midshire broadband (Capital programme)"]
    assert broadband[1] == "Amber" and broadband[2].endswith("(the project manager's judgement)")
    # The east wing was planned for 31 August 2017, now forecast for 15 December.
    property_row = by_name["Property rationalisation (Transformation Programme)"]
    assert property_row[3] == (
        "County Hall east wing vacated (planned 31 August 2017, now 15 December 2017)"
    )
    assert money[0] == [
        "Project", "Budget", "Expected spend", "Savings profile", "Savings achieved", "Red risks"
    ]  # fmt: skip
    # Digital by default: £1,900,000 achieved against a £2,000,000 profile (£4m a year, half).
    digital = next(row for row in money if row[0] == "Digital by default")
    assert digital[1:5] == ["£1,200,000", "£1,250,000", "£2,000,000", "£1,900,000"]


def test_a_quarter_without_approved_project_updates_has_no_section_in_the_docx(demo_council):
    from scorecard.core.periods import parse
    from scorecard.reporting import documents
    from scorecard.reporting.selectors import report_data

    paragraphs, _ = _docx_text(documents.cover_docx(report_data(parse("2017/18-Q1"))))
    assert "Major projects" not in paragraphs


def test_today_s_project_pages_rate_the_latest_update_s_savings_against_its_own_quarter(
    demo_council,
):
    """In Quarter Three the latest approved updates are Quarter Two's: their savings are compared
    with Quarter Two's profile, as the published pack did, not with Quarter Three's."""
    from scorecard.projects.selectors import project_lines

    published = {
        row.name: (row.savings_rag, row.savings_profile, row.savings_achieved)
        for row in Snapshot.objects.get(period="2017/18-Q2").projects.all()
    }
    today = {
        line.project.name: (
            line.rag.savings.rag.value if line.rag.savings.rag else "",
            line.money.savings_profile,
            line.money.savings_achieved,
        )
        for line in project_lines(demo_council["admin"])
        if line.update is not None and line.update.period == "2017/18-Q2"
    }
    assert today and today == {name: published[name] for name in today}
    assert today["Procurement savings"][0] != "red"


def test_a_milestone_not_due_yet_is_forecast_late_not_late(client, demo_council):
    from scorecard.projects.selectors import project_lines

    line = next(
        line
        for line in project_lines(demo_council["admin"])
        if any(m.state == "forecast late" for m in line.milestones)
    )
    milestone = next(m for m in line.milestones if m.state == "forecast late")
    client.force_login(demo_council["reader"])
    html = " ".join(client.get(f"/projects/{line.project.pk}/").content.decode().split())
    days = f"{milestone.slippage_days} days"
    assert f"Forecast late ({days} after its planned date: not due yet)" in html
    assert f"Forecast late ({days} late)" not in html
