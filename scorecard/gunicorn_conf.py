"""gunicorn's settings for `scorecard serve` (`--config python:scorecard.gunicorn_conf`).

The application is loaded once, in the master, which builds the dashboards' lines of the
default quarter before it listens, and brings them up to date before it forks each worker: the
first workers, and those restarted after `--max-requests`, start warm instead of making their
first reader wait for every line (decision 0011).

The master also starts `scorecard worker` as its own child once it listens (unless
SCORECARD_SERVE_WORKER=0, for a deployment that runs the worker as its own service), and stops
it when it exits: `scorecard serve` and `make demo` need nothing more (decision 0033). Two sync
workers, one per core of the reference machine (WEB_CONCURRENCY): long work runs in the task
worker, never in a request, so a sync worker is never held for seconds.
"""

import os
import subprocess
import sys

_task_worker: list[subprocess.Popen] = []

preload_app = True


def _warm() -> None:
    # Imported here: gunicorn reads this module before the application (and Django) is loaded.
    from scorecard.reporting.warm import warm_before_fork

    warm_before_fork()


def on_starting(server) -> None:
    # Before gunicorn handles SIGCHLD: loading the PDF library runs a few short subprocesses,
    # which the master would otherwise reap and log as workers that died.
    _warm()


def pre_fork(server, worker) -> None:
    _warm()


def when_ready(server) -> None:
    from django.conf import settings

    if os.environ.get("SCORECARD_SERVE_WORKER", "1") == "0" or settings.TASKS_BACKEND != "database":
        return  # a worker service of its own, or tasks run at once (tests)
    _task_worker.append(
        subprocess.Popen([sys.executable, "-m", "scorecard.cli", "worker"])  # noqa: S603
    )
    server.log.info("Started the task worker (pid %s)", _task_worker[0].pid)


def on_exit(server) -> None:
    for process in _task_worker:
        process.terminate()
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
