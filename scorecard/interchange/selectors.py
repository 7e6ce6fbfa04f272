"""Reads for the export: every sheet of everything a person keys in, limited to what they may see.

Each sheet is one query (two for indicators and people, with their many-to-many), however many
rows it has. Rows are plain dicts keyed by the template's column keys.
"""

import json
from collections.abc import Callable, Iterator

from django.db.models import Prefetch, QuerySet

from scorecard.organisation.access import Action
from scorecard.organisation.choices import MONTH_CHOICES
from scorecard.organisation.models import Directorate, Membership, Service, User
from scorecard.organisation.selectors import (
    organisation_settings_get,
    user_can_manage_organisation,
)
from scorecard.performance.access import indicator_access, measurement_access, target_access
from scorecard.performance.models import ReportingPeriod
from scorecard.risks.access import (
    action_access,
    assessment_access,
    control_access,
    risk_access,
    risk_area_access,
)
from scorecard.risks.models import Register

from . import access, action_rows, project_rows, setup_rows
from .models import ImportLayout
from .schema import SHEETS, SheetSpec

MONTHS = dict(MONTH_CHOICES)


# What each sheet exports: one queryset per sheet, limited to what the person may see. The rows
# below read them; export_row_count() counts them (the size that sends an export to the
# background). The Organisation settings sheet is one row.
SOURCES: dict[str, Callable[[object], QuerySet]] = {
    "directorates": lambda user: Directorate.objects.all(),
    "services": lambda user: Service.objects.all(),
    "people": lambda user: User.objects.all(),
    "indicators": lambda user: indicator_access(user, Action.VIEW),
    "targets": lambda user: target_access(user, Action.VIEW),
    "measurements": lambda user: measurement_access(user, Action.VIEW),
    "registers": lambda user: Register.objects.all(),
    "risk_areas": lambda user: risk_area_access(user, Action.VIEW),
    "risks": lambda user: risk_access(user, Action.VIEW),
    "controls": lambda user: control_access(user, Action.VIEW),
    "actions": lambda user: action_access(user, Action.VIEW),
    "assessments": lambda user: assessment_access(user, Action.VIEW),
    "periods": lambda user: ReportingPeriod.objects.all(),
    **setup_rows.SOURCES,
    **project_rows.SOURCES,
    **action_rows.SOURCES,
}


def _name(user) -> str:
    return user.username if user is not None else ""


def _organisation_settings(user) -> Iterator[dict]:
    settings = organisation_settings_get()
    yield {
        "name": settings.name,
        "financial_year_start_month": MONTHS[settings.financial_year_start_month],
        "ons_code": settings.ons_code,
    }


def _services(user) -> Iterator[dict]:
    queryset = SOURCES["services"](user).select_related("directorate")
    for s in queryset.order_by("directorate__code", "name"):
        yield {"directorate": s.directorate.code, "name": s.name, "is_archived": s.is_archived}


def _directorates(user) -> Iterator[dict]:
    for d in SOURCES["directorates"](user).select_related("director").order_by("code"):
        yield {
            "code": d.code,
            "name": d.name,
            "director": _name(d.director),
            "is_archived": d.is_archived,
        }


def _people(user) -> Iterator[dict]:
    memberships = Prefetch(
        "memberships",
        queryset=Membership.objects.select_related("directorate").order_by(
            "role", "directorate__code"
        ),
    )
    for person in SOURCES["people"](user).order_by("username").prefetch_related(memberships):
        roles = [
            m.role + (f":{m.directorate.code}" if m.directorate_id else "")
            for m in person.memberships.all()
        ]
        yield {
            "username": person.username,
            "first_name": person.first_name,
            "last_name": person.last_name,
            "email": person.email,
            "job_title": person.job_title,
            "roles": "; ".join(roles),
        }


def _indicators(user) -> Iterator[dict]:
    queryset = (
        SOURCES["indicators"](user)
        .select_related("directorate", "owner", "portfolio")
        .prefetch_related(Prefetch("updaters", queryset=User.objects.order_by("username")))
        .order_by("code")
    )
    for i in queryset:
        yield {
            "code": i.code,
            "title": i.title,
            "directorate": i.directorate.code,
            "definition": i.definition,
            "rationale": i.rationale,
            "unit": i.unit,
            "decimals": i.decimals,
            "polarity": i.polarity,
            "frequency": i.frequency,
            "due_quarter": i.due_quarter,
            "first_due_year": i.first_due_year,
            "aggregation": i.aggregation,
            "ratio_scale": i.ratio_scale,
            "target_basis": i.target_basis,
            "owner": _name(i.owner),
            "updaters": "; ".join(u.username for u in i.updaters.all()),
            "portfolio": i.portfolio.name if i.portfolio_id else "",
            "data_source": i.data_source,
            "is_contextual": i.is_contextual,
            "status_rule": json.dumps(i.status_rule, sort_keys=True),
            "is_retired": i.is_retired,
        }


def _targets(user) -> Iterator[dict]:
    queryset = SOURCES["targets"](user).select_related("indicator")
    for t in queryset.order_by("indicator__code", "period_start", "period"):
        yield {
            "indicator": t.indicator.code,
            "period": t.period,
            "value": t.value,
            "notes": t.notes,
        }


def _measurements(user) -> Iterator[dict]:
    queryset = SOURCES["measurements"](user).select_related("indicator")
    for m in queryset.order_by("indicator__code", "period_start", "period"):
        yield {
            "indicator": m.indicator.code,
            "period": m.period,
            "value": m.value,
            "numerator": m.numerator,
            "denominator": m.denominator,
            "commentary": m.commentary,
            "commentary_is_internal": m.commentary_is_internal,
            "improvement_actions": m.improvement_actions,
            "data_quality": m.data_quality,
            "manual_rating": m.manual_rating,
            "manual_reason": m.manual_reason,
            "state": m.state,
            "review_note": m.review_note,
        }


def _registers(user) -> Iterator[dict]:
    queryset = SOURCES["registers"](user).select_related("directorate", "parent")
    for r in queryset.order_by("kind", "name"):
        yield {
            "name": r.name,
            "kind": r.kind,
            "directorate": r.directorate.code if r.directorate_id else "",
            "parent": r.parent.name if r.parent_id else "",
            "description": r.description,
            "is_archived": r.is_archived,
        }


def _risk_areas(user) -> Iterator[dict]:
    for a in SOURCES["risk_areas"](user).select_related("owner").order_by("name"):
        yield {
            "name": a.name,
            "owner": a.owner.username,
            "description": a.description,
            "mitigation_summary": a.mitigation_summary,
            "is_archived": a.is_archived,
        }


def _risks(user) -> Iterator[dict]:
    queryset = SOURCES["risks"](user).select_related("register", "owner", "area", "escalated_to")
    for r in queryset.order_by("reference"):
        yield {
            "reference": r.reference,
            "title": r.title,
            "register": r.register.name,
            "category": r.category_id,
            "owner": r.owner.username,
            "area": r.area.name if r.area_id else "",
            "cause": r.cause,
            "event": r.event,
            "consequence": r.consequence,
            "inherent_likelihood": r.inherent_likelihood,
            "inherent_impact": r.inherent_impact,
            "current_likelihood": r.current_likelihood,
            "current_impact": r.current_impact,
            "inherent_score": r.inherent_score,
            "current_score": r.current_score,
            "target_likelihood": r.target_likelihood,
            "target_impact": r.target_impact,
            "target_date": r.target_date,
            "review_months": r.review_months,
            "identified_on": r.identified_on,
            "is_confidential": r.is_confidential,
            "status": r.status,
            "closed_on": r.closed_on,
            "closure_reason": r.closure_reason,
        }


def _controls(user) -> Iterator[dict]:
    queryset = SOURCES["controls"](user).select_related("risk", "owner")
    for c in queryset.order_by("risk__reference", "pk"):
        yield {
            "risk": c.risk.reference,
            "description": c.description,
            "owner": _name(c.owner),
            "effectiveness": c.effectiveness,
            "is_archived": c.is_archived,
        }


def _actions(user) -> Iterator[dict]:
    queryset = SOURCES["actions"](user).select_related("risk", "owner")
    for a in queryset.order_by("risk__reference", "due_on", "pk"):
        yield {
            "risk": a.risk.reference,
            "description": a.description,
            "owner": a.owner.username,
            "due_on": a.due_on,
            "revised_due_on": a.revised_due_on,
            "status": a.status,
            "percent_complete": a.percent_complete,
            "progress": a.progress,
            "on_track": a.on_track,
        }


def _assessments(user) -> Iterator[dict]:
    queryset = SOURCES["assessments"](user).select_related("risk", "assessor")
    for a in queryset.order_by("risk__reference", "assessed_on", "pk"):
        yield {
            "risk": a.risk.reference,
            "assessed_on": a.assessed_on,
            "period": a.period,
            "likelihood": a.likelihood,
            "impact": a.impact,
            "commentary": a.commentary,
            "assessor": a.assessor.username,
        }


def _periods(user) -> Iterator[dict]:
    for p in SOURCES["periods"](user).order_by("period_start"):
        yield {"period": p.period, "state": p.state}


ROWS = {
    "organisation_settings": _organisation_settings,
    "directorates": _directorates,
    "services": _services,
    "people": _people,
    "indicators": _indicators,
    "targets": _targets,
    "measurements": _measurements,
    "registers": _registers,
    "risk_areas": _risk_areas,
    "risks": _risks,
    "controls": _controls,
    "actions": _actions,
    "assessments": _assessments,
    "periods": _periods,
    **setup_rows.ROWS,
    **project_rows.ROWS,
    **action_rows.ROWS,
}


def export_sheets_for(user) -> list[SheetSpec]:
    """The sheets a person may export: people (with their email addresses) only for the team."""
    if not access.user_can_export(user):
        return []
    return [s for s in SHEETS if s.key != "people" or user_can_manage_organisation(user)]


def export_row_count(user) -> int:
    """How many rows an export for `user` writes, every sheet included: one COUNT per sheet."""
    return sum(
        SOURCES[sheet.key](user).count() if sheet.key in SOURCES else 1
        for sheet in export_sheets_for(user)
    )


def export_rows(*, user, sheet: SheetSpec) -> list[dict]:
    return list(ROWS[sheet.key](user))


def import_layout_find(*, signature: str) -> ImportLayout | None:
    return ImportLayout.objects.filter(signature=signature).first()
