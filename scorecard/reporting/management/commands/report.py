"""`scorecard report --period 2017/18-Q2 --format html|pdf|docx|md|json [--user NAME] --output
FILE`: the report as the public reads it (no confidential risk), or as the person named."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from scorecard.organisation.models import User
from scorecard.reporting import documents
from scorecard.reporting.selectors import period_parse, report_data, user_can_read_reports

FORMATS = {
    "html": ("The Cabinet report and its Appendix, HTML with print CSS", documents.pack_html),
    "pdf": ("The same as a tagged PDF (PDF/UA-1)", documents.pack_pdf),
    "docx": ("The Cabinet cover report draft (Word)", documents.cover_docx),
    "md": ("The cover report and the Appendix's figures as Markdown", documents.report_markdown),
    "json": ("The machine-readable snapshot", documents.report_json),
}


class Command(BaseCommand):
    help = (
        "Write a quarter's report: from its snapshot once published, else a draft from the "
        "live figures. Formats: " + "; ".join(f"{k}: {v[0]}" for k, v in FORMATS.items())
    )

    def add_arguments(self, parser):
        parser.add_argument("--period", required=True, help="A quarter, e.g. 2017/18-Q2.")
        parser.add_argument("--format", choices=list(FORMATS), default="md", dest="fmt")
        parser.add_argument("--output", help="The file to write; omit for text on standard output.")
        parser.add_argument(
            "--user",
            help="The report as this person may read it (their confidential risks included); "
            "omit for the public version, without confidential risks.",
        )

    def handle(self, *args, period: str, fmt: str, output: str | None, user=None, **options):
        quarter = period_parse(period)
        if quarter is None:
            raise CommandError(f"{period!r} is not a quarter: write it like 2017/18-Q2.")
        reader = None
        if user:
            reader = User.objects.filter(username=user).first()
            if reader is None or not user_can_read_reports(reader):
                raise CommandError(
                    f"{user!r} is nobody with a role here: name a person who reads reports."
                )
        content = FORMATS[fmt][1](report_data(quarter, reader=reader))
        if output is None:
            if isinstance(content, bytes):
                raise CommandError(f"{fmt} is a binary format: give --output FILE.")
            self.stdout.write(content, ending="")
            return
        path = Path(output)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        self.stderr.write(f"Wrote {path} ({path.stat().st_size:,} bytes).")
