"""Reads for the export of the project sheets (see project_sheets.py): projects, milestones and
finances by financial year, limited to the projects the person may see (projects/access.py).

One query per sheet (two for projects, with their priorities); rows are dicts keyed by column key.
A project is named on the Milestones and Finances sheets by its reference, or by its name when
it has none.
"""

from collections.abc import Callable, Iterator

from django.db.models import QuerySet

from scorecard.organisation.access import Action
from scorecard.projects.access import finance_access, milestone_access, project_access

SOURCES: dict[str, Callable[[object], QuerySet]] = {
    "projects": lambda user: project_access(user, Action.VIEW),
    "milestones": lambda user: milestone_access(user, Action.VIEW),
    "project_finances": lambda user: finance_access(user, Action.VIEW),
}


def _name(user) -> str:
    return user.username if user is not None else ""


def _project(project) -> str:
    return project.reference or project.name


def projects(user) -> Iterator[dict]:
    queryset = (
        SOURCES["projects"](user)
        .select_related("programme", "owner", "sponsor", "directorate", "stage")
        .prefetch_related("priorities")
        .order_by("reference", "name")
    )
    for p in queryset:
        yield {
            "reference": p.reference,
            "name": p.name,
            "programme": p.programme.name if p.programme_id else "",
            "owner": _name(p.owner),
            "sponsor": _name(p.sponsor),
            "directorate": p.directorate.code,
            "stage": p.stage.name if p.stage_id else "",
            "start_date": p.start_date,
            "end_date": p.end_date,
            "priorities": "; ".join(sorted(pr.code for pr in p.priorities.all())),
            "description": p.description,
            "is_archived": p.is_archived,
        }


def milestones(user) -> Iterator[dict]:
    queryset = SOURCES["milestones"](user).select_related("project")
    for m in queryset.order_by("project__reference", "project__name", "planned_date", "name"):
        yield {
            "project": _project(m.project),
            "name": m.name,
            "planned_date": m.planned_date,
            "forecast_date": m.forecast_date,
            "actual_date": m.actual_date,
            "is_archived": m.is_archived,
        }


def finances(user) -> Iterator[dict]:
    queryset = SOURCES["project_finances"](user).select_related("project")
    for f in queryset.order_by("project__reference", "project__name", "year"):
        yield {
            "project": _project(f.project),
            "year": f.year,
            "budget": f.budget,
            "spend": f.spend,
            "forecast_spend": f.forecast_spend,
            "savings_target": f.savings_target,
            "savings_achieved": f.savings_achieved,
        }


ROWS = {"projects": projects, "milestones": milestones, "project_finances": finances}
