"""Import and export pages: upload, match columns, preview, confirm, progress, download."""

import csv
import io

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from scorecard.performance.models import Scorecard
from scorecard.rendering.csv_file import csv_cell

from . import access, open_data, services
from .forms import ExportForm, KindForm, MappingForm, UploadForm
from .importer import Outcome, tables_to_sheets
from .mapping import ASKED_EACH_FILE, KINDS, form_fields, guess, signature
from .mapping_options import approved_state
from .models import Job
from .readers import ReadError, read_file
from .schema import SHEETS, SHEETS_BY_KEY
from .selectors import export_sheets_for, import_layout_find
from .writers import template_rows, write_csv, write_template_xlsx

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def _render(request, template: str, context: dict, status: int = 200) -> HttpResponse:
    return render(request, template, {"active_section": "", **context}, status=status)


def _download(data: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _own_job(request, pk: int) -> Job:
    job = get_object_or_404(Job.objects.select_related("layout"), pk=pk)
    if job.created_by_id != request.user.pk:
        raise Http404
    return job


@login_required
def index(request: HttpRequest) -> HttpResponse:
    _require(access.user_can_export(request.user))
    can_import = access.user_can_import(request.user)
    form = UploadForm()
    if request.method == "POST":
        _require(can_import)
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            data = upload.read()
            try:
                tables = read_file(data, upload.name)
            except ReadError as error:
                form.add_error("file", str(error))
            else:
                if not tables:
                    form.add_error("file", "The selected file has no rows")
                else:
                    job = services.import_job_create(
                        user=request.user, data=data, filename=upload.name
                    )
                    _, unknown = tables_to_sheets(tables)
                    if unknown:  # not our template: match its columns first
                        return redirect("interchange:mapping", pk=job.pk)
                    services.job_start(job=job)
                    return redirect("interchange:job", pk=job.pk)
    jobs = Job.objects.filter(created_by=request.user).only(
        "pk", "kind", "filename", "state", "created_at", "committing"
    )[:10]
    return _render(
        request,
        "interchange/index.html",
        {
            "form": form,
            "can_import": can_import,
            "sheets": SHEETS,
            "export_sheets": export_sheets_for(request.user),
            "jobs": jobs,
            "export_form": ExportForm(),
        },
        status=400 if form.errors else 200,
    )


@login_required
def template_xlsx(request: HttpRequest) -> HttpResponse:
    _require(access.user_can_export(request.user))
    data = write_template_xlsx(SHEETS)
    return _download(data, "scorecard-import-template.xlsx", XLSX)


@login_required
def template_csv(request: HttpRequest, sheet: str) -> HttpResponse:
    _require(access.user_can_export(request.user))
    spec = SHEETS_BY_KEY.get(sheet)
    if spec is None:
        raise Http404
    return _download(
        write_csv(spec, template_rows(spec)), f"{spec.key}.csv", "text/csv; charset=utf-8"
    )


@login_required
@require_POST
def export(request: HttpRequest) -> HttpResponse:
    _require(access.user_can_export(request.user))
    form = ExportForm(request.POST)
    if not form.is_valid():
        return redirect("interchange:index")
    job = services.export_job_create(user=request.user, fmt=form.cleaned_data["format"])
    services.job_start(job=job)
    return redirect("interchange:job", pk=job.pk)


@login_required
def job_download(request: HttpRequest, pk: int) -> HttpResponse:
    job = _own_job(request, pk)
    if job.kind != Job.Kind.EXPORT or job.state != Job.State.DONE:
        raise Http404
    content_type = XLSX if job.export_format == "xlsx" else "application/zip"
    return _download(bytes(job.data), job.filename, content_type)


@login_required
def job(request: HttpRequest, pk: int) -> HttpResponse:
    job = _own_job(request, pk)
    outcome = Outcome.from_dict(job.result) if job.result else None
    changes_by_sheet: dict[str, list] = {}
    if outcome:
        for change in outcome.changes:
            changes_by_sheet.setdefault(change["sheet"], []).append(change)
    approval_note, scorecard = "", None
    if job.layout and job.state != Job.State.DONE:
        if job.layout.options.get("approved"):
            approval_note = approved_state(request.user)[1]
        if job.layout.options.get("scorecard"):
            scorecard = Scorecard.objects.filter(pk=job.layout.options["scorecard"]).first()
    return _render(
        request,
        "interchange/job.html",
        {
            "job": job,
            "outcome": outcome,
            "changes_by_sheet": changes_by_sheet,
            "approval_note": approval_note,
            "scorecard": scorecard,
        },
    )


@login_required
@require_POST
def job_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    job = _own_job(request, pk)
    _require(access.user_can_import(request.user))
    outcome = Outcome.from_dict(job.result) if job.result else None
    if (
        job.kind != Job.Kind.IMPORT
        or job.state != Job.State.PREVIEWED
        or not outcome
        or not outcome.ok
    ):
        return redirect("interchange:job", pk=job.pk)
    services.job_start(job=job, commit=True)
    return redirect("interchange:job", pk=job.pk)


@login_required
def mapping(request: HttpRequest, pk: int) -> HttpResponse:
    """Match the columns of the council's own spreadsheet to ours; remembered for next time."""
    job = _own_job(request, pk)
    _require(access.user_can_import(request.user))
    if job.kind != Job.Kind.IMPORT or job.state == Job.State.DONE:
        raise Http404
    table = read_file(bytes(job.data), job.filename)[0]
    remembered = import_layout_find(signature=signature(table.headers))
    if "kind" in request.GET:
        kind = request.GET["kind"]
    else:
        kind = request.POST.get("kind") or (remembered.kind if remembered else "")
    if kind not in KINDS:
        kind_form = KindForm(request.GET if "kind" in request.GET else None)
        kind_form.is_valid()
        return _render(
            request,
            "interchange/mapping.html",
            {"job": job, "table": table, "kind_form": kind_form, "form": None, "remembered": None},
        )
    if request.method == "POST":
        form = MappingForm(request.POST, kind=kind, table=table)
        if form.is_valid():
            columns, fixed, options = form.mapping()
            layout = services.import_layout_save(
                user=request.user, headers=table.headers, name=job.filename, kind=kind,
                mapping=columns, fixed=fixed, options=options,
            )  # fmt: skip
            asked = {k: v for k, v in fixed.items() if k in ASKED_EACH_FILE and v}
            services.import_job_set_layout(job=job, layout=layout, asked=asked)
            services.job_start(job=job)
            return redirect("interchange:job", pk=job.pk)
    else:
        if remembered is not None and remembered.kind == kind:
            initial = {f"col_{k}": v for k, v in remembered.mapping.items()}
            initial |= {
                f"fixed_{k}": v for k, v in remembered.fixed.items() if k not in ASKED_EACH_FILE
            }
            initial |= {f"fixed_{k}": v for k, v in job.asked.items()}
            options = remembered.options
            initial |= options
            initial["create_named"] = options.get("create_named", options.get("create_people"))
            initial["level_scale"] = options.get("level_scale") or ""
        else:
            initial = {f"col_{k}": v for k, v in guess(kind, table.headers).items()}
        form = MappingForm(initial=initial, kind=kind, table=table)
    rows = [[str(v) if v is not None else "" for v in values] for _, values in table.rows[:3]]
    return _render(
        request,
        "interchange/mapping.html",
        {
            "job": job,
            "table": table,
            "kind": kind,
            "kind_title": KINDS[kind][0],
            "form": form,
            "fields": form_fields(kind),
            "approval_note": approved_state(request.user)[1] if kind == "performance" else "",
            "remembered": remembered if remembered and remembered.kind == kind else None,
            "sample_rows": rows,
        },
        status=400 if form.errors else 200,
    )


# --- open data: no sign-in -------------------------------------------------------------------------


def open_data_index(request: HttpRequest) -> HttpResponse:
    quarters = [
        {"snapshot": s, "slug": open_data.slug_of(s.period)} for s in open_data.open_snapshots()
    ]
    return _render(
        request,
        "interchange/open_data.html",
        {"quarters": quarters, "datasets": open_data.DATASETS},
    )


def _open(period: str, dataset: str):
    snapshot = open_data.open_snapshot(slug=period)
    if snapshot is None or dataset not in open_data.DATASETS:
        raise Http404
    return snapshot, open_data.open_rows(snapshot=snapshot, dataset=dataset)


def open_data_csv(request: HttpRequest, period: str, dataset: str) -> HttpResponse:
    snapshot, rows = _open(period, dataset)
    output = io.StringIO(newline="")
    writer = csv.writer(output)
    fields = open_data.DATASETS[dataset][1]
    writer.writerow(fields)
    for row in rows:
        writer.writerow([csv_cell(row[f]) for f in fields])
    response = HttpResponse(output.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{period}-{dataset}.csv"'
    return response


def open_data_json(request: HttpRequest, period: str, dataset: str) -> HttpResponse:
    snapshot, rows = _open(period, dataset)
    body = {
        "period": snapshot.period,
        "dataset": dataset,
        "title": open_data.DATASETS[dataset][0],
        "published_at": snapshot.published_at.isoformat(),
        "rows": rows,
    }
    if dataset == "indicators":
        body["ratings"] = open_data.ratings_summary(snapshot=snapshot, rows=rows)
    return JsonResponse(body, json_dumps_params={"ensure_ascii": False})
