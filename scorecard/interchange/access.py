"""Who may import and export.

Who may see or change an object is decided in one access function per object type,
`<entity>_access(user, action)` with an `Action` (scorecard.organisation.access), in the app
that owns it, and the interchange app and the API call those directly:

- performance (`scorecard.performance.access`): `indicator_access` (view, edit, approve),
  `measurement_access`, `target_access`, `scorecard_entry_access`; creating or changing an
  indicator's definition, targets, reporting periods, Corporate Plans and scorecards:
  `user_can_administer` (the performance team);
- risks (`scorecard.risks.access`): `risk_access` (view, edit, decide), `assessment_access`,
  `action_access`, `control_access`, `escalation_access`, `register_access`,
  `risk_area_access`; the matrix and the appetite: `user_can_manage_risks`;
- projects (`scorecard.projects.access`): `project_access` (view, edit, approve),
  `milestone_access`, `finance_access`; projects and their finances: `user_can_manage_projects`;
- the organisation (settings, directorates, services, people):
  `scorecard.organisation.selectors.user_can_manage_organisation`.
"""

from scorecard.organisation.access import Action
from scorecard.organisation.selectors import user_is_administrator
from scorecard.performance.access import indicator_access, user_has_any_role
from scorecard.projects.access import project_access
from scorecard.risks.access import action_access, register_access, risk_access

__all__ = ["user_can_export", "user_can_import"]


# --- import and export -----------------------------------------------------------------------------


def user_can_import(user) -> bool:
    """Anyone who may change something: the team, or whoever the access functions let change an
    indicator's values, a risk, an action or a project, or add risks to a register (a few EXISTS
    queries)."""
    if not user_has_any_role(user):
        return False
    return (
        user_is_administrator(user)
        or indicator_access(user, Action.EDIT).exists()
        or risk_access(user, Action.EDIT).exists()
        or action_access(user, Action.EDIT).exists()
        or register_access(user, Action.EDIT).exists()
        or project_access(user, Action.EDIT).exists()
    )


def user_can_export(user) -> bool:
    return user_has_any_role(user)
