"""HTML with print CSS to a tagged, accessible PDF (PDF/UA-1) with WeasyPrint."""

import gc
import logging
from collections.abc import Iterator
from contextlib import contextmanager

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
    with cycle_collection_paused():
        return document.write_pdf(stylesheets=styles, pdf_variant="pdf/ua-1")


@contextmanager
def cycle_collection_paused() -> Iterator[None]:
    """Pause Python's cycle collector while WeasyPrint renders, then free the render's garbage.

    A render makes some hundreds of thousands of objects that live until it ends; the collector
    would scan them, and every object of the web process, again and again (a sixth of the demo
    pack's CPU). Without it the render's garbage waits for the end, about a quarter more peak
    memory for the demo pack. All of it is then young, so a collection of the youngest
    generation frees it without scanning the process's long-lived objects.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:  # a caller that paused it already resumes it itself
            gc.enable()
            gc.collect(0)
