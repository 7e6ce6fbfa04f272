"""scorecard remind [--period P] [--dry-run]: email each updater and risk owner what is due."""

from django.core.management.base import BaseCommand, CommandError

from scorecard.core.periods import PeriodError
from scorecard.reminders import reminder_quarter, reminders_send


class Command(BaseCommand):
    help = (
        "Email each indicator updater their values due and overdue this quarter, and each risk "
        "owner their reviews and actions due, through Django's email backend."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--period", help="The quarter, e.g. 2017/18-Q2 (default: the latest open one)."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="List the reminders without sending them."
        )

    def handle(self, *args, period=None, dry_run=False, **options):
        try:
            quarter = reminder_quarter(period)
        except PeriodError as error:
            raise CommandError(f"--period: {error}") from error
        reminders = reminders_send(quarter=quarter, dry_run=dry_run)
        for reminder in reminders:
            self.stdout.write(f"{reminder.person.email}: {reminder.subject}")
            for line in reminder.lines:
                self.stdout.write(f"  - {line}")
        verb = "would be sent" if dry_run else "sent"
        self.stdout.write(
            self.style.SUCCESS(f"{len(reminders)} reminder(s) for {quarter.label} {verb}.")
        )
