"""DOCX building blocks for the Cabinet report: headings, paragraphs, RAG tables, charts."""

import io

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, RGBColor

# Cell shading for statuses: the same colours as the web pages, as hex without '#'.
STATUS_SHADING = {"Green": "00703C", "Amber": "F47738", "Red": "D4351C", "Not rated": "505A5F"}


def new_document(title: str) -> Document:
    document = Document()
    document.core_properties.title = title
    document.add_heading(title, level=0)
    return document


def paragraph_style_id(document: Document, name: str) -> str | None:
    """The id of a paragraph style, looked up once: python-docx looks a style name up again for
    each paragraph, scanning every style (seconds for a report's thousand bullet points)."""
    return document.styles.get_style_id(name, WD_STYLE_TYPE.PARAGRAPH)


def add_paragraph(document: Document, text: str, style_id: str | None = None):
    """A paragraph in the style of `paragraph_style_id` (as `add_paragraph(text, style=name)`)."""
    paragraph = document.add_paragraph(text)
    if style_id is not None:
        paragraph._p.style = style_id
    return paragraph


def shade_cell(cell, hex_colour: str) -> None:
    """Fill a table cell with a colour (python-docx has no API for cell shading)."""
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), hex_colour)
    properties.append(shading)


def add_table(
    document: Document, header: list[str], rows: list[list[str]], status_column: int | None = None
):
    """A table with a header row; the status column's cells are shaded by their status."""
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    for values in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, values, strict=True):
            cell.text = text
        if status_column is not None and values[status_column] in STATUS_SHADING:
            cell = cells[status_column]
            shade_cell(cell, STATUS_SHADING[values[status_column]])
            # White on the GOV.UK status colours meets the WCAG contrast ratio; black does not.
            cell.paragraphs[0].runs[0].font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    return table


def add_picture(document: Document, png: bytes, description: str, width_cm: float = 15) -> None:
    """A chart image, with its description as the picture's alternative text."""
    document.add_picture(io.BytesIO(png), width=Cm(width_cm))
    drawing = document.inline_shapes[-1]._inline
    drawing.docPr.set("descr", description)


def to_bytes(document: Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
