"""Open data: the published, non-confidential part of each locked quarter, read from the
reporting app's frozen snapshots, so a file never changes once published.

A quarter is listed when it has a snapshot and its reporting period is locked. Indicators come
from published scorecards only; confidential risks are never included; officers' names are left
out, and so is a commentary marked internal. Each dataset has a stable address:
/open-data/2017-18-Q2/indicators.csv (or .json).
"""

from types import SimpleNamespace

from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from scorecard.core.periods import parse
from scorecard.performance.choices import PeriodState
from scorecard.performance.engine import financial_year_start_month
from scorecard.performance.models import ReportingPeriod
from scorecard.reporting import summary
from scorecard.reporting.models import IndicatorSnapshot, RiskSnapshot, Snapshot
from scorecard.risks.access import risk_visibility

INDICATOR_FIELDS = [
    "code", "title", "priority", "directorate_code", "directorate_name", "unit", "polarity",
    "state", "rating", "rating_period", "value", "target", "rated_against", "direction",
    "direction_last_year", "last_updated", "next_due", "commentary", "improvement_actions",
    "data_quality",
]  # fmt: skip
# Said of each indicator from its stored fields: is its colour carried from an earlier quarter,
# and was its update due in the quarter and late when the quarter was published?
INDICATOR_FLAGS = ["rating_carried", "update_late"]
RISK_FIELDS = [
    "reference", "title", "register", "directorate_code", "category", "likelihood", "impact",
    "score", "band_label", "previous_score", "movement", "area", "is_open", "is_new",
]  # fmt: skip
DATASETS = {
    "indicators": ("Performance indicators", INDICATOR_FIELDS + INDICATOR_FLAGS),
    "risks": ("Corporate risks (not confidential)", RISK_FIELDS),
}


def slug_of(period: str) -> str:
    return period.replace("/", "-")


def open_snapshots() -> QuerySet[Snapshot]:
    """Published quarters whose reporting period is locked, newest first."""
    locked = ReportingPeriod.objects.filter(period=OuterRef("period"), state=PeriodState.LOCKED)
    return Snapshot.objects.filter(Exists(locked)).order_by("-period_start")


def open_snapshot(*, slug: str) -> Snapshot | None:
    return open_snapshots().filter(period=slug.replace("-", "/", 1)).first()


def open_rows(*, snapshot: Snapshot, dataset: str) -> list[dict]:
    if dataset == "indicators":
        if snapshot.scorecard is None or not snapshot.scorecard.is_published:
            return []
        rows = IndicatorSnapshot.objects.filter(snapshot=snapshot).order_by("order", "code")
        return _flagged(snapshot, _published(rows.values(*INDICATOR_FIELDS, INTERNAL)))
    # The public's rule (risk_visibility(None)): no risk confidential when published or now.
    public = risk_visibility(None)
    rows = RiskSnapshot.objects.filter(snapshot=snapshot, is_confidential=False).order_by(
        "-score", "-impact", "-likelihood", "reference"
    )
    return [
        {f: row[f] for f in RISK_FIELDS}
        for row in rows.values("risk_id", "is_confidential", *RISK_FIELDS)
        if public.allows(row["risk_id"], row["is_confidential"], row["directorate_code"])
    ]


INTERNAL = "commentary_is_internal"


def _published(rows) -> list[dict]:
    """The rows without the commentary marked internal (the column stays, empty)."""
    published = []
    for row in rows:
        if row.pop(INTERNAL):
            row["commentary"] = ""
        published.append(row)
    return published


def _flagged(snapshot: Snapshot, rows: list[dict]) -> list[dict]:
    period = parse(snapshot.period, financial_year_start_month())
    as_of = timezone.localdate(snapshot.published_at)
    for row in rows:
        line = SimpleNamespace(**row)
        row["rating_carried"] = summary.is_carried(line)
        row["update_late"] = summary.is_late(line, period, as_of)
    return rows


def ratings_summary(*, snapshot: Snapshot, rows: list[dict]) -> dict:
    """How many colours are the quarter's own, how many carried, how many updates late."""
    current = summary.currency(
        [SimpleNamespace(**row) for row in rows],
        parse(snapshot.period, financial_year_start_month()),
        timezone.localdate(snapshot.published_at),
    )
    return {
        "rated_this_quarter": current.this_quarter,
        "carried_from_earlier_quarters": current.carried,
        "updates_not_received": current.awaiting,
        "updates_late": current.late,
    }
