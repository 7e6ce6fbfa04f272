"""`scorecard export --format xlsx|csv --output PATH [--user USERNAME]`."""

import os
from pathlib import Path

from django.core.management.base import BaseCommand

from scorecard.interchange.cli import resolve_user
from scorecard.interchange.progress import ProgressBar
from scorecard.interchange.services import export_data


class Command(BaseCommand):
    help = "Export everything keyed in to one .xlsx workbook, or to a .zip of CSV files."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["xlsx", "csv"], default="xlsx")
        parser.add_argument(
            "--output",
            required=True,
            help="The file to write (.xlsx, or .zip for csv: .zip is added if missing).",
        )
        parser.add_argument(
            "--user",
            default=os.environ.get("SCORECARD_USER"),
            help="Export what this person may see (default: $SCORECARD_USER, else the only administrator).",
        )
        parser.add_argument("--no-progress", action="store_true")

    def handle(
        self, *args, format: str, output: str, user: str | None, no_progress: bool, **options
    ):
        person = resolve_user(user)
        bar = None if no_progress else ProgressBar("Exporting")
        data = export_data(user=person, fmt=format, progress=bar)
        if bar:
            bar.finish()
        path = Path(output)
        if format == "csv" and path.suffix.lower() != ".zip":
            # The CSV sheets come as one zip: named so, the import page and command accept it.
            path = path.with_name(path.name + ".zip")
        path.write_bytes(data)
        self.stdout.write(f"Wrote {path} ({len(data):,} bytes).")
