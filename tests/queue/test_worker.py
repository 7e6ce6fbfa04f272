"""`scorecard worker`: a job survives a worker killed mid-task (queued again, or failed with its
reason after too many attempts, never left running, nothing half-written), and the periodic
work registered in SCORECARD_PERIODIC is called."""

import os
import signal
import time
from datetime import UTC, datetime

import pytest
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from scorecard import queue
from scorecard.interchange import services
from scorecard.interchange.models import Job
from scorecard.organisation import clock
from scorecard.performance.models import Indicator
from tests.interchange.conftest import small_council, xlsx

from .conftest import run_worker, worker_process

ROWS = 1500

CALLS = []


def remember(now) -> None:
    CALLS.append(now)


def broken(now) -> None:
    raise RuntimeError("broken on purpose")


def _import_job(admin, rows: int = ROWS) -> Job:
    sheet = [["Code", "Title", "Directorate"]] + [
        [f"BG{n:04d}", f"Indicator {n}", "ASC"] for n in range(rows)
    ]
    job = services.import_job_create(
        user=admin, data=xlsx({"Indicators": sheet}), filename="big.xlsx"
    )
    return services.job_start(job=job, commit=True)


def _wait(test, seconds: float = 120.0) -> None:
    deadline = time.monotonic() + seconds
    while not test():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def _imported() -> int:
    return Indicator.objects.filter(code__startswith="BG").count()


@pytest.mark.django_db(transaction=True)
def test_an_import_killed_mid_task_runs_again_in_the_next_worker(queued, settings):
    settings.INTERCHANGE_BACKGROUND_ROWS = 5
    job = _import_job(small_council()["admin"])
    assert job.state == Job.State.WAITING  # queued, not run in the request

    first = worker_process("--no-periodic")
    try:
        _wait(lambda: Job.objects.get(pk=job.pk).state != Job.State.WAITING)
        job.refresh_from_db()
        assert job.state == Job.State.RUNNING, "the import ended before the worker was killed"
        first.send_signal(signal.SIGKILL)
        first.wait(30)
    finally:
        first.kill()
    job.refresh_from_db()
    assert job.state == Job.State.RUNNING  # what a dead worker leaves behind
    assert _imported() == 0  # one transaction: nothing half-written

    second = worker_process("--no-periodic")
    try:
        _wait(lambda: not Job.objects.get(pk=job.pk).is_running)
    finally:
        second.terminate()
        second.wait(30)
    job.refresh_from_db()
    assert job.state == Job.State.DONE, job.error
    assert _imported() == ROWS
    result = DBTaskResult.objects.get()
    assert result.status == TaskResultStatus.SUCCESSFUL and len(result.worker_ids) == 2


@pytest.mark.django_db(transaction=True)
def test_a_task_stopped_too_often_is_failed_with_its_reason(queued, settings):
    settings.INTERCHANGE_BACKGROUND_ROWS = 5
    settings.SCORECARD_TASK_ATTEMPTS = 1
    job = _import_job(small_council()["admin"], rows=20)
    first = worker_process("--no-periodic")
    try:
        _wait(lambda: Job.objects.get(pk=job.pk).state != Job.State.WAITING)
        first.send_signal(signal.SIGKILL)
        first.wait(30)
    finally:
        first.kill()
    if Job.objects.get(pk=job.pk).is_running:
        assert queue.recover_abandoned() == [(DBTaskResult.objects.get().task_path, "failed")]
        job.refresh_from_db()
        assert job.state == Job.State.FAILED
        assert "stopped 1 times" in job.error and "not tried again" in job.error
        assert DBTaskResult.objects.get().status == TaskResultStatus.FAILED
        assert _imported() == 0
    else:  # the 20 rows were in before the kill: then they are all in
        assert _imported() == 20


@pytest.mark.django_db(transaction=True)
def test_a_live_workers_task_is_left_alone(queued, settings):
    settings.INTERCHANGE_BACKGROUND_ROWS = 5
    _import_job(small_council()["admin"], rows=20)
    result = DBTaskResult.objects.get()
    result.claim(queue.worker_id())  # this process: alive
    assert queue.recover_abandoned() == []
    assert DBTaskResult.objects.get().status == TaskResultStatus.RUNNING


@pytest.mark.django_db(transaction=True)
def test_a_queued_import_runs_in_the_worker_and_its_page_shows_progress(client, queued, settings):
    settings.INTERCHANGE_BACKGROUND_ROWS = 5
    people = small_council()
    client.force_login(people["admin"])
    sheet = [["Code", "Title", "Directorate"]] + [
        [f"BG{n:03d}", f"I {n}", "ASC"] for n in range(60)
    ]
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(
        "/import-export/", {"file": SimpleUploadedFile("big.xlsx", xlsx({"Indicators": sheet}))}
    )
    page = client.get(response["Location"]).content.decode()
    assert '<meta http-equiv="refresh"' in page and "<progress" in page
    run_worker()
    job = Job.objects.get()
    assert job.state == Job.State.PREVIEWED and job.rows_done == job.rows_total == 60
    assert _imported() == 0  # a preview


def test_the_worker_calls_each_periodic_function_and_survives_a_failing_one(settings):
    settings.SCORECARD_PERIODIC = [
        "tests.queue.test_worker.broken",
        "tests.queue.test_worker.remember",
    ]
    CALLS.clear()
    now = datetime(2017, 12, 4, 9, 0, tzinfo=UTC)
    queue.run_periodic(now)
    assert [now] == CALLS


def mark(now) -> None:
    with open(os.environ["SCORECARD_TEST_MARKER"], "a") as marker:
        marker.write(now.isoformat() + "\n")


@pytest.mark.django_db(transaction=True)
def test_a_running_worker_calls_the_periodic_functions(tmp_path, monkeypatch):
    """The real command, as a process: the registered function is called with the council's now
    soon after start, and again while it runs."""
    marker = tmp_path / "called"
    monkeypatch.setenv("SCORECARD_TEST_MARKER", str(marker))
    monkeypatch.setenv(
        "SCORECARD_PERIODIC", "tests.queue.test_worker.broken,tests.queue.test_worker.mark"
    )
    proc = worker_process()
    try:
        _wait(lambda: marker.exists(), seconds=60)
    finally:
        proc.terminate()
        proc.wait(30)
    called = datetime.fromisoformat(marker.read_text().splitlines()[0])
    assert called.date() == clock.today()
