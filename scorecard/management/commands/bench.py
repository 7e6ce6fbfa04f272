"""`scorecard bench [--scale demo|large] [--json]`: the speed figures of docs/performance.md."""

import json

from django.core.management.base import BaseCommand

from scorecard.ops.bench import run, table


class Command(BaseCommand):
    help = (
        "Time the dashboards, lists, pages, documents, API lists and imports on the configured "
        "database (load the demo, or `scorecard generate`, first) and print median and worst "
        "times, query counts, peak memory and the one-query floor."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", choices=["demo", "large"], default="demo")
        parser.add_argument("--repeat", type=int, default=7)
        parser.add_argument("--import-rows", type=int, default=100_000)
        parser.add_argument("--json", action="store_true")
        parser.add_argument(
            "--only",
            action="append",
            default=[],
            metavar="WORDS",
            help="Only the figures whose name contains WORDS (repeatable), e.g. --only dashboard.",
        )

    def handle(self, *args, scale, repeat, import_rows, only, **options):
        result = run(scale=scale, repeat=repeat, import_rows=import_rows, only=tuple(only))
        self.stdout.write(
            json.dumps(result, indent=2, default=str) if options["json"] else table(result)
        )
