"""Quarter Two 2017/18 locked and published, so its report renders from the snapshot."""

import datetime as dt

from scorecard.core.periods import parse
from scorecard.organisation.models import User
from scorecard.public.models import PublicSite
from scorecard.public.services import public_site_update
from scorecard.reporting import cover, services
from scorecard.reporting.models import ReportWording, Snapshot

from .catalogue import REPORT_PERIOD


def load(*, admin: User) -> None:
    if not ReportWording.objects.exists():
        services.report_wording_update(text=cover.DEFAULT_WORDING, by=admin)
    if not Snapshot.objects.filter(period=REPORT_PERIOD).exists():
        snapshot = services.period_lock_and_publish(
            period=parse(REPORT_PERIOD),
            by=admin,
            gaps_reason="Published for the Cabinet meeting of 14 December 2017; the updates "
            "still missing are reported next quarter.",
        )
        # The demo's story: published for the Cabinet meeting of 14 December 2017.
        snapshot.published_at = dt.datetime(2017, 11, 23, 10, 0, tzinfo=dt.UTC)
        snapshot.save(update_fields=["published_at"])
    if not PublicSite.objects.exists():
        # The demo publishes its quarters on the public site (off by default elsewhere).
        public_site_update(is_enabled=True, how_we_measure=HOW_WE_MEASURE, by=admin)


HOW_WE_MEASURE = """Every quarter, the officer responsible for each indicator records its \
value and explains it. A second officer checks and approves the figure: nobody approves their \
own. The performance team then locks the quarter and reports it to Cabinet.

Each indicator has a target for the year, set when the Corporate Plan is agreed. The colour \
compares the figure with that target."""
