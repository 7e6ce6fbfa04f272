"""The user guides of docs/user-guide/, shown in the product so each role finds theirs.

The guides are short Markdown files; this renders the small part of Markdown they use
(headings, paragraphs, bullet and numbered lists, **bold**) into GOV.UK classes, escaping the rest;
screenshots are left out.
"""

import re
from pathlib import Path

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

GUIDES_DIR = Path(__file__).resolve().parent.parent / "docs" / "user-guide"
GUIDES = {
    "updater": "Updating indicators",
    "approver": "Approving values",
    "risk-owner": "Reviewing risks",
    "administrator": "Running the quarter",
    "reader": "Reading the scorecard and the register",
    "importing": "Bringing in your council's spreadsheets",
    "public-site": "Publishing on the public site",
    "projects": "Programmes and projects",
    "actions": "Actions and extensions",
    "internal-audit": "Internal audit's recommendations",
}


def _inline(text: str) -> str:
    return re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", escape(text))


def render_guide(text: str) -> SafeString:
    html, items, kind = [], [], None

    def close_list():
        nonlocal items, kind
        if items:
            css = "govuk-list--bullet" if kind == "ul" else "govuk-list--number"
            html.append(f'<{kind} class="govuk-list {css}">' + "".join(items) + f"</{kind}>")
        items, kind = [], None

    paragraph: list[str] = []

    def close_paragraph():
        if paragraph:
            html.append(f'<p class="govuk-body">{_inline(" ".join(paragraph))}</p>')
            paragraph.clear()

    for line in text.splitlines():
        stripped = line.strip()
        bullet = re.match(r"^(-|\d+\.)\s+(.*)", stripped)
        if not stripped or stripped.startswith("!["):
            # A screenshot is for the guide read in the repository: in the product, the
            # page it shows is one click away.
            close_paragraph()
            close_list()
        elif stripped.startswith("#"):
            close_paragraph()
            close_list()
            level = min(len(stripped) - len(stripped.lstrip("#")), 3)
            size = {1: "l", 2: "m", 3: "s"}[level]
            title = _inline(stripped.lstrip("#").strip())
            html.append(f'<h{level} class="govuk-heading-{size}">{title}</h{level}>')
        elif bullet:
            close_paragraph()
            wanted = "ul" if bullet.group(1) == "-" else "ol"
            if kind and kind != wanted:
                close_list()
            kind = wanted
            items.append(f"<li>{_inline(bullet.group(2))}</li>")
        else:
            close_list()
            paragraph.append(stripped)
    close_paragraph()
    close_list()
    return mark_safe("\n".join(html))  # noqa: S308 - every piece of text above is escaped


@login_required
def guide(request: HttpRequest, name: str) -> HttpResponse:
    if name not in GUIDES:
        raise Http404("No such guide.")
    text = (GUIDES_DIR / f"{name}.md").read_text(encoding="utf-8")
    return render(
        request,
        "guide.html",
        {"body": render_guide(text), "title": GUIDES[name], "guides": GUIDES, "name": name},
    )
