"""Writes for the reporting app: lock and publish a quarter (its snapshot), and the wording."""

from django.core.exceptions import ValidationError
from django.db import transaction

from scorecard.core.confidentiality import EVERY_RISK
from scorecard.core.periods import Period
from scorecard.organisation import clock
from scorecard.organisation.models import User
from scorecard.performance.choices import PeriodState
from scorecard.performance.services import reporting_period_set_state

from . import cover, links, readiness
from .models import (
    AreaSnapshot,
    IndicatorSnapshot,
    ProjectSnapshot,
    ReportWording,
    RiskSnapshot,
    Snapshot,
)
from .project_lines import project_snapshot_rows
from .selectors import corporate_scorecard, report_data


@transaction.atomic
def snapshot_create(*, period: Period, by: User, gaps_reason: str = "") -> Snapshot:
    """Freeze the quarter's report: every indicator status, value, target and commentary, every
    risk score, band, area and movement, the risk areas, the major projects' approved updates, the pack's linked indicators and
    benchmarking, and the quarter's readiness. Refused if already published, and refused when
    updates or reviews are missing and no reason is given for publishing without them."""
    if period.kind != "quarter":
        raise ValidationError({"period": f"{period.label} is not a quarter: publish a quarter."})
    if Snapshot.objects.filter(period=period.key).exists():
        raise ValidationError(
            {
                "period": f"{period.label} is already published; a published report never "
                "changes. Corrections show as restatements."
            }
        )
    # A council may report its risk register alone, without a corporate scorecard.
    scorecard = corporate_scorecard()
    # Every risk: each row keeps its confidentiality, and each reader is given theirs.
    data = report_data(period, reader=EVERY_RISK, live=True)
    if scorecard is not None and not data.indicators:
        raise ValidationError({"period": f"No scorecard version was live in {period.label}."})
    if scorecard is None and not data.risks:
        raise ValidationError(
            {"period": "There is nothing to publish: no corporate scorecard and no risks."}
        )
    ready = readiness.quarter_readiness(scorecard=scorecard, period=period, lines=data.indicators)
    gaps_reason = gaps_reason.strip()
    if ready.has_gaps and not gaps_reason:
        raise ValidationError({"gaps_reason": gaps_problem(period, ready.total)})
    snapshot = Snapshot(
        period=period.key,
        period_start=period.start,
        scorecard=scorecard,
        scorecard_version=data.scorecard_version,
        corporate_plan=data.corporate_plan,
        refreshed_this_period=data.refreshed_this_period,
        matrix=data.matrix,
        pack_sections=links.pack_sections_freeze(data),
        readiness=ready.as_dict(),
        gaps_reason=gaps_reason if ready.has_gaps else "",
        gaps_acknowledged_by=by if ready.has_gaps else None,
        published_by=by,
        published_at=clock.now(),
    )
    snapshot.full_clean()
    snapshot.save()
    for rows in (data.indicators, data.risks, data.areas):
        for row in rows:
            row.snapshot = snapshot
    IndicatorSnapshot.objects.bulk_create(data.indicators)
    RiskSnapshot.objects.bulk_create(data.risks)
    AreaSnapshot.objects.bulk_create(data.areas)
    projects = project_snapshot_rows(period)
    for row in projects:
        row.snapshot = snapshot
    ProjectSnapshot.objects.bulk_create(projects)
    return snapshot


def gaps_problem(period: Period, total: readiness.Readiness) -> str:
    """Why a quarter with gaps cannot be locked yet, naming what is missing."""
    return (
        f"{period.label} has {', '.join(total.gaps())}: give the reason for locking it "
        "without them."
    )


@transaction.atomic
def period_lock_and_publish(*, period: Period, by: User, gaps_reason: str = "") -> Snapshot:
    """Lock the quarter in the performance app, then freeze its snapshot: both or neither (a
    refused snapshot, for gaps without a reason, leaves the quarter open)."""
    reporting_period_set_state(period=period.key, state=PeriodState.LOCKED, by=by)
    snapshot = snapshot_create(period=period, by=by, gaps_reason=gaps_reason)
    # Its documents are built once, by the worker, after the publication commits (decision 0034).
    from .stored import documents_queue_published

    transaction.on_commit(lambda: documents_queue_published(snapshot=snapshot))
    return snapshot


@transaction.atomic
def report_wording_update(*, text: str, by: User | None) -> ReportWording:
    """Save the cover report's wording after checking that it renders with real figures."""
    problem = cover.template_problem(text)
    if problem:
        raise ValidationError({"text": problem})
    wording = ReportWording.objects.filter(key="cabinet-cover").first() or ReportWording(
        key="cabinet-cover"
    )
    wording.text = text
    wording.updated_by = by
    wording.updated_at = clock.now()
    wording.full_clean()
    wording.save()
    return wording
