"""`scorecard report` for the demo council: the source report's figures and names in every format.

The demo writes values, targets and assessments only; these figures come out of the status
engine and the risk scoring, through the published snapshot.
"""

import io
import json
import re
import subprocess

import pytest
from django.core.management import call_command
from docx import Document

from scorecard.core.periods import parse
from scorecard.reporting import documents
from scorecard.reporting.selectors import report_data

pytestmark = pytest.mark.django_db

FIVE = [
    "Older People Funded in Permanent Care Home placements",
    "Adults with a learning disability in paid employment",
    "Satisfaction with the local area as a place to live",
    "Performance Reviews completed",
    "Financial savings achieved (Transformation Programme)",
]
SECTIONS = [
    "Contents",
    "Cabinet report",
    "Performance summary",
    "Exception report",
    "The full scorecard",
    "Corporate risk dashboard",
    "Heat map",
    "Top risks across all registers",
    "Risk areas",
]


def _run(*args) -> str:
    out = io.StringIO()
    call_command("report", *args, stdout=out)
    return out.getvalue()


def test_markdown_and_json_state_the_source_reports_figures(demo_council):
    md = _run("--period", "2017/18-Q2", "--format", "md")
    assert "Currently 73 indicators are reported in the Scorecard." in md
    assert "25 of these are rated 'green'" in md and "9 are rated 'red'" in md
    assert "Of these 9, 5 have had a performance update in Quarter Two 2017/18" in md
    for name in FIVE:
        assert f"- {name}: " in md  # each with its value and what it was rated against
    assert "there were 160 individual risks entered in the risk register, of which 9 were" in md
    assert "The 9 highest risks can be grouped into 2 risk areas:" in md
    assert "- Children's Social Care – risks around safeguarding children" in md
    assert "- Adult Social Care – risks around increasing demand" in md
    assert "(a) notes the refresh of the Corporate Balanced Scorecard" in md

    snapshot = json.loads(_run("--period", "2017/18-Q2", "--format", "json"))
    assert snapshot["period"] == "2017/18-Q2"
    performance, risks = snapshot["performance"], snapshot["risks"]
    assert performance["total"] == 73 == len(performance["indicators"])
    assert performance["by_status"]["green"] == 25 and performance["by_status"]["red"] == 9
    assert sorted(i["title"] for i in performance["red_updated_this_period"]) == sorted(FIVE)
    first = performance["indicators"][0]
    assert set(first) >= {
        "code", "title", "priority", "status", "value", "target", "direction",
        "last_updated_period", "updated_this_period",
    }  # fmt: skip
    assert risks["total"] == 160 == len(risks["risks"])
    assert risks["by_band"] == {"red": 9, "amber": 60, "green": 91}
    assert [a["name"] for a in risks["areas"]] == ["Children's Social Care", "Adult Social Care"]
    assert sum(len(a["risks"]) for a in risks["areas"]) == 9
    assert set(risks["risks"][0]) >= {
        "reference", "title", "register", "likelihood", "impact", "score", "band", "area",
        "movement",
    }  # fmt: skip
    assert risks["risks"][0]["score"] == 20  # ranked: the highest first


def test_pdf_has_every_section_and_docx_reopens_with_the_same_paragraphs(demo_council, tmp_path):
    pdf_path = tmp_path / "pack.pdf"
    call_command("report", "--period", "2017/18-Q2", "--format", "pdf", "--output", str(pdf_path))
    assert pdf_path.read_bytes().startswith(b"%PDF")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf_path), "-"], capture_output=True, text=True, check=True
    ).stdout
    for section in SECTIONS:
        assert section in text, section
    assert re.search(r"Page 2 of \d+", text)
    info = subprocess.run(["pdfinfo", str(pdf_path)], capture_output=True, text=True).stdout
    assert re.search(r"Tagged:\s+yes", info)

    docx_path = tmp_path / "cover.docx"
    call_command("report", "--period", "2017/18-Q2", "--format", "docx", "--output", str(docx_path))
    paragraphs = [p.text for p in Document(str(docx_path)).paragraphs if p.text.strip()]
    blocks = documents.cover_blocks(report_data(parse("2017/18-Q2")))
    for block in blocks:
        assert block.text in paragraphs, block.text
    assert any("there were 160 individual risks" in p for p in paragraphs)
    assert sum(p.split(": ")[0] in FIVE for p in paragraphs) == 5


def test_an_unknown_period_is_refused(db):
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="not a quarter"):
        _run("--period", "2017/18", "--format", "md")
