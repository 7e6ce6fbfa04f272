"""`scorecard import-comparators`: other councils' values of an indicator, from the national file.

    scorecard import-comparators --ascof FILE --year 2020-21 --measure 1E --indicator HW02
    scorecard import-comparators --oflog FILE --measure ASC5 --indicator HW08 [--years 2017-18]
    scorecard import-comparators --peer-group FILE --group "Trafford near neighbours" \
        --measure 2A2 --indicator HW05 [--years 2017-18]

All or nothing: a file with any bad row is refused, with every problem's row and column.
"""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from scorecard.performance.models import Indicator

from ...imports import ImportRefused, read_ascof, read_oflog, read_peer_group
from ...services import comparators_import, peer_group_import


class Command(BaseCommand):
    help = (
        "Import comparator values (ASCOF, Oflog or a peer group, as published) for one indicator."
    )

    def add_arguments(self, parser):
        source = parser.add_mutually_exclusive_group(required=True)
        source.add_argument("--ascof", type=Path, help="NHS Digital ASCOF open-data CSV.")
        source.add_argument("--oflog", type=Path, help="Oflog ASC data CSV.")
        source.add_argument(
            "--peer-group",
            type=Path,
            help="A near-neighbour peer group's file (area_code,area_name,period,indicator,"
            "measure,unit,value), e.g. Trafford Data Lab's ASCOF files.",
        )
        parser.add_argument(
            "--group", help="Peer group: the named list its councils make (created or refreshed)."
        )
        parser.add_argument("--indicator", required=True, help="The indicator's code, e.g. HW02.")
        parser.add_argument("--measure", required=True, help="ASCOF code (1E) or Oflog (ASC5).")
        parser.add_argument("--year", help="ASCOF: the financial year of the file, e.g. 2020-21.")
        parser.add_argument(
            "--years", nargs="*", help="Oflog or peer group: only these years (default all)."
        )

    def handle(self, *args, **options):
        indicator = Indicator.objects.filter(code=options["indicator"]).first()
        if indicator is None:
            raise CommandError(f"There is no indicator {options['indicator']}.")
        path = options["ascof"] or options["oflog"] or options["peer_group"]
        try:
            text = path.read_text(encoding="utf-8-sig")
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}.") from None
        try:
            if options["ascof"]:
                if not options["year"]:
                    raise CommandError("Give the year of the ASCOF file, e.g. --year 2020-21.")
                parsed = read_ascof(text, measure=options["measure"], year=options["year"])
                source = "ascof"
            elif options["oflog"]:
                parsed = read_oflog(text, measure=options["measure"], years=options["years"])
                source = "oflog"
            else:
                if not options["group"]:
                    raise CommandError(
                        "Name the group of the file's councils, e.g. --group \"Trafford near "
                        'neighbours".'
                    )
                parsed = read_peer_group(text, years=options["years"])
                source = ""
            if source:
                stored = comparators_import(
                    indicator=indicator, parsed=parsed, source=source, measure=options["measure"]
                )
            else:
                stored = peer_group_import(
                    indicator=indicator,
                    parsed=parsed,
                    group=options["group"],
                    measure=options["measure"],
                )
        except (ImportRefused, ValueError) as error:
            raise CommandError(f"{path.name} was not imported:\n{error}") from None
        except ValidationError as error:
            raise CommandError(
                f"{path.name} was not imported: {'; '.join(error.messages)}"
            ) from None
        self.stdout.write(
            f"Imported {stored} values of {options['measure']} for {indicator.code}"
            f" ({parsed.skipped} unpublished skipped)."
        )
        if parsed.councils:
            self.stdout.write(f"{options['group']}: {len(parsed.councils)} councils.")
