"""Open data: the published, non-confidential part of each locked quarter, read from the
reporting app's frozen snapshots, so a file never changes once published.

A quarter is listed when it has a snapshot and its reporting period is locked. Indicators come
from published scorecards only; confidential risks are never included; officers' names are left
out. Each dataset has a stable address: /open-data/2017-18-Q2/indicators.csv (or .json).
"""

from django.db.models import Exists, OuterRef, QuerySet

from scorecard.performance.choices import PeriodState
from scorecard.performance.models import ReportingPeriod
from scorecard.reporting.models import IndicatorSnapshot, RiskSnapshot, Snapshot
from scorecard.risks.selectors.access import risk_visibility

INDICATOR_FIELDS = [
    "code", "title", "priority", "directorate_code", "directorate_name", "unit", "polarity",
    "state", "rating", "rating_period", "value", "target", "direction", "direction_last_year",
    "last_updated", "next_due", "commentary", "improvement_actions", "data_quality",
]  # fmt: skip
RISK_FIELDS = [
    "reference", "title", "register", "directorate_code", "category", "likelihood", "impact",
    "score", "band_label", "previous_score", "movement", "area", "is_open", "is_new",
]  # fmt: skip
DATASETS = {
    "indicators": ("Performance indicators", INDICATOR_FIELDS),
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
        if not snapshot.scorecard.is_published:
            return []
        rows = IndicatorSnapshot.objects.filter(snapshot=snapshot).order_by("order", "code")
        return list(rows.values(*INDICATOR_FIELDS))
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
