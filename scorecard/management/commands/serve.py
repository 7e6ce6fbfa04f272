import contextlib
import os
import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Serve Scorecard with gunicorn on 127.0.0.1 (static files through WhiteNoise)."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument(
            "--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", "2"))
        )

    def handle(self, *args, port: int, host: str, workers: int, **options):
        if settings.PRODUCTION:
            call_command("collectstatic", interactive=False, verbosity=0)
        self.stdout.write(f"Serving on http://{host}:{port}/  (Ctrl+C stops)")
        command = [
            sys.executable, "-m", "gunicorn", "scorecard.wsgi:application",
            "--bind", f"{host}:{port}", "--workers", str(workers), "--access-logfile", "-",
        ]  # fmt: skip
        with contextlib.suppress(KeyboardInterrupt):
            subprocess.run(command, check=True)  # noqa: S603 - fixed argument list
