"""`scorecard generate --indicators N --risks R --years Y --seed S`: a synthetic council."""

import time

from django.core.management.base import BaseCommand, CommandError

from scorecard.interchange.progress import ProgressBar
from scorecard.ops.generator import GeneratorError, generate
from scorecard.ops.maintenance import statistics_refresh


class Command(BaseCommand):
    help = (
        "Add a synthetic scorecard and risk register to the configured database, for benchmarks "
        "(monthly indicators with YEARS of values, risks with quarterly assessments). "
        "Refused in production."
    )

    def add_arguments(self, parser):
        parser.add_argument("--indicators", type=int, default=5000)
        parser.add_argument("--risks", type=int, default=20000)
        parser.add_argument("--years", type=int, default=10)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args, indicators, risks, years, seed, no_progress, **options):
        bar = None if no_progress else ProgressBar("Generating")
        started = time.monotonic()
        try:
            result = generate(
                indicators=indicators, risks=risks, years=years, seed=seed, progress=bar
            )
        except GeneratorError as error:
            raise CommandError(str(error)) from error
        if bar:
            bar.finish()
        statistics_refresh()  # the planner's figures for the tables just filled
        seconds = time.monotonic() - started
        self.stdout.write(
            f"Generated {result.indicators:,} indicators, {result.measurements:,} values, "
            f"{result.targets:,} targets, {result.risks:,} risks and {result.assessments:,} "
            f"assessments in {seconds:.1f} s ({result.rows / seconds:,.0f} rows/s)."
        )
