"""Who may see and change programmes and projects: the one access chokepoint of the projects app.

`project_access(user, action)` returns the projects a person may view, edit or approve, filtered
in SQL (EXISTS on their memberships), never a list of ids. Milestones, finances and quarterly
updates follow their project.

- administrators see every project, archived ones too, change and approve them;
- auditors see every project and change none;
- a project's owner (its manager) and its directorate's editors edit it and submit its updates;
- its sponsor and its programme's owner approve its updates, as administrators do: never an
  update they entered or submitted themselves (scorecard/core/duties.py), unless the council
  allows self-approval;
- everyone else with a role reads the projects that are not archived.
"""

from django.db.models import Exists, OuterRef, Q, QuerySet

from scorecard.organisation.access import Action, action_of
from scorecard.organisation.choices import Role
from scorecard.organisation.models import Membership
from scorecard.organisation.selectors import user_has_role, user_is_administrator, user_memberships

from .models import Milestone, Programme, Project, ProjectFinance, ProjectUpdate

PROJECT_ACTIONS = {Action.VIEW, Action.EDIT, Action.APPROVE}


def _has_role(user) -> bool:
    return bool(user.is_authenticated and (user.is_superuser or user_memberships(user)))


def project_access(
    user, action: Action | str = Action.VIEW, projects: QuerySet[Project] | None = None
) -> QuerySet[Project]:
    """The projects `user` may `action` (view, edit, or approve the updates of)."""
    action = action_of(action, PROJECT_ACTIONS)
    projects = Project.objects.all() if projects is None else projects
    if not _has_role(user):
        return projects.none()
    if user_is_administrator(user):
        return projects
    if action is Action.VIEW:
        if user_has_role(user, Role.AUDITOR):
            return projects
        return projects.filter(is_archived=False)
    live = projects.filter(is_archived=False)
    if action is Action.APPROVE:
        return live.filter(Q(sponsor=user) | Q(programme__owner=user))
    editors = Membership.objects.filter(
        person=user, role=Role.DIRECTORATE_EDITOR, directorate=OuterRef("directorate")
    )
    return live.filter(Q(owner=user) | Exists(editors))


def can(user, action: Action | str, project: Project) -> bool:
    """One project: a single EXISTS query through project_access."""
    return project_access(user, action).filter(pk=project.pk).exists()


def programme_access(user, action: Action | str = Action.VIEW) -> QuerySet[Programme]:
    """Programmes are read by every role (archived ones by administrators and auditors), and
    changed by administrators."""
    action = action_of(action, {Action.VIEW, Action.EDIT})
    programmes = Programme.objects.all()
    if not _has_role(user):
        return programmes.none()
    if user_is_administrator(user):
        return programmes
    if action is Action.EDIT:
        return programmes.none()
    if user_has_role(user, Role.AUDITOR):
        return programmes
    return programmes.filter(is_archived=False)


def milestone_access(user, action: Action | str = Action.VIEW) -> QuerySet[Milestone]:
    return Milestone.objects.filter(project__in=project_access(user, action))


def finance_access(user, action: Action | str = Action.VIEW) -> QuerySet[ProjectFinance]:
    return ProjectFinance.objects.filter(project__in=project_access(user, action))


def update_access(user, action: Action | str = Action.VIEW) -> QuerySet[ProjectUpdate]:
    """Updates follow their project; readers see approved updates only, as for values."""
    updates = ProjectUpdate.objects.filter(project__in=project_access(user, action))
    if action_of(action, PROJECT_ACTIONS) is not Action.VIEW:
        return updates
    if user_is_administrator(user) or user_has_role(user, Role.AUDITOR):
        return updates
    editable = project_access(user, Action.EDIT)
    approvable = project_access(user, Action.APPROVE)
    return updates.filter(Q(state="approved") | Q(project__in=editable) | Q(project__in=approvable))


def user_can_manage_projects(user) -> bool:
    """Programmes, stages, the RAG rules and new projects: the performance and risk team."""
    return user_is_administrator(user)
