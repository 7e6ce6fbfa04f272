"""`scorecard import FILE [--dry-run] [--user USERNAME]`: import a workbook, all or nothing."""

import os
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from scorecard.interchange.cli import resolve_user
from scorecard.interchange.progress import ProgressBar
from scorecard.interchange.services import import_file


class Command(BaseCommand):
    help = (
        "Import indicators, targets, measurements, risks and more from .xlsx, .csv or .zip of CSVs."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="An .xlsx workbook, a .csv file or a .zip of CSV files.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check and show what would change; write nothing.",
        )
        parser.add_argument(
            "--user",
            default=os.environ.get("SCORECARD_USER"),
            help="Import as this person, with their access (default: $SCORECARD_USER, else the only administrator or superuser).",
        )
        parser.add_argument(
            "--no-progress", action="store_true", help="Do not draw the progress bar."
        )

    def handle(
        self, *args, file: str, dry_run: bool, user: str | None, no_progress: bool, **options
    ):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No file at {path}.")
        person = resolve_user(user)
        self.stdout.write(
            f"Importing as {person.get_full_name() or person.username} ({person.username})."
        )
        bar = None if no_progress else ProgressBar("Checking" if dry_run else "Importing")
        outcome = import_file(
            user=person, data=path.read_bytes(), filename=path.name, dry_run=dry_run, progress=bar
        )
        rate = bar.finish() if bar else None
        for sheet, counts in outcome.counts.items():
            self.stdout.write(
                f"{sheet}: {counts['created']} to create, {counts['changed']} to change, {counts['unchanged']} unchanged"
                if dry_run
                else f"{sheet}: {counts['created']} created, {counts['changed']} changed, {counts['unchanged']} unchanged"
            )
        for notice in outcome.notices:
            self.stdout.write(str(notice))
        if outcome.problems:
            for problem in outcome.problems:
                self.stderr.write(str(problem))
            raise CommandError(
                f"{len(outcome.problems)} problems: nothing was imported. Fix them and import the file again."
            )
        if rate is not None:
            self.stdout.write(f"{outcome.rows} rows checked at {rate:,.0f} rows per second.")
        self.stdout.write("Dry run: nothing was written." if dry_run else "Imported.")
