"""The task queue's rules beside django-tasks (docs/decisions/0032-jobs-on-django-tasks.md).

Long work is a django-tasks task stored in the database and run by `scorecard worker`. This
module holds what the library leaves to us:

- **Abandoned tasks.** A worker killed mid-task leaves its task "running". When a worker starts it
  takes back every task whose worker is gone: a process of this machine that no longer exists,
  or a claim older than `STALE_AFTER` (a worker on another machine that never came back). Every
  task of ours is safe to run again (an import is one transaction, an export or a document build
  writes its result at the end), so it is queued again, until it has been started
  `SCORECARD_TASK_ATTEMPTS` times; then it is marked failed with its reason. The area that owns
  the task is told either way (`on_abandoned`), so its own record (an import's job, a document
  build) never stays "running".
- **Periodic work.** `run_periodic(now)` calls each function named in `SCORECARD_PERIODIC`, each
  in its own try/except, so one failing never stops the others.
"""

import logging
import os
import socket
from collections.abc import Callable
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

STALE_AFTER = timedelta(hours=6)

# task's module path -> function(kwargs, reason, again) that updates the area's own record.
_ABANDONED: dict[str, Callable[[dict, str, bool], None]] = {}


def on_abandoned(task) -> Callable:
    """Register what to do with the area's record when `task` is found abandoned."""

    def register(fn: Callable[[dict, str, bool], None]) -> Callable:
        _ABANDONED[task.module_path] = fn
        return fn

    return register


def worker_id() -> str:
    """This worker's id: its machine and process, so a later worker can tell it is gone."""
    return f"{socket.gethostname()[:40]}:{os.getpid()}"


def _gone(claimed_by: str, started_at: datetime | None, now: datetime) -> bool:
    host, _, pid = claimed_by.rpartition(":")
    if host == socket.gethostname()[:40] and pid.isdigit():
        if int(pid) == os.getpid():
            return False
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            return True
        except PermissionError:
            return False
        return False
    return started_at is None or now - started_at > STALE_AFTER


def recover_abandoned() -> list[tuple[str, str]]:
    """Queue again, or mark failed with the reason, each task whose worker is gone. Returns
    (task, what was done) pairs, for the worker's log."""
    from django_tasks_db.compat import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    now = timezone.now()
    done = []
    for result in DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING):
        claimed_by = result.worker_ids[-1] if result.worker_ids else ""
        if not _gone(claimed_by, result.started_at, now):
            continue
        attempts = len(result.worker_ids)
        again = attempts < settings.SCORECARD_TASK_ATTEMPTS
        reason = (
            f"The worker running it stopped (attempt {attempts}); it was queued again."
            if again
            else f"The worker running it stopped {attempts} times; it was not tried again."
        )
        with transaction.atomic():
            if again:
                result.status = TaskResultStatus.READY
                result.started_at = None
                result.save(update_fields=["status", "started_at"])
            else:
                result.status = TaskResultStatus.FAILED
                result.finished_at = now
                result.exception_class_path = "scorecard.queue.WorkerStopped"
                result.traceback = reason
                result.save(
                    update_fields=["status", "finished_at", "exception_class_path", "traceback"]
                )
            hook = _ABANDONED.get(result.task_path)
            if hook is not None:
                hook(result.args_kwargs.get("kwargs", {}), reason, again)
        logger.warning("Task %s (%s): %s", result.id, result.task_path, reason)
        done.append((result.task_path, "queued again" if again else "failed"))
    return done


def run_periodic(now: datetime) -> None:
    """Call every function of SCORECARD_PERIODIC with `now`; a failure is logged, not raised."""
    for path in settings.SCORECARD_PERIODIC:
        try:
            import_string(path)(now)
        except Exception:
            logger.exception("Periodic work %s failed", path)
