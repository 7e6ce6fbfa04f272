"""HTML with print CSS to a tagged, accessible PDF (PDF/UA-1) with WeasyPrint."""

import logging

from scorecard.core.collector import collector_paused

# WeasyPrint reports each rendering step at INFO, some while it is imported: quieten it first,
# so commands print only what they write.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

import weasyprint  # noqa: E402


def html_to_pdf(
    html: str, *, base_url: str | None = None, stylesheets: list[str] | None = None
) -> bytes:
    """Render HTML (with its @page rules) to PDF bytes, tagged for screen readers."""
    document = weasyprint.HTML(string=html, base_url=base_url)
    styles = [weasyprint.CSS(string=css) for css in stylesheets or []]
    with collector_paused():
        return document.write_pdf(stylesheets=styles, pdf_variant="pdf/ua-1")
