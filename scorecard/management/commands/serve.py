import os
import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Serve Scorecard with gunicorn on 127.0.0.1 (static files through WhiteNoise), with a "
        "task worker beside it (SCORECARD_SERVE_WORKER=0: none, for a separate worker service). "
        "--production: production settings, compressed static files collected first, "
        "gunicorn tuned for running behind a TLS-terminating proxy (docs/deployment.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument(
            "--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", "2"))
        )
        parser.add_argument(
            "--production",
            action="store_true",
            help="Run with SCORECARD_ENV=production (needs SECRET_KEY and ALLOWED_HOSTS).",
        )

    def handle(self, *args, port: int, host: str, workers: int, production: bool, **options):
        environment = dict(os.environ)
        if production:
            environment["SCORECARD_ENV"] = "production"
            missing = [
                name for name in ("SECRET_KEY", "ALLOWED_HOSTS") if not environment.get(name)
            ]
            if missing:
                raise CommandError(
                    f"--production needs {' and '.join(missing)} in the environment."
                )
            # Collect (and compress) the static files with the production settings.
            subprocess.run(  # noqa: S603 - fixed argument list
                [sys.executable, "-m", "scorecard.cli", "collectstatic", "--no-input", "-v", "0"],
                env=environment,
                check=True,
            )
        elif settings.PRODUCTION:
            call_command("collectstatic", interactive=False, verbosity=0)
        self.stdout.write(f"Serving on http://{host}:{port}/  (Ctrl+C stops)")
        command = [
            sys.executable, "-m", "gunicorn", "scorecard.wsgi:application",
            "--bind", f"{host}:{port}", "--workers", str(workers), "--access-logfile", "-",
            # Load once and warm the dashboards before forking the workers (decision 0011).
            "--config", "python:scorecard.gunicorn_conf",
        ]  # fmt: skip
        if production or settings.PRODUCTION:
            command += [
                "--timeout", os.environ.get("GUNICORN_TIMEOUT", "120"),
                "--max-requests", "1000", "--max-requests-jitter", "100",
                "--forwarded-allow-ips", os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1"),
            ]  # fmt: skip
        # Become gunicorn (nothing stays behind as a parent); its master starts `scorecard
        # worker` beside the web workers (gunicorn_conf.py, decision 0033).
        os.execvpe(command[0], command, environment)  # noqa: S606 - fixed argument list
