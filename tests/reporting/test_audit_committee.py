"""The Audit Committee report from the demo council (4 December 2017): every figure counted by
hand from scorecard/demo/audits.py, in the HTML page, the PDF (its text, within the A4 width)
and the DOCX."""

import io
import re
import subprocess

import docx
import lxml.html
import pytest

from tests.reporting.test_pack_pdf import A4_WIDTH_PT, RIGHT_MARGIN_PT, words_with_boxes

pytestmark = pytest.mark.django_db


def text(content: bytes) -> str:
    return re.sub(r"\s+", " ", lxml.html.fromstring(content).text_content())


def rows(content: bytes, section: str) -> list[list[str]]:
    """The cells of the table after the heading with id `section`."""
    page = lxml.html.fromstring(content)
    table = page.xpath(f"//h2[@id='{section}']/following-sibling::table[1]")[0]
    return [
        [re.sub(r"\s+", " ", cell.text_content()).strip() for cell in row.xpath("th|td")]
        for row in table.xpath("tbody/tr")
    ]


@pytest.fixture
def reader(client, demo_council):
    client.force_login(demo_council["reader"])
    return client


def test_the_html_report_counts_the_demo_recommendations(reader, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        response = reader.get("/reports/audit-committee/")
    assert response.status_code == 200
    page = text(response.content)
    # Today 4 December 2017; three months back (plus a day) and forward.
    assert "Report date 4 December 2017" in page
    assert "from today to 4 March 2018" in page and "since 5 September 2017" in page

    # Overdue, longest first: 31 Oct (34 days: 30 in November and 4), 17 Nov (17), 24 Nov (10),
    # 30 Nov (4).
    overdue = rows(response.content, "overdue")
    assert [(r[0], r[-1]) for r in overdue] == [
        ("IA 2017-02", "34"),
        ("IA 2017-03", "17"),
        ("IA 2017-03", "10"),
        ("IA 2017-05", "4"),
    ]
    # Due from 4 December 2017 to 4 March 2018: 15 and 22 December, three on 31 January (by
    # audit), 28 February; 31 March's two fall after the window.
    due = rows(response.content, "due")
    assert [(r[0], r[4]) for r in due] == [
        ("IA 2017-04", "15 December 2017"),
        ("IA 2017-02", "22 December 2017"),
        ("IA 2017-03", "31 January 2018 (first agreed 30 November 2017)"),
        ("IA 2017-05", "31 January 2018"),
        ("IA 2017-06", "31 January 2018"),
        ("IA 2017-01", "28 February 2018"),
    ]
    # One approved extension: the continuity tests, by the administrator (not the owner).
    assert rows(response.content, "extended") == [
        [
            "IA 2017-03",
            "High",
            "Test the business continuity plans of the ten most critical services each year.",
            "John Holt",
            "30 November 2017",
            "31 January 2018",
            "The exercises need the services' winter plans, due in January.",
            "Alex Morgan, 4 December 2017",
        ]
    ]
    assert [r[0] for r in rows(response.content, "awaiting")] == ["IA 2017-01", "IA 2017-05"]
    assert [r[0] for r in rows(response.content, "verified")] == ["IA 2017-01", "IA 2017-04"]

    # By priority: open, overdue, awaiting verification, verified, cancelled, total, counted from
    # the demo's 17 recommendations (8 high, 6 medium, 3 low).
    assert rows(response.content, "by-priority") == [
        ["High", "7", "3", "0", "1", "0", "8"],
        ["Medium", "3", "1", "2", "1", "0", "6"],
        ["Low", "2", "0", "0", "0", "1", "3"],
        ["All recommendations", "12", "4", "2", "2", "1", "17"],
    ]
    assert rows(response.content, "by-audit") == [
        ["IA 2017-01 Payroll and expenses", "1", "0", "1", "1", "0", "3"],
        ["IA 2017-02 Procurement cards", "2", "1", "0", "0", "1", "3"],
        ["IA 2017-03 Business continuity planning", "3", "2", "0", "0", "0", "3"],
        ["IA 2017-04 Housing rents", "2", "0", "0", "1", "0", "3"],
        ["IA 2017-05 IT user access", "2", "1", "1", "0", "0", "3"],
        ["IA 2017-06 Safeguarding: DBS checks", "2", "0", "0", "0", "0", "2"],
        ["All recommendations", "12", "4", "2", "2", "1", "17"],
    ]


def test_the_pdf_keeps_its_text_within_the_a4_width(reader, tmp_path):
    response = reader.get("/reports/audit-committee.pdf")
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="audit-committee-2017-12-04.pdf"'
    )
    pdf_path = tmp_path / "audit-committee.pdf"
    pdf_path.write_bytes(response.content)
    words = words_with_boxes(pdf_path)
    edge = A4_WIDTH_PT - RIGHT_MARGIN_PT + 1
    assert [(page, word) for page, x_max, word in words if x_max > edge] == []
    # The extension's eight columns keep whole words (its dates and reason were split).
    whole = {word for _, _, word in words}
    assert {"November", "January", "exercises", "Approved"} <= whole
    assert not {"Novem", "Decembe", "Janu"} & whole
    laid_out = subprocess.run(
        ["pdftotext", "-layout", str(pdf_path), "-"], capture_output=True, text=True, check=True
    ).stdout
    # Each date keeps its day and month on one line (they were on three), and the section's
    # heading and caption stay on the page of its table (they were left at a page's foot).
    assert re.search(r"30 November +31 January", laid_out)
    (page,) = [page for page in laid_out.split("\f") if "exercises" in page]
    assert re.search(r"^ *Extended$", page, re.M) and "1 extension approved" in page
    plain = re.sub(r"\s+", " ", laid_out)
    assert "Audit Committee: internal audit recommendations" in plain
    assert "Report date 4 December 2017" in plain
    assert "Morgan" in plain and "Holt" in plain  # who approved the extension, who asked
    assert "All recommendations 12 4 2 2 1 17" in plain  # the totals, as in the HTML
    # Tagged for screen readers (PDF/UA-1), as the pack is.
    info = subprocess.run(["pdfinfo", str(pdf_path)], capture_output=True, text=True, check=True)
    assert re.search(r"^Tagged:\s+yes$", info.stdout, re.M)


def test_the_docx_has_the_same_sections_and_figures(reader):
    response = reader.get("/reports/audit-committee.docx")
    assert response.status_code == 200
    document = docx.Document(io.BytesIO(response.content))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == [
        "Overdue",
        "Due in the coming quarter",
        "Extended",
        "Implemented, awaiting verification",
        "Verified in the last quarter",
        "Recommendations by priority",
        "Recommendations by audit",
    ]
    overdue, due, extended, awaiting, verified, by_priority, by_audit = document.tables
    # Header row plus the rows counted above: 4 overdue, 6 due, 1 extended, 2 and 2.
    assert [len(t.rows) - 1 for t in (overdue, due, extended, awaiting, verified)] == [
        4,
        6,
        1,
        2,
        2,
    ]
    assert [c.text for c in overdue.rows[1].cells][-1] == "34"
    assert [c.text for c in extended.rows[1].cells][4:6] == ["30 November 2017", "31 January 2018"]
    assert [c.text for c in by_priority.rows[-1].cells] == [
        "All recommendations", "12", "4", "2", "2", "1", "17",
    ]  # fmt: skip
    assert len(by_audit.rows) == 1 + 6 + 1  # header, six audits, the total


def test_every_role_reads_it_and_no_one_else(client, demo):
    assert client.get("/reports/audit-committee/").status_code == 302  # to sign in
    client.force_login(demo["reader"])
    assert client.get("/reports/audit-committee/").status_code == 200
