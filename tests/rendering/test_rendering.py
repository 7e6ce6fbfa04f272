"""Charts, PDF and DOCX rendering, checked by reading the files back."""

import io
import subprocess
from decimal import Decimal

import pytest
from docx import Document
from docx.oxml.ns import qn

from scorecard.rendering import charts, docx, pdf


def test_status_chart_svg_shows_every_count_and_describes_itself():
    chart = charts.status_counts_chart({"Green": 25, "Amber": 20, "Red": 9, "Not rated": 19})
    svg = chart.svg()
    assert svg.startswith("<svg")
    for count in ["25", "20", "9", "19"]:
        assert f">{count}<" in svg
    assert chart.description == "Indicators by status: 25 green, 20 amber, 9 red, 19 not rated."
    assert chart.png().startswith(b"\x89PNG")


def test_trend_chart_with_target_describes_first_and_last_value():
    chart = charts.trend_chart(
        [("Q1 2017/18", Decimal("61.5")), ("Q2 2017/18", None), ("Q3 2017/18", Decimal("64"))],
        targets=[("Q1 2017/18", 60), ("Q3 2017/18", 65)],
        title="Satisfaction with the local area",
        unit="%",
    )
    assert "<svg" in chart.svg()
    assert chart.description == (
        "Satisfaction with the local area: 2 values from Q1 2017/18 (61.5) to Q3 2017/18 (64); "
        "latest target 65."
    )


PAGES_HTML = """<!doctype html><html lang="en-GB"><head><title>Appendix</title><style>
@page { size: A4; @bottom-right { content: "Page " counter(page) " of " counter(pages); } }
h1 { break-before: page; font-family: Arial; }
</style></head><body>
<h1>Performance Summary Dashboard</h1><p>25 indicators are green.</p>
<h1>Corporate Risk Dashboard</h1><p>9 risks are red.</p>
</body></html>"""


def pdf_tool(tool: str, pdf_bytes: bytes, tmp_path) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf_bytes)
    return subprocess.run([tool, str(path), "-"] if tool == "pdftotext" else [tool, str(path)],
                          capture_output=True, text=True, check=True).stdout  # fmt: skip


def test_pdf_is_tagged_paged_and_numbered(tmp_path):
    document = pdf.html_to_pdf(PAGES_HTML)
    info = pdf_tool("pdfinfo", document, tmp_path)
    assert "Tagged:          yes" in info
    assert "Pages:           2" in info
    assert "Title:           Appendix" in info
    text = pdf_tool("pdftotext", document, tmp_path)
    assert "Page 1 of 2" in text and "Page 2 of 2" in text
    assert "9 risks are red." in text


def test_the_cycle_collector_runs_again_after_a_render():
    import gc

    pdf.html_to_pdf(PAGES_HTML)
    assert gc.isenabled()


def test_docx_table_shades_status_cells_and_picture_has_alt_text():
    document = docx.new_document("Quarter Two 2017/18")
    docx.add_table(
        document,
        ["Indicator", "Status"],
        [["Performance reviews completed", "Red"], ["Household waste per head", "Green"]],
        status_column=1,
    )
    chart = charts.status_counts_chart({"Green": 25, "Red": 9})
    docx.add_picture(document, chart.png(), chart.description)

    reopened = Document(io.BytesIO(docx.to_bytes(document)))
    table = reopened.tables[0]
    assert [c.text for c in table.rows[1].cells] == ["Performance reviews completed", "Red"]
    fills = [row.cells[1]._tc.tcPr.find(qn("w:shd")).get(qn("w:fill")) for row in table.rows[1:]]
    assert fills == ["D4351C", "00703C"]
    assert reopened.core_properties.title == "Quarter Two 2017/18"
    assert reopened.inline_shapes[0]._inline.docPr.get("descr") == chart.description


@pytest.mark.parametrize("module", ["charts", "pdf", "docx"])
def test_rendering_modules_import_without_django(module):
    import sys

    code = f"import sys, scorecard.rendering.{module}; assert 'django' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)
