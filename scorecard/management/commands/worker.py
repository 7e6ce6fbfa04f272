import logging
import os
import threading
import time

from django.conf import settings
from django.db import close_old_connections, connection
from django_tasks_db.management.commands import db_worker

from scorecard import queue
from scorecard.organisation import clock

logger = logging.getLogger("scorecard.queue")

PERIODIC_EVERY = 30.0  # seconds: so each periodic function runs at least once a minute


def _periodic_loop(stop: threading.Event) -> None:
    while not stop.is_set():
        close_old_connections()
        try:
            queue.run_periodic(clock.now())
        except Exception:
            logger.exception("Periodic work failed")
        finally:
            connection.close()
        stop.wait(PERIODIC_EVERY)


class Command(db_worker.Command):
    help = (
        "Run the worker: imports, exports and report builds queued by the web server, and the "
        "council's periodic work (SCORECARD_PERIODIC) at least once a minute. On start it takes "
        "back the tasks of a worker that stopped mid-task (docs/decisions/0032)."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.set_defaults(worker_id=queue.worker_id(), reload=False, queue_name="*")
        parser.add_argument(
            "--no-periodic",
            action="store_false",
            dest="periodic",
            help="Run queued tasks only, not SCORECARD_PERIODIC.",
        )

    def handle(self, *args, periodic: bool = True, **options):
        self.configure_logging(options["verbosity"])
        # Below the web workers: a pack build or an import never slows a page on a shared
        # machine (decision 0033).
        os.nice(settings.SCORECARD_WORKER_NICE)
        for task_path, what in queue.recover_abandoned():
            self.stdout.write(f"Took back {task_path}: {what}.")
        stop = threading.Event()
        if periodic:
            threading.Thread(target=_periodic_loop, args=(stop,), daemon=True).start()
        try:
            super().handle(*args, **options)
        finally:
            stop.set()
            time.sleep(0)
