"""The public performance site: each locked and published quarter as web pages anyone can read,
without signing in, from its frozen snapshot (decision 0040).

Every page is rendered from the snapshot and answered with a strong `ETag` (the SHA-256 of the
page), `Cache-Control: public` and `304 Not Modified` to a matching `If-None-Match`, so a
reverse proxy or CDN can hold it. No page carries a form, a cookie or a script.
"""

import hashlib
import threading
import time

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotModified
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.views.decorators.http import require_GET, require_http_methods

from scorecard.organisation.selectors import (
    organisation_settings_get,
    user_can_manage_organisation,
)
from scorecard.reporting import documents, stored, summary
from scorecard.reporting.models import StoredDocument
from scorecard.risks.access import risk_visibility

from . import forms, selectors, services

# A published page changes only when a restatement or a confidentiality is recorded: readers
# and caches keep it five minutes, then ask again (a 304 while it has not changed).
MAX_AGE = 300


def _enabled():
    site = selectors.public_site_get()
    if not site.is_enabled:
        raise Http404("The public site is not on.")
    return site


def _cached(
    request: HttpRequest, body: bytes, content_type: str, etag: str = "", **headers
) -> HttpResponse:
    etag = etag or f'"{hashlib.sha256(body).hexdigest()}"'
    asked = [tag.strip() for tag in request.headers.get("If-None-Match", "").split(",")]
    response = HttpResponseNotModified() if etag in asked else HttpResponse(body, content_type)
    response["ETag"] = etag
    response["Cache-Control"] = f"public, max-age={MAX_AGE}"
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


def _page(request: HttpRequest, template: str, context: dict) -> HttpResponse:
    body = render_to_string(template, {"s": summary, **context}, request=request).encode()
    return _cached(request, body, "text/html; charset=utf-8")


# A quarter's rendered pages kept in the process for a minute (less than MAX_AGE, which already
# lets a reader keep a page five minutes), keyed by what can change a published page: the
# snapshot, the risks confidential now (read on every request, so a risk marked confidential
# leaves the next page at once) and the site's settings. A restatement shows within the minute.
KEEP_SECONDS = 60
KEEP_MOST = 1000
_kept: dict[tuple, tuple[float, bytes, str]] = {}
_kept_lock = threading.Lock()


def pages_forget() -> None:
    with _kept_lock:
        _kept.clear()


def _kept_page(request, key: tuple, template: str, build) -> HttpResponse:
    now = time.monotonic()
    key = (request.path, *key)
    found = _kept.get(key)
    if found is None or found[0] <= now:
        body = render_to_string(template, {"s": summary, **build()}, request=request).encode()
        found = (now + KEEP_SECONDS, body, f'"{hashlib.sha256(body).hexdigest()}"')
        with _kept_lock:
            if len(_kept) >= KEEP_MOST:
                _kept.clear()
            _kept[key] = found
    return _cached(request, found[1], "text/html; charset=utf-8", etag=found[2])


def _key(site, snapshot, visibility) -> tuple:
    return (site.pk, site.updated_at, snapshot.pk, snapshot.published_at,
            visibility.confidential_now)  # fmt: skip


def _quarter(slug: str):
    found = selectors.public_period(slug)
    if found is None:
        raise Http404("No published quarter at this address.")
    return found


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """Every published quarter, newest first."""
    _enabled()
    quarters = [
        {"snapshot": s, "slug": s.period.replace("/", "-"), "label": summary.period_label(s.period)}
        for s in selectors.public_snapshots()
    ]
    return _page(request, "public/index.html", {"quarters": quarters})


@require_GET
def quarter(request: HttpRequest, period: str) -> HttpResponse:
    """The headline and every indicator by Corporate Plan priority."""
    site = _enabled()
    found, snapshot = _quarter(period)
    visibility = risk_visibility(None)

    def build() -> dict:
        data = selectors.public_report(found, snapshot, risks=False, reader=visibility)
        context = {
            "data": data, "period": found, "slug": period,
            "major_projects": list(snapshot.projects.all()),
        }  # fmt: skip
        if data.indicators:
            context.update(documents.performance_context(data))
            context["by_priority_lines"] = _by_priority(data.indicators)
        return context

    return _kept_page(request, _key(site, snapshot, visibility), "public/quarter.html", build)


def _by_priority(lines) -> list[tuple[str, list]]:
    groups: dict[tuple, list] = {}
    for line in lines:
        groups.setdefault((line.priority_order, line.priority), []).append(line)
    return [(name, rows) for (_, name), rows in sorted(groups.items())]


@require_GET
def indicator(request: HttpRequest, period: str, code: str) -> HttpResponse:
    """One indicator as published: value, target, status, trend, commentary, and its row in
    every published quarter."""
    site = _enabled()
    found, snapshot = _quarter(period)

    def build() -> dict:
        line = selectors.public_indicator(snapshot, code)
        if line is None:
            raise Http404("No such indicator in this quarter.")
        return {
            "line": line,
            "period": found,
            "slug": period,
            "snapshot": snapshot,
            "sparkline": documents.Sparklines({line.code: line})[line.code],
            "history": selectors.indicator_published_history(line.indicator_id),
            "restatements": selectors.indicator_restatements(snapshot, line),
            "as_of": snapshot.published_at.date(),
        }

    key = _key(site, snapshot, risk_visibility(None))
    return _kept_page(request, key, "public/indicator.html", build)


@require_GET
def risks(request: HttpRequest, period: str) -> HttpResponse:
    """The risks that are not confidential: counts by band, the heat map, the risk areas."""
    site = _enabled()
    found, snapshot = _quarter(period)
    visibility = risk_visibility(None)

    def build() -> dict:
        data = selectors.public_report(found, snapshot, performance=False, reader=visibility)
        context = {"data": data, "period": found, "slug": period}
        if data.risks and data.matrix:
            context.update(documents.risk_context(data))
        return context

    return _kept_page(request, _key(site, snapshot, visibility), "public/risks.html", build)


DOWNLOADS = {
    "pack.pdf": (StoredDocument.Kind.PDF, "cabinet-pack"),
    "report.docx": (StoredDocument.Kind.DOCX, "cabinet-report"),
}


@require_GET
def download(request: HttpRequest, period: str, name: str) -> HttpResponse:
    """The stored pack (PDF) or cover report (Word) built for the public (decisions 0034, 0042):
    no confidential risk, no commentary marked internal; the same bytes every time, never
    rendered in a request. Until built: a page saying so."""
    _enabled()
    if name not in DOWNLOADS:
        raise Http404
    found, snapshot = _quarter(period)
    kind, stem = DOWNLOADS[name]
    data = stored.reader_data(found, None)
    document = stored.document_get_or_queue(data=data, kind=kind, reader=None, public=True)
    if document.state != StoredDocument.State.DONE:
        body = render_to_string(
            "public/building.html",
            {"period": found, "slug": period, "document": document},
            request=request,
        ).encode()
        response = HttpResponse(body, status=503)
        response["Retry-After"] = "10"
        response["Cache-Control"] = "no-store"
        return response
    filename = f"{stem}-{period}.{name.rsplit('.', 1)[1]}"
    return _cached(
        request,
        bytes(document.content),
        stored.CONTENT_TYPE[kind],
        etag=f'"{document.sha256}"',
        Content_Disposition=f'attachment; filename="{filename}"',
    )


@require_GET
def explained(request: HttpRequest) -> HttpResponse:
    """What RAG, direction of travel and the SPC icons mean, in plain English."""
    _enabled()
    return _page(request, "public/explained.html", {})


@require_GET
def accessibility(request: HttpRequest) -> HttpResponse:
    _enabled()
    return _page(request, "public/accessibility.html", {})


@require_GET
def how_we_measure(request: HttpRequest) -> HttpResponse:
    site = _enabled()
    paragraphs = [p.strip() for p in site.how_we_measure.split("\n\n") if p.strip()]
    # The default text says who approves a figure as the council's setting has it.
    self_approval = organisation_settings_get().allow_self_approval
    return _page(
        request,
        "public/how_we_measure.html",
        {"paragraphs": paragraphs, "self_approval": self_approval},
    )


# --- administration --------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def settings_edit(request: HttpRequest) -> HttpResponse:
    """Turn the public site on or off, and write its "How we measure performance" page."""
    if not user_can_manage_organisation(request.user):
        raise PermissionDenied
    site = selectors.public_site_get()
    form = forms.PublicSiteForm(
        request.POST or None,
        initial={"is_enabled": site.is_enabled, "how_we_measure": site.how_we_measure},
    )
    if request.method == "POST" and form.is_valid():
        services.public_site_update(**form.cleaned_data, by=request.user)
        messages.success(request, "Public site settings saved.")
        return redirect("public_settings:edit")
    return render(
        request,
        "public/settings.html",
        {"form": form, "site": site, "active_section": "administration"},
    )
