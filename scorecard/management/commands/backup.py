"""`scorecard backup FILE`: a consistent copy of the whole database."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from scorecard.ops.backup import BackupError, backup


class Command(BaseCommand):
    help = (
        "Back up the whole database to FILE (SQLite: online backup, a SQLite file; "
        "PostgreSQL: pg_dump's custom format). Safe while the product is serving."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The backup file to write.")

    def handle(self, *args, file: str, **options):
        try:
            path = backup(Path(file))
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Backed up the database to {path} ({path.stat().st_size:,} bytes).")
