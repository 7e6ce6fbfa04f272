"""Writes of the interchange app: run imports and exports, remember column layouts, run jobs.

Small jobs run in the request. A job of more than INTERCHANGE_BACKGROUND_ROWS rows runs in a
thread of the web process after the request has answered (see docs/decisions/0005): its page
shows the progress, which the thread writes to the job's row as it goes.
"""

import logging
import threading
import time
from collections.abc import Callable

from django.conf import settings
from django.db import close_old_connections, connection, transaction

from scorecard.core.collector import collector_paused
from scorecard.organisation import clock
from scorecard.organisation.models import User
from scorecard.organisation.selectors import organisation_settings_kept

from . import selectors
from .importer import Importer, Outcome, Problem, import_tables
from .mapping import mapped_sheets, signature
from .models import ImportLayout, Job
from .readers import ReadError, Table, read_file
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
) -> Outcome:
    """Import a file, in our template's layout or through a remembered column layout."""
    # The settings row (its clock, stamping every history row) read once, not once a row.
    with collector_paused(), organisation_settings_kept():
        return _import_file(user, data, filename, dry_run, layout, progress)


def _import_file(user, data, filename, dry_run, layout, progress) -> Outcome:
    try:
        tables = read_file(data, filename)
    except ReadError as error:
        return Outcome(dry_run=dry_run, problems=[Problem(filename, None, None, str(error))])
    if layout is None:
        return import_tables(user=user, tables=tables, dry_run=dry_run, progress=progress)
    if not tables:
        return Outcome(
            dry_run=dry_run, problems=[Problem(filename, None, None, "the file is empty")]
        )
    table = tables[0]
    sheets = mapped_sheets(
        kind=layout.kind, table=table, columns=layout.mapping, fixed=layout.fixed
    )
    importer = Importer(user=user, dry_run=dry_run, progress=progress)
    importer.create_missing_people = bool(layout.options.get("create_people"))
    importer.create_named = bool(layout.options.get("create_named"))
    importer.level_scale = layout.options.get("level_scale") or None
    return importer.run(sheets)


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
def import_job_set_layout(*, job: Job, layout: ImportLayout | None) -> Job:
    job.layout = layout
    job.result, job.state = None, Job.State.WAITING
    job.save(update_fields=["layout", "result", "state"])
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


def _run_in_thread(job_pk: int, commit: bool) -> None:
    close_old_connections()
    try:
        job_run(job=Job.objects.get(pk=job_pk), commit=commit)
    finally:
        connection.close()


def job_start(*, job: Job, commit: bool = False) -> Job:
    """Run the job now if it is small; else start it outside the request and return at once."""
    rows = _rows_in(job)
    if rows <= background_rows():
        return job_run(job=job, commit=commit)
    Job.objects.filter(pk=job.pk).update(
        state=Job.State.WAITING, committing=commit, rows_total=rows, rows_done=0
    )
    thread = threading.Thread(target=_run_in_thread, args=(job.pk, commit), daemon=True)
    transaction.on_commit(thread.start)
    job.refresh_from_db()
    return job
