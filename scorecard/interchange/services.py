"""Writes of the interchange app: run imports and exports, remember column layouts, run jobs.

Small jobs run in the request. A job of more than INTERCHANGE_BACKGROUND_ROWS rows is a task
run by `scorecard worker` (docs/decisions/0032): its page shows the progress, which the worker
writes to the job's row as it goes.
"""

import logging
import time
from collections.abc import Callable

from django.conf import settings
from django.db import transaction

from scorecard.core.collector import collector_paused
from scorecard.organisation import clock
from scorecard.organisation.models import User
from scorecard.organisation.selectors import organisation_settings_kept
from scorecard.performance import services as performance_services
from scorecard.performance.models import Indicator, Scorecard

from . import selectors
from .importer import Importer, Outcome, Problem, import_tables
from .importer.outcome import grouped
from .mapping import mapped_sheets, names_in_column, signature
from .mapping_options import approved_state, directorate_codes, unknown_directorates
from .models import ImportLayout, Job
from .readers import UNCALCULATED, ReadError, Table, UncalculatedError, read_file
from .writers import write_csv_zip, write_xlsx

logger = logging.getLogger(__name__)
Progress = Callable[[int, int], None]


def background_rows() -> int:
    return getattr(settings, "INTERCHANGE_BACKGROUND_ROWS", 2000)


def file_tables(*, data: bytes, filename: str) -> list[Table]:
    return read_file(data, filename)


def import_file(
    *,
    user: User,
    data: bytes,
    filename: str,
    dry_run: bool,
    layout: ImportLayout | None = None,
    progress: Progress | None = None,
    asked: dict | None = None,
) -> Outcome:
    """Import a file, in our template's layout or through a remembered column layout; `asked`
    are the values given for this file alone (its period), over the layout's."""
    # The settings row (its clock, stamping every history row) read once, not once a row.
    with collector_paused(), organisation_settings_kept():
        return _import_file(user, data, filename, dry_run, layout, progress, asked or {})


def _import_file(user, data, filename, dry_run, layout, progress, asked) -> Outcome:
    try:
        tables = read_file(data, filename)
    except UncalculatedError as error:  # each cell named, as any other problem of a cell
        said = [Problem(sheet, row, column, UNCALCULATED) for sheet, row, column in error.cells]
        return Outcome(dry_run=dry_run, problems=grouped(said))
    except ReadError as error:
        return Outcome(dry_run=dry_run, problems=[Problem(filename, None, None, str(error))])
    if layout is None:
        return import_tables(user=user, tables=tables, dry_run=dry_run, progress=progress)
    if not tables:
        return Outcome(
            dry_run=dry_run, problems=[Problem(filename, None, None, "the file is empty")]
        )
    table = tables[0]
    fixed, new_directorates = {**layout.fixed, **asked}, None
    if layout.options.get("approved"):
        fixed["state"] = approved_state(user)[0]
    if layout.options.get("create_directorates") and layout.mapping.get("directorate"):
        names = list(unknown_directorates(table, layout.mapping["directorate"]))
        new_directorates = directorate_codes(names)
    sheets = mapped_sheets(
        kind=layout.kind, table=table, columns=layout.mapping, fixed=fixed,
        new_directorates=new_directorates, options=layout.options,
    )  # fmt: skip
    importer = Importer(user=user, dry_run=dry_run, progress=progress)
    importer.create_missing_people = bool(layout.options.get("create_people"))
    importer.create_named = bool(layout.options.get("create_named"))
    importer.level_scale = layout.options.get("level_scale") or None
    importer.register_kind = layout.options.get("register_kind") or ""
    outcome = importer.run(sheets)
    if outcome.written and layout.options.get("scorecard"):
        _put_on_scorecard(layout, table, fixed.get("period", ""))
    return outcome


def _put_on_scorecard(layout: ImportLayout, table: Table, period: str) -> None:
    """The file's indicators on the scorecard chosen on the matching page (checked there)."""
    scorecard = Scorecard.objects.filter(pk=layout.options["scorecard"]).first()
    header = layout.mapping.get("code")
    if scorecard is None or not header:
        return
    codes = [str(c).lower() for c in names_in_column(table, header)]
    found = {
        i.code.lower(): i for i in Indicator.objects.filter(code__in=names_in_column(table, header))
    }
    live_from = period if "-Q" in period else f"{period}-Q1"
    performance_services.scorecard_entries_add(
        scorecard=scorecard, indicators=[found[c] for c in codes if c in found], live_from=live_from
    )


@transaction.atomic
def import_layout_save(
    *,
    user: User,
    headers: list[str],
    name: str,
    kind: str,
    mapping: dict[str, str],
    fixed: dict[str, str],
    options: dict | None = None,
) -> ImportLayout:
    """Remember how this layout's columns map to ours, for the next file with the same headers."""
    layout = ImportLayout.objects.filter(signature=signature(headers)).first() or ImportLayout(
        signature=signature(headers)
    )
    layout.name = layout.name or name
    layout.headers, layout.kind = headers, kind
    layout.mapping = {k: v for k, v in mapping.items() if v}
    layout.fixed = {k: v for k, v in fixed.items() if v}
    layout.options = options or {}
    layout.saved_by = user
    layout.full_clean()
    layout.save()
    return layout


def export_data(*, user: User, fmt: str, progress: Progress | None = None) -> bytes:
    """Everything the person may see, as one .xlsx workbook or a .zip of CSV files."""
    sheets = [
        (s, selectors.export_rows(user=user, sheet=s)) for s in selectors.export_sheets_for(user)
    ]
    if fmt == "xlsx":
        return write_xlsx(sheets, progress)
    if fmt == "csv":
        return write_csv_zip(sheets, progress)
    raise ValueError(f"Unknown export format {fmt!r}: use xlsx or csv.")


# --- jobs ----------------------------------------------------------------------------------------


@transaction.atomic
def import_job_create(*, user: User, data: bytes, filename: str) -> Job:
    job = Job(kind=Job.Kind.IMPORT, created_by=user, filename=filename[:255], data=data)
    job.full_clean(exclude=["data"])
    job.save()
    return job


@transaction.atomic
def import_job_set_layout(
    *, job: Job, layout: ImportLayout | None, asked: dict | None = None
) -> Job:
    """Import the job's file through `layout`; `asked` are its values for this file alone."""
    job.layout, job.asked = layout, asked or {}
    job.result, job.state = None, Job.State.WAITING
    job.save(update_fields=["layout", "asked", "result", "state"])
    return job


@transaction.atomic
def export_job_create(*, user: User, fmt: str) -> Job:
    job = Job(
        kind=Job.Kind.EXPORT,
        created_by=user,
        filename=f"scorecard-export.{'xlsx' if fmt == 'xlsx' else 'zip'}",
        export_format=fmt,
    )
    job.full_clean(exclude=["data"])
    job.save()
    return job


def _job_progress(job: Job) -> Progress:
    last = [0.0]

    def report(done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - last[0] < 0.5:
            return
        last[0] = now
        Job.objects.filter(pk=job.pk).update(rows_done=done, rows_total=total)

    return report


def job_run(*, job: Job, commit: bool = False) -> Job:
    """Run an import (a preview, or the real import when `commit`) or an export, to the end."""
    Job.objects.filter(pk=job.pk).update(
        state=Job.State.RUNNING, committing=commit, started_at=clock.now(), rows_done=0
    )
    job.refresh_from_db()
    try:
        if job.kind == Job.Kind.EXPORT:
            data = export_data(
                user=job.created_by, fmt=job.export_format, progress=_job_progress(job)
            )
            Job.objects.filter(pk=job.pk).update(
                data=data, state=Job.State.DONE, finished_at=clock.now()
            )
        else:
            outcome = import_file(
                user=job.created_by, data=bytes(job.data), filename=job.filename,
                dry_run=not commit, layout=job.layout, progress=_job_progress(job),
                asked=job.asked,
            )  # fmt: skip
            state = Job.State.DONE if outcome.written else Job.State.PREVIEWED
            Job.objects.filter(pk=job.pk).update(
                result=outcome.as_dict(), state=state, finished_at=clock.now(),
                rows_done=outcome.rows, rows_total=outcome.rows,
            )  # fmt: skip
    except Exception as error:
        logger.exception("Job %s failed", job.pk)
        Job.objects.filter(pk=job.pk).update(
            state=Job.State.FAILED, error=str(error)[:2000], finished_at=clock.now()
        )
    job.refresh_from_db()
    return job


def _rows_in(job: Job) -> int:
    if job.kind == Job.Kind.EXPORT:
        return selectors.export_row_count(job.created_by)
    try:
        return sum(len(t.rows) for t in read_file(bytes(job.data), job.filename))
    except ReadError:
        return 0


def job_start(*, job: Job, commit: bool = False) -> Job:
    """Run the job now if it is small; else start it outside the request and return at once."""
    rows = _rows_in(job)
    if rows <= background_rows():
        return job_run(job=job, commit=commit)
    Job.objects.filter(pk=job.pk).update(
        state=Job.State.WAITING, committing=commit, rows_total=rows, rows_done=0
    )
    from .tasks import job_task

    job_task.enqueue(job_pk=job.pk, commit=commit)
    job.refresh_from_db()
    return job
