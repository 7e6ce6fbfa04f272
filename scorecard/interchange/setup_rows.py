"""Reads for the export of the set-up sheets (see setup_sheets.py): Corporate Plans and
priorities, scorecards and their versions, the risk matrix and appetite, and escalations.

One query per sheet, limited to what the person may see; rows are dicts keyed by column key.
"""

from collections.abc import Callable, Iterator

from django.db.models import QuerySet

from scorecard.organisation.access import Action
from scorecard.performance.access import scorecard_entry_access
from scorecard.performance.models import CorporatePlan, Priority, Scorecard, ScorecardVersion
from scorecard.risks.access import escalation_access
from scorecard.risks.models import MatrixBand, MatrixCell, MatrixLevel, RiskAppetite, RiskMatrix

from .columns import local_moment

SOURCES: dict[str, Callable[[object], QuerySet]] = {
    "corporate_plans": lambda user: CorporatePlan.objects.all(),
    "priorities": lambda user: Priority.objects.all(),
    "scorecards": lambda user: Scorecard.objects.all(),
    "scorecard_versions": lambda user: ScorecardVersion.objects.all(),
    "scorecard_entries": lambda user: scorecard_entry_access(user, Action.VIEW),
    "risk_matrices": lambda user: RiskMatrix.objects.all(),
    "matrix_levels": lambda user: MatrixLevel.objects.all(),
    "matrix_bands": lambda user: MatrixBand.objects.all(),
    "matrix_cells": lambda user: MatrixCell.objects.all(),
    "risk_appetite": lambda user: RiskAppetite.objects.all(),
    "escalations": lambda user: escalation_access(user, Action.VIEW),
}


def _name(user) -> str:
    return user.username if user is not None else ""


def corporate_plans(user) -> Iterator[dict]:
    for plan in SOURCES["corporate_plans"](user).order_by("adopted_on", "title"):
        yield {"title": plan.title, "adopted_on": plan.adopted_on, "is_archived": plan.is_archived}


def priorities(user) -> Iterator[dict]:
    queryset = SOURCES["priorities"](user).select_related("plan")
    for p in queryset.order_by("plan__adopted_on", "plan__title", "order", "code"):
        yield {
            "plan": p.plan.title,
            "code": p.code,
            "title": p.title,
            "order": p.order,
            "is_archived": p.is_archived,
        }


def scorecards(user) -> Iterator[dict]:
    for s in SOURCES["scorecards"](user).select_related("directorate").order_by("tier", "name"):
        yield {
            "name": s.name,
            "tier": s.tier,
            "directorate": s.directorate.code if s.directorate_id else "",
            "is_published": s.is_published,
            "is_archived": s.is_archived,
        }


def scorecard_versions(user) -> Iterator[dict]:
    queryset = SOURCES["scorecard_versions"](user).select_related("scorecard", "corporate_plan")
    for v in queryset.order_by("scorecard__name", "live_from_start"):
        yield {
            "scorecard": v.scorecard.name,
            "live_from": v.live_from,
            "corporate_plan": v.corporate_plan.title if v.corporate_plan_id else "",
            "notes": v.notes,
        }


def scorecard_entries(user) -> Iterator[dict]:
    queryset = SOURCES["scorecard_entries"](user).select_related(
        "version__scorecard", "indicator", "priority"
    )
    order = ("version__scorecard__name", "version__live_from_start", "order", "indicator__code")
    for e in queryset.order_by(*order):
        yield {
            "scorecard": e.version.scorecard.name,
            "live_from": e.version.live_from,
            "indicator": e.indicator.code,
            "priority": e.priority.code if e.priority_id else "",
            "order": e.order,
        }


def risk_matrices(user) -> Iterator[dict]:
    for m in SOURCES["risk_matrices"](user).order_by("name"):
        yield {"name": m.name, "is_current": m.is_current}


def matrix_levels(user) -> Iterator[dict]:
    for lv in (
        SOURCES["matrix_levels"](user)
        .select_related("matrix")
        .order_by("matrix__name", "axis", "number")
    ):
        yield {
            "matrix": lv.matrix.name,
            "axis": lv.axis,
            "number": lv.number,
            "label": lv.label,
            "descriptor": lv.descriptor,
        }


def matrix_bands(user) -> Iterator[dict]:
    for b in (
        SOURCES["matrix_bands"](user)
        .select_related("matrix")
        .order_by("matrix__name", "severity", "key")
    ):
        yield {
            "matrix": b.matrix.name,
            "key": b.key,
            "label": b.label,
            "colour": b.colour,
            "severity": b.severity,
            "review_months": b.review_months,
        }


def matrix_cells(user) -> Iterator[dict]:
    queryset = SOURCES["matrix_cells"](user).select_related("matrix", "band")
    for c in queryset.order_by("matrix__name", "-likelihood", "impact"):
        yield {
            "matrix": c.matrix.name,
            "likelihood": c.likelihood,
            "impact": c.impact,
            "band": c.band.key,
        }


def risk_appetite(user) -> Iterator[dict]:
    for a in SOURCES["risk_appetite"](user).order_by("category"):
        yield {
            "category": a.category_id,
            "maximum_score": a.maximum_score,
            "statement": a.statement,
        }


def escalations(user) -> Iterator[dict]:
    queryset = SOURCES["escalations"](user).select_related(
        "risk", "from_register", "to_register", "requested_by", "decided_by"
    )
    for e in queryset.order_by("risk__reference", "requested_at", "pk"):
        yield {
            "risk": e.risk.reference,
            "direction": e.direction,
            "from_register": e.from_register.name,
            "to_register": e.to_register.name,
            "reason": e.reason,
            "requested_by": e.requested_by.username,
            "requested_at": local_moment(e.requested_at),
            "status": e.status,
            "decided_by": _name(e.decided_by),
            "decided_at": local_moment(e.decided_at),
            "decision_note": e.decision_note,
        }


ROWS = {
    name: globals()[name]
    for name in (
        "corporate_plans", "priorities", "scorecards", "scorecard_versions", "scorecard_entries",
        "risk_matrices", "matrix_levels", "matrix_bands", "matrix_cells", "risk_appetite",
        "escalations",
    )
}  # fmt: skip
