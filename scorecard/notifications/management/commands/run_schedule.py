"""scorecard run-schedule: perform once whatever scheduled work is due now (the worker does this
every minute); nothing already performed is performed again."""

from django.core.management.base import BaseCommand

from scorecard.notifications.schedule import run_due
from scorecard.organisation import clock


class Command(BaseCommand):
    help = "Run the council's schedule once: reminders, overdue reviews, digest and alerts due."

    def handle(self, *args, **options):
        for kind, sent in run_due(clock.now()).items():
            self.stdout.write(f"{kind}: {sent} email{'s' if sent != 1 else ''} sent")
