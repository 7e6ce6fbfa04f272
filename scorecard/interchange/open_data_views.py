"""Open data's machine-readable additions (decision 0041): CSV on the Web metadata per quarter
and for all quarters, the all-quarters CSV files (one address a spreadsheet or Power BI loads),
and a JSON index of the published quarters. No sign-in; cached like the public site."""

import hashlib
import json

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotModified
from django.urls import reverse
from django.views.decorators.http import require_GET

from scorecard.rendering.csv_file import csv_bytes

from . import csvw, open_data

MAX_AGE = 300
JSONLD = "application/csvm+json"


def _cached(request: HttpRequest, body: bytes, content_type: str, filename: str = ""):
    etag = f'"{hashlib.sha256(body).hexdigest()}"'
    asked = [tag.strip() for tag in request.headers.get("If-None-Match", "").split(",")]
    response = HttpResponseNotModified() if etag in asked else HttpResponse(body, content_type)
    response["ETag"] = etag
    response["Cache-Control"] = f"public, max-age={MAX_AGE}"
    response["Access-Control-Allow-Origin"] = "*"
    if filename:
        response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def _json(data: dict) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2).encode()


@require_GET
def quarter_metadata(request: HttpRequest, period: str) -> HttpResponse:
    """/open-data/2017-18-Q2/csv-metadata.json: describes that quarter's two CSV files."""
    snapshot = open_data.open_snapshot(slug=period)
    if snapshot is None:
        raise Http404
    body = csvw.metadata(
        tables={key: f"{key}.csv" for key in open_data.DATASETS},
        title=f"performance and risks published for {snapshot.period}",
        all_quarters=False,
    )
    body["dc:issued"] = snapshot.published_at.date().isoformat()
    return _cached(request, _json(body), JSONLD)


@require_GET
def all_metadata(request: HttpRequest) -> HttpResponse:
    body = csvw.metadata(
        tables={key: f"{key}.csv" for key in open_data.DATASETS},
        title="performance and risks, every published quarter",
        all_quarters=True,
    )
    return _cached(request, _json(body), JSONLD)


@require_GET
def all_csv(request: HttpRequest, dataset: str) -> HttpResponse:
    """Every published quarter in one file, with a period column: UTF-8 with a byte-order mark
    so that Excel shows £ and accents rightly."""
    if dataset not in open_data.DATASETS:
        raise Http404
    fields, rows = csvw.all_quarters_rows(dataset)
    body = csv_bytes(fields, ([row[f] for f in fields] for row in rows))
    response = _cached(request, body, "text/csv; charset=utf-8", f"all-quarters-{dataset}.csv")
    response["Link"] = f'<{reverse("open_data:all_metadata")}>; rel="describedby"; type="{JSONLD}"'
    return response


@require_GET
def index_json(request: HttpRequest) -> HttpResponse:
    """Every published quarter with the addresses of its files."""
    quarters = []
    for snapshot in open_data.open_snapshots():
        slug = open_data.slug_of(snapshot.period)
        files = {
            key: {
                "csv": reverse("open_data:csv", kwargs={"period": slug, "dataset": key}),
                "json": reverse("open_data:json", kwargs={"period": slug, "dataset": key}),
            }
            for key in open_data.DATASETS
        }
        quarters.append(
            {
                "period": snapshot.period,
                "published_at": snapshot.published_at.isoformat(),
                "files": files,
                "metadata": reverse("open_data:metadata", kwargs={"period": slug}),
            }
        )
    body = {
        "license": csvw.OGL,
        "all_quarters": {
            key: reverse("open_data:all_csv", kwargs={"dataset": key}) for key in open_data.DATASETS
        },
        "all_quarters_metadata": reverse("open_data:all_metadata"),
        "quarters": quarters,
    }
    return _cached(request, _json(body), "application/json")
