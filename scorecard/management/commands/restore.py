"""`scorecard restore FILE`: replace the whole database with a backup."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from scorecard.ops.backup import BackupError, database_name, restore


class Command(BaseCommand):
    help = (
        "Replace the whole database with the backup in FILE (made by `scorecard backup`). "
        "Stop the product first; everything written since the backup is lost."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The backup file to restore.")
        parser.add_argument("--no-input", action="store_true", help="Do not ask for confirmation.")

    def handle(self, *args, file: str, no_input: bool, **options):
        name = database_name()
        if not no_input:
            answer = input(f"Replace everything in the database {name} with {file}? [y/N] ")
            if answer.strip().lower() not in {"y", "yes"}:
                raise CommandError("Restore cancelled; nothing changed.")
        try:
            restore(Path(file))
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Restored the database {name} from {file}.")
