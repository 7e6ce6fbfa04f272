"""Who may import and export, and the few look-ups the import, the export and the API need
beside the apps' own access functions.

Who may see or change an object is decided in one access function per object type, in the app
that owns it, and the interchange app and the API call those directly:

- indicators: `scorecard.performance.access.indicator_access(user, "view" | "edit" | "approve")`
  (values: `measurement_access`); creating or changing an indicator's definition, its targets,
  reporting periods, Corporate Plans and scorecards: `user_can_administer` (the performance team);
- risks: `scorecard.risks.selectors.access.risk_access(user, "view" | "edit" | "decide")`, with
  `action_access`, `control_access`, `escalation_access` and `register_access`; registers, risk
  areas, the matrix and the appetite: `user_can_manage_risks`;
- the organisation (settings, directorates, services, people):
  `scorecard.organisation.selectors.user_can_manage_organisation`.

This module only adapts them where the export needs a queryset of rows that follow their
indicator or risk and the owning app has none (targets, scorecard entries, assessments), and
keeps what has no counterpart: who may import or export at all, and who reads risk areas.
"""

from django.db.models import QuerySet

from scorecard.organisation.selectors import user_is_administrator
from scorecard.performance.access import indicator_access, user_has_any_role
from scorecard.performance.models import ScorecardEntry, Target
from scorecard.risks.models import Assessment, RiskArea
from scorecard.risks.selectors.access import action_access, register_access, risk_access

__all__ = [
    "assessment_access",
    "risk_areas_visible",
    "scorecard_entry_access",
    "target_access",
    "user_can_export",
    "user_can_import",
    "user_has_any_role",
]


# --- rows that follow their indicator or risk ------------------------------------------------------


def target_access(user, action: str = "view") -> QuerySet[Target]:
    """Targets follow their indicator (indicator_access)."""
    return Target.objects.filter(indicator__in=indicator_access(user, action))


def scorecard_entry_access(user, action: str = "view") -> QuerySet[ScorecardEntry]:
    """A scorecard's entries follow their indicator (indicator_access)."""
    return ScorecardEntry.objects.filter(indicator__in=indicator_access(user, action))


def assessment_access(user, action: str = "view") -> QuerySet[Assessment]:
    """Assessments (reviews) follow their risk (risk_access)."""
    return Assessment.objects.filter(risk__in=risk_access(user, action))


def risk_areas_visible(user) -> QuerySet[RiskArea]:
    """Risk areas are read by every role (the risks app lists them to everyone signed in)."""
    return RiskArea.objects.all() if user_has_any_role(user) else RiskArea.objects.none()


# --- import and export -----------------------------------------------------------------------------


def user_can_import(user) -> bool:
    """Anyone who may change something: the team, or whoever the access functions let change an
    indicator's values, a risk or an action, or add risks to a register (a few EXISTS queries)."""
    if not user_has_any_role(user):
        return False
    return (
        user_is_administrator(user)
        or indicator_access(user, "edit").exists()
        or risk_access(user, "edit").exists()
        or action_access(user, "edit").exists()
        or register_access(user, "edit").exists()
    )


def user_can_export(user) -> bool:
    return user_has_any_role(user)
