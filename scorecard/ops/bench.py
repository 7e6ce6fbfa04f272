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
        ("report pack HTML", reverse("reporting:appendix", args=[quarter])),
        ("Cabinet report DOCX", reverse("reporting:cover_docx", args=[quarter])),
        ("API indicators list", "/api/v1/indicators/"),
        ("API measurements list", "/api/v1/measurements/"),
        ("API risks list", "/api/v1/risks/"),
        ("API assessments list", "/api/v1/assessments/"),
    ]  # fmt: skip
    if scale == "demo":  # at large scale the pack runs to hundreds of pages: HTML only
        pages.insert(7, ("report pack PDF", reverse("reporting:appendix_pdf", args=[quarter])))
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
    for name, url in _pages(scale, period):
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
