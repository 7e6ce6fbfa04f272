"""Reads for the public site: which quarters the public may read, and each one's content, from
its frozen snapshot only (decision 0040).

The public is the reader `None` of decision 0018: no risk confidential when published or now.
A quarter is public when the site is on, the quarter is locked and has a snapshot; its indicators
are shown when its scorecard is published to the public (`Scorecard.is_published`). Nothing here
reads a live value, a draft or an unpublished quarter.
"""

from scorecard.core.confidentiality import RiskVisibility
from scorecard.core.periods import Period
from scorecard.interchange import open_data
from scorecard.reporting.models import IndicatorSnapshot, Snapshot
from scorecard.reporting.selectors import (
    ReportData,
    Restatement,
    line_public,
    period_parse,
    report_data,
    restatements_since,
)

from .models import PublicSite


def public_site_get() -> PublicSite:
    """The settings row; off, with no text, until an administrator saves it."""
    return PublicSite.objects.order_by("pk").first() or PublicSite()


def public_snapshots() -> list[Snapshot]:
    """The quarters the public reads, newest first: locked and published (open data's rule)."""
    return list(open_data.open_snapshots().select_related("scorecard"))


def shows_indicators(snapshot: Snapshot) -> bool:
    return snapshot.scorecard is not None and snapshot.scorecard.is_published


def public_period(slug: str) -> tuple[Period, Snapshot] | None:
    """A public quarter from its address ("2017-18-Q2"), or None when the public may not read it."""
    snapshot = open_data.open_snapshot(slug=slug)
    if snapshot is None:
        return None
    period = period_parse(snapshot.period)
    return (period, snapshot) if period is not None else None


def public_report(
    period: Period,
    snapshot: Snapshot,
    *,
    performance: bool = True,
    risks: bool = True,
    reader: RiskVisibility | None = None,
) -> ReportData:
    """The published quarter as the public reads it: the snapshot, no confidential risk, no
    commentary marked internal, and no indicator unless its scorecard is published to the
    public. `reader` is the public's visibility when already read (it must be
    `risk_visibility(None)`)."""
    performance = performance and shows_indicators(snapshot)
    data = report_data(period, reader=reader, performance=performance, risks=risks, public=True)
    if data.snapshot is None or data.snapshot.pk != snapshot.pk:  # never live figures
        raise LookupError(f"{period.key} has no published snapshot.")
    return data


def public_indicator(snapshot: Snapshot, code: str) -> IndicatorSnapshot | None:
    """The indicator's published line, its commentary left out when marked internal."""
    if not shows_indicators(snapshot):
        return None
    line = IndicatorSnapshot.objects.filter(snapshot=snapshot, code=code).first()
    return line_public(line) if line is not None else None


def indicator_restatements(snapshot: Snapshot, line: IndicatorSnapshot) -> list[Restatement]:
    """The restatement of the indicator's published value since publication, if any (one query)."""
    return restatements_since(snapshot, [line])


def indicator_published_history(indicator_id: int) -> list[IndicatorSnapshot]:
    """The indicator's row in every public quarter, newest first (one query)."""
    snapshots = [s.pk for s in public_snapshots() if shows_indicators(s)]
    return list(
        IndicatorSnapshot.objects.filter(indicator_id=indicator_id, snapshot_id__in=snapshots)
        .select_related("snapshot")
        .order_by("-snapshot__period_start")
    )
