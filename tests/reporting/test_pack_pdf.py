"""The printed pack: long tables keep every column on the page."""

import re
import subprocess

from scorecard.core.periods import parse
from scorecard.reporting import documents
from scorecard.reporting.selectors import report_data

A4_WIDTH_PT = 595.3
RIGHT_MARGIN_PT = 15 / 25.4 * 72


def words_with_boxes(pdf_path) -> list[tuple[int, float, str]]:
    """(page number, right edge in points, word) for every word of the PDF."""
    html = subprocess.run(
        ["pdftotext", "-bbox", str(pdf_path), "-"], capture_output=True, text=True, check=True
    ).stdout
    words = []
    for number, page in enumerate(html.split("<page ")[1:], start=1):
        for x_max, word in re.findall(
            r'<word xMin="[^"]+" yMin="[^"]+" xMax="([^"]+)" yMax="[^"]+">([^<]*)</word>', page
        ):
            words.append((number, float(x_max), word))
    return words


def test_the_full_scorecard_and_xmr_tables_fit_the_page_width(demo_council, tmp_path):
    pdf_path = tmp_path / "pack.pdf"
    pdf_path.write_bytes(documents.pack_pdf(report_data(parse("2017/18-Q2"))))
    words = words_with_boxes(pdf_path)
    assert words
    edge = A4_WIDTH_PT - RIGHT_MARGIN_PT + 1
    overflowing = [(page, word) for page, x_max, word in words if x_max > edge]
    assert overflowing == []
    # The last columns' headings are there, on the scorecard's pages and the XmR tables'.
    assert sum(word == "updated" for _, _, word in words) >= 5
    assert any(word == "cause" for _, _, word in words)
