"""The printed pack: long tables keep every column on the page; charts keep their words."""

import re
import subprocess
import zlib

from scorecard.core.periods import parse
from scorecard.reporting import documents
from scorecard.reporting.selectors import report_data
from scorecard.reporting.summary import pack_xmr

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


def structure_text(pdf: bytes) -> bytes:
    """Every compressed stream of the PDF, inflated: the tags (and their /Alt) live there."""
    inflated = []
    for start in re.finditer(rb"stream\r?\n", pdf):
        try:
            inflated.append(zlib.decompressobj().decompress(pdf[start.end() :]))
        except zlib.error:
            continue
    return b"".join(inflated)


def test_every_chart_of_the_pack_keeps_its_description_and_its_words(demo_council, tmp_path):
    data = report_data(parse("2017/18-Q2"))
    pdf = documents.pack_pdf(data)
    info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True).stdout
    assert b"Tagged:          yes" in info
    charted = pack_xmr(data.indicators)[0]
    assert charted
    tags = structure_text(pdf)
    assert tags.count(b"/Alt (XmR chart of ") == len(charted)
    assert b"/Alt (Indicators by status: " in tags and b"/Alt (Risks by band: " in tags
    # The charts' own words are drawn as text: the legend, and the latest period of each chart.
    pdf_path = tmp_path / "pack.pdf"
    pdf_path.write_bytes(pdf)
    words = " ".join(word for _, _, word in words_with_boxes(pdf_path))
    assert words.count("Upper process limit") >= len(charted)
    assert words.count(charted[0].spc["points"][-1]["label"]) >= 2  # chart and its table
