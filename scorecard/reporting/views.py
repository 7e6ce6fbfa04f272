"""Reports: the list of quarters, both dashboards, the appendix pack, the Cabinet cover report,
locking and publishing a quarter, and the cover report's wording."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotModified
from django.shortcuts import redirect, render
from django.utils.http import http_date
from django.views.decorators.http import require_http_methods

from scorecard.actions.access import user_reads_audits
from scorecard.core.periods import Period
from scorecard.web import add_service_errors, paginate

from . import audit_committee as committee
from . import cover as cover_wording
from . import documents, forms, links, services, stored, summary
from .selectors import (
    period_default,
    period_parse,
    periods_list,
    quarter_readiness,
    report_data,
    report_wording_get,
    snapshot_get,
    user_can_publish,
    user_can_read_report,
    user_can_read_reports,
)

# The dashboards show the scorecard a page at a time, and each list of exceptions up to a
# bound with a link to the rest, so a council of any size renders a page of bounded length.
ROWS_PER_PAGE = 50
EXCEPTIONS_SHOWN = 25


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def _render(request, template: str, context: dict) -> HttpResponse:
    return render(request, template, {"active_section": "reports", "s": summary, **context})


def _quarter(text: str) -> Period:
    period = period_parse(text)
    if period is None:
        raise Http404("No such quarter.")
    return period


@login_required
def index(request: HttpRequest) -> HttpResponse:
    """Every quarter, with its dashboards and, once published, its report pack."""
    _require(user_can_read_reports(request.user))
    return _render(
        request,
        "reporting/index.html",
        {
            "entries": periods_list(),
            "can_publish": user_can_publish(request.user),
        },
    )


def _picked(request) -> tuple[Period | None, list]:
    entries = periods_list()
    period = period_parse(request.GET.get("period")) or period_default()
    return period, entries


@login_required
def performance_dashboard(request: HttpRequest) -> HttpResponse:
    _require(user_can_read_reports(request.user))
    period, entries = _picked(request)
    context = {"period": period, "entries": entries, "data": None}
    if period is not None:
        data = report_data(period, reader=request.user, risks=False, keep=True)
        filters = {k: request.GET.get(k, "") for k in ("priority", "directorate", "status")}
        shown = documents.performance_context(data, filters=filters)
        context.update(
            data=data,
            filters=filters,
            filtered=any(filters.values()),
            exceptions_shown=EXCEPTIONS_SHOWN,
            major_projects=links.major_projects(data),
            **shown,
            **paginate(request, shown["table"], per_page=ROWS_PER_PAGE),
        )
    return _render(request, "reporting/performance_dashboard.html", context)


@login_required
def risk_dashboard(request: HttpRequest) -> HttpResponse:
    _require(user_can_read_reports(request.user))
    period, entries = _picked(request)
    context = {"period": period, "entries": entries, "data": None}
    if period is not None:
        data = report_data(period, reader=request.user, performance=False, keep=True)
        context.update(data=data, exceptions_shown=EXCEPTIONS_SHOWN, **documents.risk_context(data))
    return _render(request, "reporting/risk_dashboard.html", context)


def _document_data(request, period: str):
    _require(user_can_read_reports(request.user))
    quarter = _quarter(period)
    # Drafts are for administrators: refuse before building anything.
    _require(user_can_publish(request.user) or snapshot_get(quarter) is not None)
    # The lines the dashboards keep: the documents only read them (publishing builds its own).
    data = report_data(quarter, reader=request.user, keep=True)
    _require(user_can_read_report(request.user, data))
    return data


def _stored(request: HttpRequest, period: str, kind: str, filename: str) -> HttpResponse:
    """A document as stored, or the page that says it is being built (decision 0034): no
    request renders a document."""
    _require(user_can_read_reports(request.user))
    quarter = _quarter(period)
    _require(user_can_publish(request.user) or snapshot_get(quarter) is not None)
    data = stored.reader_data(quarter, request.user)
    _require(user_can_read_report(request.user, data))
    document = stored.document_get_or_queue(data=data, kind=kind, reader=request.user)
    if document.state != document.State.DONE:
        return _render(
            request,
            "reporting/document_building.html",
            {"document": document, "quarter": quarter},
        )
    etag = f'"{document.sha256}"'
    if etag in [tag.strip() for tag in request.headers.get("If-None-Match", "").split(",")]:
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(bytes(document.content), content_type=stored.CONTENT_TYPE[kind])
        if kind != stored.Kind.HTML:
            response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["ETag"] = etag
    response["Last-Modified"] = http_date(document.built_at.timestamp())
    # Asked again each time (a draft changes, confidentiality too); the answer is a 304.
    response["Cache-Control"] = "private, no-cache"
    return response


def _name(period: str, kind: str, extension: str) -> str:
    return f"{kind}-{period.replace('/', '-')}.{extension}"


@login_required
def appendix(request: HttpRequest, period: str) -> HttpResponse:
    """The Cabinet report and its Appendix as one printable page."""
    return _stored(request, period, stored.Kind.HTML, _name(period, "cabinet-pack", "html"))


@login_required
def appendix_pdf(request: HttpRequest, period: str) -> HttpResponse:
    return _stored(request, period, stored.Kind.PDF, _name(period, "cabinet-pack", "pdf"))


@login_required
def cover(request: HttpRequest, period: str) -> HttpResponse:
    return HttpResponse(documents.cover_html(_document_data(request, period)))


@login_required
def cover_docx(request: HttpRequest, period: str) -> HttpResponse:
    return _stored(request, period, stored.Kind.DOCX, _name(period, "cabinet-report", "docx"))


@login_required
@require_http_methods(["GET", "POST"])
def period_lock(request: HttpRequest, period: str) -> HttpResponse:
    """Lock <quarter> and publish: the performance app's lock, then the snapshot, in one go."""
    _require(user_can_publish(request.user))
    quarter = _quarter(period)
    snapshot = snapshot_get(quarter)
    data = ready = None
    if snapshot is None:
        data = report_data(quarter, reader=request.user, keep=True)
        ready = quarter_readiness(period=quarter, lines=data.indicators)
    form_class = forms.LockWithGapsForm if ready and ready.has_gaps else forms.LockForm
    form = form_class(request.POST if request.method == "POST" else None)
    if snapshot is None and request.method == "POST" and form.is_valid():
        try:
            services.period_lock_and_publish(
                period=quarter,
                by=request.user,
                gaps_reason=form.cleaned_data.get("gaps_reason", ""),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{quarter.label} is locked and its report published.")
            return redirect("reporting:index")
    return _render(
        request,
        "reporting/period_lock.html",
        {
            "form": form,
            "quarter": quarter,
            "snapshot": snapshot,
            "facts": summary.facts(data) if data is not None else None,
            "readiness": ready,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def wording_edit(request: HttpRequest) -> HttpResponse:
    _require(user_can_publish(request.user))
    wording = report_wording_get()
    initial = {"text": wording.text if wording else cover_wording.DEFAULT_WORDING}
    form = forms.WordingForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.report_wording_update(text=form.cleaned_data["text"], by=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "The wording of the Cabinet cover report is saved.")
            return redirect("reporting:index")
    return _render(request, "reporting/wording.html", {"form": form, "wording": wording})


def _committee_report(request) -> committee.AuditCommitteeReport:
    """Anyone who may read audits reads the report, dated by the council clock's today."""
    _require(user_reads_audits(request.user))
    return committee.report_build()


def _committee_file(content: bytes, content_type: str, extension: str, today) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    name = f"audit-committee-{today:%Y-%m-%d}.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def audit_committee(request: HttpRequest) -> HttpResponse:
    """The Audit Committee report of internal audit's recommendations, as one printable page."""
    return HttpResponse(committee.report_html(_committee_report(request)))


@login_required
def audit_committee_pdf(request: HttpRequest) -> HttpResponse:
    report = _committee_report(request)
    return _committee_file(committee.report_pdf(report), "application/pdf", "pdf", report.today)


@login_required
def audit_committee_docx(request: HttpRequest) -> HttpResponse:
    report = _committee_report(request)
    return _committee_file(
        committee.report_docx(report), stored.CONTENT_TYPE[stored.Kind.DOCX], "docx", report.today
    )
