"""`scorecard bench`: how fast the product is on the configured database, as figures.

Each page is requested in-process through Django's test client (middleware, view, template;
no network or gunicorn), signed in as an administrator, `repeat` times after one warm-up:
median and worst wall time, the SQL query count and the peak Python memory (tracemalloc) of one
run. Beside the dashboards, the floor: the same counts as one hand-written SQL query, and the
ratio of the page to it. Speed targets are read from these figures, never asserted in tests.
"""

import gc
import io
import resource
import statistics
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import asdict, dataclass

from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from scorecard.core.periods import parse
from scorecard.ops.maintenance import statistics_refresh
from scorecard.organisation.models import User
from scorecard.performance.models import Indicator, Measurement
from scorecard.risks.models import Assessment, Risk

DEMO_PERIOD = "2017/18-Q2"
LINES_FROM_NOTHING = "dashboard lines built from nothing (both dashboards, a new process)"


@dataclass
class Figure:
    name: str
    median_ms: float
    worst_ms: float
    queries: int
    peak_mb: float
    runs: int
    note: str = ""
    floor_ms: float | None = None
    ratio: float | None = None
    first_ms: float | None = None  # the warm-up: a new process's first read, caches empty


def measure(
    name: str, action: Callable[[], object], *, repeat: int, note: str = "", warm_up: bool = True
) -> Figure:
    first_ms = None
    if warm_up:  # template compilation, the dashboards' kept lines
        started = time.perf_counter()
        action()
        first_ms = round((time.perf_counter() - started) * 1000, 1)
    times = []
    for _ in range(repeat):
        gc.collect()
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    with CaptureQueriesContext(connection) as captured:
        tracemalloc.start()
        action()
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return Figure(
        name=name,
        median_ms=round(statistics.median(times), 1),
        worst_ms=round(max(times), 1),
        queries=len(captured),
        peak_mb=round(peak / 1024 / 1024, 1),
        runs=repeat,
        note=note,
        first_ms=first_ms,
    )


def _get(client: Client, url: str) -> Callable[[], object]:
    def action():
        response = client.get(url)
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")
        if getattr(response, "streaming", False):
            b"".join(response.streaming_content)
        return response

    return action


def _lines_from_nothing(period) -> Callable[[], object]:
    """Both dashboards' lines built as in a new process (the kept ones dropped first): what the
    first reader waits for without a warm start, and the memory the build needs."""
    from scorecard.core.confidentiality import EVERY_RISK
    from scorecard.reporting import kept
    from scorecard.reporting.selectors import report_data

    def action():
        kept.forget()
        return report_data(period, reader=EVERY_RISK, live=True, keep=True)

    return action


def _floor(sql: str, params: list) -> Callable[[], object]:
    def action():
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    return action


# The performance dashboard's counts by status as one query: each entry of the scorecard's
# current version, its quarter's average of monthly values against the year's target with a
# 10% tolerance, polarity-aware, counted by rating.
PERFORMANCE_FLOOR = """
SELECT rating, COUNT(*) FROM (
  SELECT CASE
    WHEN q.value IS NULL THEN 'awaiting'
    WHEN t.value IS NULL THEN 'no target'
    WHEN (i.polarity = 'lower' AND q.value <= t.value)
      OR (i.polarity <> 'lower' AND q.value >= t.value) THEN 'green'
    WHEN ABS(q.value - t.value) <= ABS(t.value) * 0.1 THEN 'amber'
    ELSE 'red' END AS rating
  FROM performance_scorecardentry e
  JOIN performance_indicator i ON i.id = e.indicator_id
  LEFT JOIN (
    SELECT m.indicator_id, AVG(m.value) AS value FROM performance_measurement m
    WHERE m.period_start >= %s AND m.period_start <= %s GROUP BY m.indicator_id
  ) q ON q.indicator_id = i.id
  LEFT JOIN performance_target t ON t.indicator_id = i.id AND t.period = %s
  WHERE e.version_id = (
    SELECT v.id FROM performance_scorecardversion v
    WHERE v.scorecard_id = (
      SELECT s.id FROM performance_scorecard s WHERE s.tier = 'corporate' AND NOT s.is_archived
      ORDER BY s.id LIMIT 1)
    AND v.live_from_start <= %s ORDER BY v.live_from_start DESC LIMIT 1)
) rated GROUP BY rating
"""

# The risk dashboard's counts by band and heat map as one query over open risks.
RISK_FLOOR = """
SELECT current_likelihood, current_impact, COUNT(*) FROM risks_risk
WHERE status = 'open' GROUP BY current_likelihood, current_impact
"""


def _period_for(scale: str):
    if scale == "demo":
        return parse(DEMO_PERIOD)
    from scorecard.ops.generator import last_years

    return last_years(1)[-1].quarters()[-1]


def _admin() -> User:
    admin = (
        User.objects.filter(username="admin").first()
        or User.objects.filter(is_superuser=True).first()
    )
    if admin is None:
        raise RuntimeError("No administrator: run `scorecard load-demo` or `scorecard generate`.")
    return admin


def _import_figures(admin: User, rows: int, repeat: int) -> list[Figure]:
    """Imports (dry run: everything checked and written, then rolled back) of `rows` measurement
    rows from CSV and XLSX: a re-import of exported values (all unchanged, nothing written) and
    an import of as many new values (the exported rows moved to years with no values yet, as
    drafts, as a council imports a new quarter)."""
    from scorecard.interchange.schema import SHEETS_BY_KEY
    from scorecard.interchange.selectors import export_rows
    from scorecard.interchange.services import import_file
    from scorecard.interchange.writers import write_csv, write_xlsx

    spec = SHEETS_BY_KEY["measurements"]
    exported = export_rows(user=admin, sheet=spec)[:rows]
    if not exported:
        return []
    figures = []
    for what, values in (
        ("re-import of {:,} exported", exported),
        ("import of {:,} new", _new_measurement_rows(exported)),
    ):
        for fmt, data in (
            ("CSV", write_csv(spec, values)),
            ("XLSX", write_xlsx([(spec, values)])),
        ):
            filename = f"{spec.key}.{fmt.lower()}"

            def action(data=data, filename=filename):
                outcome = import_file(user=admin, data=data, filename=filename, dry_run=True)
                if not outcome.ok:
                    raise RuntimeError(f"import refused: {outcome.problems[:3]}")

            figure = measure(
                f"{what.format(len(values))} measurement rows from {fmt} (dry run)",
                action,
                repeat=repeat,
            )
            figure.note = f"{len(values) / (figure.median_ms / 1000):,.0f} rows/s"
            figures.append(figure)
    return figures


def _new_measurement_rows(exported: list[dict]) -> list[dict]:
    """The exported rows of indicators still collected, moved past the last stored year, as
    drafts."""
    last = Measurement.objects.order_by("-period_start").values_list("period_start", flat=True)[0]
    first = min(int(row["period"][:4]) for row in exported)
    shift = last.year + 2 - first
    retired = set(Indicator.objects.filter(is_retired=True).values_list("code", flat=True))
    rows = []
    for row in exported:
        if row["indicator"] in retired:
            continue
        year = int(row["period"][:4]) + shift  # keys start with the financial year, "2017/18"
        period = f"{year}/{(year + 1) % 100:02d}{row['period'][7:]}"
        rows.append({**row, "period": period, "state": "", "review_note": ""})
    return rows


def _pages(scale: str, period) -> list[tuple[str, str]]:
    quarter = period.key.replace("/", "-")
    indicator = Indicator.objects.order_by("-pk").first()
    risk = Risk.objects.order_by("-pk").first()
    pages = [
        ("performance dashboard", f"{reverse('reporting:performance_dashboard')}?period={period.key}"),
        ("risk dashboard", f"{reverse('reporting:risk_dashboard')}?period={period.key}"),
        ("indicator list (first page)", reverse("performance:index")),
        ("risk register list (first page)", reverse("risks:index")),
        ("indicator page", reverse("performance:indicator", args=[indicator.pk])),
        ("risk page", reverse("risks:risk", args=[risk.pk])),
        ("report pack HTML (stored)", reverse("reporting:appendix", args=[quarter])),
        ("Cabinet report DOCX (stored)", reverse("reporting:cover_docx", args=[quarter])),
        ("API indicators list", "/api/v1/indicators/"),
        ("API measurements list", "/api/v1/measurements/"),
        ("API risks list", "/api/v1/risks/"),
        ("API assessments list", "/api/v1/assessments/"),
    ]  # fmt: skip
    if scale == "demo":  # at large scale the pack runs to hundreds of pages: HTML only
        pages.insert(
            7, ("report pack PDF (stored)", reverse("reporting:appendix_pdf", args=[quarter]))
        )
    return pages


def _is_document(name: str) -> bool:
    return "PDF" in name or "DOCX" in name or "pack" in name


def run(
    *, scale: str = "demo", repeat: int = 5, import_rows: int = 100_000, only: tuple = ()
) -> dict:
    """Every figure (or those whose name contains one of `only`), as a dict ready for JSON."""
    started = time.perf_counter()
    # The same state whatever ran before (a previous bench's rolled-back imports) and whether
    # or not autovacuum is on.
    statistics_refresh()
    period = _period_for(scale)
    admin = _admin()
    client = Client()
    client.force_login(admin)
    wanted = [n.lower() for n in only]

    def chosen(name: str) -> bool:
        return not wanted or any(w in name.lower() for w in wanted)

    figures = []
    pages = _pages(scale, period)
    if any(_is_document(name) and chosen(name) for name, _ in pages):
        _build_stored(client, [url for name, url in pages if _is_document(name)])
    for name, url in pages:
        if not chosen(name):
            continue
        # A document of 5,000 indicators takes seconds: one timed run, so that the large bench
        # stays within minutes. Documents read the dashboards' kept lines, built by then.
        runs = 1 if scale == "large" else max(2, repeat // 2)
        figure = measure(name, _get(client, url), repeat=runs if _is_document(name) else repeat)
        figures.append(figure)
        if name == "risk dashboard" and chosen(LINES_FROM_NOTHING):
            figures.append(
                measure(LINES_FROM_NOTHING, _lines_from_nothing(period), repeat=1, warm_up=False)
            )

    if chosen("public"):  # the public site, read without an account (ops/bench_public.py)
        from .bench_public import public_figures

        figures += public_figures(
            period=period, admin=admin, repeat=repeat, measure=measure, get=_get
        )
    quarter_months = period.months()
    floor = measure(
        "floor: performance counts in one SQL query",
        _floor(PERFORMANCE_FLOOR, [quarter_months[0].start, quarter_months[-1].start,
                                   period.year_of().key, period.start]),
        repeat=repeat,
    )  # fmt: skip
    risk_floor = measure(
        "floor: risk heat map in one SQL query", _floor(RISK_FLOOR, []), repeat=repeat
    )
    for figure in figures:
        if figure.name == "performance dashboard":
            figure.floor_ms, figure.ratio = (
                floor.median_ms,
                round(figure.median_ms / max(floor.median_ms, 0.01), 1),
            )
        if figure.name == "risk dashboard":
            figure.floor_ms, figure.ratio = (
                risk_floor.median_ms,
                round(figure.median_ms / max(risk_floor.median_ms, 0.01), 1),
            )
    figures += [floor, risk_floor]
    if import_rows and chosen("import"):
        figures += _import_figures(admin, import_rows, max(1, repeat // 5))
    if scale == "demo" and chosen("draft pack build"):
        figures.append(_draft_build(admin, period))
    load = {}
    if chosen("under load"):
        under, load = _dashboards_under_load(client, period, admin, import_rows, repeat)
        figures += under
    return {
        "scale": scale,
        "database": connection.vendor,
        "period": period.key,
        "data": {
            "indicators": Indicator.objects.count(),
            "measurements": Measurement.objects.count(),
            "risks": Risk.objects.count(),
            "assessments": Assessment.objects.count(),
        },
        "figures": [asdict(f) for f in figures],
        "seconds": round(time.perf_counter() - started, 1),
        # The whole bench process's peak resident memory, including the large report's.
        "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "load": load,
    }


def table(result: dict) -> str:
    out = io.StringIO()
    data = result["data"]
    out.write(
        f"{result['scale']} scale on {result['database']}, period {result['period']}: "
        f"{data['indicators']:,} indicators, {data['measurements']:,} values, "
        f"{data['risks']:,} risks, {data['assessments']:,} assessments\n\n"
    )
    out.write(
        f"bench took {result['seconds']} s; peak resident memory {result['max_rss_mb']} MB\n\n"
    )
    if result.get("load"):
        out.write(f"{result['load']['what']}\n\n")
    out.write(
        "| what | median ms | worst ms | first ms | queries | peak MB | floor ms | page / floor "
        "| note |\n"
    )
    out.write("|---|---:|---:|---:|---:|---:|---:|---:|---|\n")
    for f in result["figures"]:
        floor = "" if f["floor_ms"] is None else f"{f['floor_ms']}"
        ratio = "" if f["ratio"] is None else f"{f['ratio']}x"
        out.write(
            f"| {f['name']} | {f['median_ms']} | {f['worst_ms']} | {f['first_ms'] or ''} | "
            f"{f['queries']} | "
            f"{f['peak_mb']} | {floor} | {ratio} | {f['note']} |\n"
        )
    return out.getvalue()


# --- Stored documents, the draft build, the dashboards beside long work (decision 0034) --------


def _build_stored(client: Client, urls: list[str]) -> None:
    """Ask for each document once and build what that queued, here, as the worker would: the
    figures are then those of serving the stored file."""
    from scorecard.reporting.models import StoredDocument
    from scorecard.reporting.stored import document_build

    for url in urls:
        client.get(url)
    for pk in StoredDocument.objects.exclude(state="done").values_list("pk", flat=True):
        document_build(document_pk=pk)


def _draft_build(admin: User, period) -> Figure:
    """The demo's draft pack (the quarter after the published one) built as the worker builds
    it: the PDF, from the kept lines."""
    from scorecard.reporting.models import StoredDocument
    from scorecard.reporting.stored import document_build

    draft = period.next()
    document = StoredDocument.objects.create(
        period=draft.key, kind="pdf", audience="bench", version="bench", every_risk=True
    )
    try:
        figure = measure(
            f"draft pack build, PDF of {draft.label} (in the worker)",
            lambda: (
                StoredDocument.objects.filter(pk=document.pk).update(state="waiting"),
                document_build(document_pk=document.pk),
            ),
            repeat=1,
        )
        document.refresh_from_db()
        figure.note = f"{len(document.content) / 1024:,.0f} KB, {document.state}"
    finally:
        StoredDocument.objects.filter(pk=document.pk).delete()
    return figure


def _dashboards_under_load(
    client: Client, period, admin: User, import_rows: int, repeat: int
) -> tuple[list[Figure], dict]:
    """Both dashboards' median alone, then while four draft pack builds and one import of
    `import_rows` measurement rows (a preview: checked, written, rolled back) run at once in
    five `scorecard worker` processes, as a council's worker would run them."""
    import os
    import subprocess
    import sys

    from scorecard.interchange.models import Job
    from scorecard.interchange.schema import SHEETS_BY_KEY
    from scorecard.interchange.selectors import export_rows
    from scorecard.interchange.writers import write_csv
    from scorecard.reporting.models import StoredDocument
    from scorecard.reporting.tasks import build_document

    dashboards = [
        f"{reverse('reporting:performance_dashboard')}?period={period.key}",
        f"{reverse('reporting:risk_dashboard')}?period={period.key}",
    ]

    def both():
        for url in dashboards:
            _get(client, url)()

    def start_worker(*extra: str) -> subprocess.Popen:
        return subprocess.Popen(  # noqa: S603 - fixed argument list
            [sys.executable, "-m", "scorecard.cli", "worker", "--no-periodic",
             "--no-startup-delay", "-v", "0", *extra],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip

    # Work already queued (the demo's published documents, say) first, so that the five
    # workers below take exactly the four builds and the import, and "alone" is alone.
    start_worker("--batch").wait()
    alone = measure("both dashboards, alone", both, repeat=max(repeat, 9))
    spec = SHEETS_BY_KEY["measurements"]
    exported = export_rows(user=admin, sheet=spec)
    rows = (exported * (import_rows // max(len(exported), 1) + 1))[:import_rows]
    job = Job.objects.create(
        kind=Job.Kind.IMPORT, created_by=admin, filename="bench.csv", data=write_csv(spec, rows)
    )
    documents = [
        StoredDocument.objects.create(
            period=period.next().key, kind="pdf", audience="bench", version=f"bench-{n}",
            every_risk=True,
        )
        for n in range(4)
    ]  # fmt: skip
    from scorecard.interchange.tasks import job_task

    job_task.enqueue(job_pk=job.pk, commit=False)
    for document in documents:
        build_document.enqueue(document_pk=document.pk)
    workers = [start_worker("--max-tasks", "1") for _ in range(5)]
    try:
        # Until the workers have claimed their tasks and are busy.
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and (
            Job.objects.get(pk=job.pk).state == Job.State.WAITING
            or StoredDocument.objects.filter(
                pk__in=[d.pk for d in documents], state="waiting"
            ).exists()
        ):
            time.sleep(0.2)
        time.sleep(2)
        busy = measure(
            "both dashboards, while 4 pack builds and an import run",
            both,
            repeat=max(repeat, 9),
            warm_up=False,
        )
        load_average = os.getloadavg()
        still = sum(worker.poll() is None for worker in workers)
    finally:
        for worker in workers:
            worker.wait()
        job.refresh_from_db()
        states = list(StoredDocument.objects.filter(pk__in=[d.pk for d in documents])
                      .values_list("state", flat=True))  # fmt: skip
        StoredDocument.objects.filter(pk__in=[d.pk for d in documents]).delete()
        Job.objects.filter(pk=job.pk).delete()
    busy.note = f"{busy.median_ms / alone.median_ms:.2f}x alone; {still} of 5 still running"
    what = (
        f"Under load: {len(rows):,}-row import ({job.state}) and 4 draft pack PDFs ({states}) in "
        f"5 workers at niceness {settings.SCORECARD_WORKER_NICE}; load average "
        f"{load_average[0]:.2f} {load_average[1]:.2f} {load_average[2]:.2f} on "
        f"{os.cpu_count()} cores; dashboards' median {busy.median_ms} ms vs {alone.median_ms} ms "
        f"alone ({busy.median_ms / alone.median_ms:.2f}x)."
    )
    return [alone, busy], {"what": what, "load_average": load_average}
