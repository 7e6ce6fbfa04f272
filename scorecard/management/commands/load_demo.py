from django.core.management.base import BaseCommand, CommandError

from scorecard.demo import DEMO_PASSWORD, DemoRefused, load_demo


class Command(BaseCommand):
    help = "Load the demo council (idempotent) and print its accounts. Refused in production."

    def handle(self, *args, **options):
        try:
            accounts = load_demo()
        except DemoRefused as refusal:
            raise CommandError(str(refusal)) from refusal
        self.stdout.write("Demo council loaded. Sign in with one of these accounts:")
        for account in accounts:
            self.stdout.write(
                f"  {account.username:<8} password {DEMO_PASSWORD}   ({account.description})"
            )
