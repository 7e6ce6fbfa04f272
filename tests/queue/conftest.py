"""Tests of the task queue with its real database backend: tasks wait in the database until a
worker runs them, in this process (`run_worker`) or as a real subprocess (`worker_process`)."""

import os
import subprocess
import sys

import pytest
from django.core.management import call_command
from django.db import connection

DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def queued(settings):
    """Tasks go to the database instead of running at once."""
    settings.TASKS = DATABASE


def run_worker() -> None:
    """Run every queued task in this process, then return."""
    call_command("worker", batch=True, startup_delay=False, periodic=False, interval=0, verbosity=0)


def _database_url() -> str:
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def worker_process(*extra: str) -> subprocess.Popen:
    """`scorecard worker` as a real process on the test database."""
    environment = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "SCORECARD_TASKS_BACKEND": "database",
        "SCORECARD_ENV": "test",
    }
    return subprocess.Popen(  # noqa: S603 - fixed argument list
        [sys.executable, "-m", "scorecard.cli", "worker", "--no-startup-delay",
         "--interval", "0.1", "-v", "0", *extra],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )  # fmt: skip
