"""A live quarter's risk lines: each risk on record as it stood at the end of the quarter, with
its movement since the quarter before, as unsaved snapshot rows (kept between requests by
`kept`)."""

from collections import defaultdict

from django.db.models import Q, QuerySet

from scorecard.core.periods import Period
from scorecard.core.scoring import movement
from scorecard.organisation.models import Directorate
from scorecard.risks.choices import ACTION_STATUSES_OPEN, EscalationDirection, EscalationStatus
from scorecard.risks.models import (
    Action,
    Assessment,
    Escalation,
    MatrixBand,
    MatrixCell,
    MatrixLevel,
    Register,
    Risk,
    RiskArea,
    RiskMatrix,
)

from .kept import Source, kept_lines
from .models import AreaSnapshot, RiskSnapshot


def risks_for_period(period: Period, risks: QuerySet[Risk] | None = None) -> QuerySet[Risk]:
    """Risks on record at the end of the quarter: not closed before it started."""
    base = Risk.objects.all() if risks is None else risks
    return base.filter(identified_on__lte=period.end).exclude(closed_on__lt=period.start)


# What a live risk line is built from: the risk, its reviews, escalations and actions, and the
# shape of the register (registers, areas, directorates, the matrix).
RISK_SOURCES = [
    Source(Assessment, "risk_id"),
    Source(Escalation, "risk_id"),
    Source(Action, "risk_id"),
    Source(Risk, "id"),
    Source(Register),
    Source(RiskArea),
    Source(Directorate),
    Source(RiskMatrix),
    Source(MatrixLevel),
    Source(MatrixBand),
    Source(MatrixCell),
]


def risk_lines_kept(*, period: Period, matrix) -> list[RiskSnapshot]:
    """`risk_lines`, kept between requests and rebuilt only for risks changed since (see
    `kept`). The lines are shared: read them, never save or change them."""

    def build(condition):
        if condition is None:
            return {line.risk_id: line for line in risk_lines(period=period, matrix=matrix)}
        gone: set[int] = set()
        lines = risk_lines(
            period=period, matrix=matrix, risks=Risk.objects.filter(condition), gone=gone
        )
        return {**dict.fromkeys(gone), **{line.risk_id: line for line in lines}}

    return kept_lines(("risks", period.key), RISK_SOURCES, build)


def _on_record(risk: Risk, period: Period) -> bool:
    """As `risks_for_period`, for one risk already read."""
    return risk.identified_on <= period.end and not (
        risk.closed_on is not None and risk.closed_on < period.start
    )


def risk_lines(
    *,
    period: Period,
    matrix,
    risks: QuerySet[Risk] | None = None,
    gone: set[int] | None = None,
) -> list[RiskSnapshot]:
    """Every risk as it stood at the end of `period`, with movement since the quarter before, as
    unsaved snapshot rows. Four queries whatever the number of risks: the risks, their
    assessments up to the end of the quarter, accepted escalations, and open actions of risks
    in an area. `gone`, when given, receives the ids of `risks` not on record in the quarter."""
    previous_end = period.previous().end
    on_record = risks_for_period(period, risks)
    asked = on_record if gone is None or risks is None else risks
    rows = list(
        asked.select_related("owner", "register__directorate", "area").order_by("reference")
    )
    if gone is not None:
        gone.update(risk.pk for risk in rows if not _on_record(risk, period))
        rows = [risk for risk in rows if _on_record(risk, period)]
    latest, before = {}, {}
    for a in Assessment.objects.filter(risk__in=on_record, assessed_on__lte=period.end).order_by(
        "assessed_on", "pk"
    ):
        latest[a.risk_id] = a
        if a.assessed_on <= previous_end:
            before[a.risk_id] = a
    escalated_to, escalated_now = {}, set()
    for e in (
        Escalation.objects.filter(
            risk__in=on_record, status=EscalationStatus.ACCEPTED, decided_at__date__lte=period.end
        )
        .select_related("to_register")
        .order_by("decided_at", "pk")
    ):
        up = e.direction == EscalationDirection.UP
        escalated_to[e.risk_id] = e.to_register.name if up else None
        if e.decided_at.date() >= period.start and up:
            escalated_now.add(e.risk_id)
    actions = defaultdict(list)
    for action in (
        Action.objects.filter(risk__in=on_record.filter(area__isnull=False))
        .filter(Q(status__in=ACTION_STATUSES_OPEN) | Q(completed_on__gt=period.end))
        .select_related("owner")
        .order_by("due_on", "pk")
    ):
        actions[action.risk_id].append(
            {
                "description": action.description,
                "owner": action.owner.get_full_name() or action.owner.username,
                "due": (action.revised_due_on or action.due_on).isoformat(),
                "status": action.get_status_display(),
            }
        )
    lines = []
    for risk in rows:
        now = latest.get(risk.pk)
        lk, im = (
            (now.likelihood, now.impact) if now else (risk.current_likelihood, risk.current_impact)
        )
        band = matrix.band_for(lk, im)
        then = before.get(risk.pk)
        closed = risk.closed_on is not None and risk.closed_on <= period.end
        lines.append(
            RiskSnapshot(
                risk=risk,
                reference=risk.reference,
                title=risk.title,
                register=escalated_to.get(risk.pk) or risk.register.name,
                own_register=risk.register.name,
                directorate_code=risk.register.directorate.code
                if risk.register.directorate
                else "",
                owner=risk.owner.get_full_name() or risk.owner.username,
                category=risk.get_category_display(),
                likelihood=lk,
                impact=im,
                score=now.score if now else lk * im,
                band_key=now.band_key if now else band.key,
                band_label=now.band_label if now else band.label,
                band_colour=now.band_colour if now else band.colour,
                band_severity=band.severity,
                previous_likelihood=then.likelihood if then else None,
                previous_impact=then.impact if then else None,
                previous_score=then.score if then else None,
                movement=movement(then.score if then else None, now.score if now else lk * im),
                area=risk.area.name if risk.area else "",
                is_open=not closed,
                is_new=risk.identified_on >= period.start,
                escalated_this_period=risk.pk in escalated_now,
                is_confidential=risk.is_confidential,
                actions=actions.get(risk.pk, []),
            )
        )
    return lines


def area_lines() -> list[AreaSnapshot]:
    return [
        AreaSnapshot(
            name=area.name,
            owner=area.owner.get_full_name() or area.owner.username,
            description=area.description,
            mitigation_summary=area.mitigation_summary,
        )
        for area in RiskArea.objects.filter(is_archived=False).select_related("owner")
    ]
