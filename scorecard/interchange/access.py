"""Who may read and change what, for imports, exports, open data and the API.

TEMPORARY home: issue 5 builds the web's per-role access functions in
`scorecard/performance/selectors.py` and `scorecard/risks/selectors/`. Until then, the import,
the export and the API use these, and they should be merged into those when they exist.

Every function returns a queryset filtered in SQL (EXISTS subqueries on the person's
memberships), never a Python list of ids. The roles (scorecard.organisation.choices.Role):

- administrator: reads and changes everything;
- directorate editor: changes the indicators and risks of their directorate(s);
- indicator updater: changes the indicators they own or update;
- risk owner: changes the risks they own;
- reader, auditor (and every other role): read.
Confidential risks are read only by administrators, auditors and members (any role) of the
directorate of the risk's register.
"""

from django.db.models import Exists, OuterRef, Q, QuerySet

from scorecard.organisation.choices import Role
from scorecard.organisation.models import Membership
from scorecard.organisation.selectors import user_has_role, user_is_administrator, user_memberships
from scorecard.performance.models import Indicator, Measurement, ScorecardEntry, Target
from scorecard.risks.models import (
    Action,
    Assessment,
    Control,
    Escalation,
    Register,
    Risk,
    RiskArea,
)


def user_has_any_role(user) -> bool:
    return bool(user.is_authenticated and (user.is_superuser or user_memberships(user)))


def _member_of(user, directorate_ref: str, roles: list[str] | None = None) -> Exists:
    """EXISTS (a membership of `user` in the directorate at `directorate_ref`)."""
    memberships = Membership.objects.filter(person=user, directorate=OuterRef(directorate_ref))
    if roles is not None:
        memberships = memberships.filter(role__in=roles)
    return Exists(memberships)


def editor_directorates(user) -> set[int]:
    """The directorates a user edits as directorate editor (from the cached memberships)."""
    return {
        m.directorate_id
        for m in user_memberships(user)
        if m.role == Role.DIRECTORATE_EDITOR and m.directorate_id
    }


# --- performance ---------------------------------------------------------------------------------


def indicators_readable(user, queryset: QuerySet[Indicator] | None = None) -> QuerySet[Indicator]:
    queryset = Indicator.objects.all() if queryset is None else queryset
    return queryset if user_has_any_role(user) else queryset.none()


def indicators_editable(user, queryset: QuerySet[Indicator] | None = None) -> QuerySet[Indicator]:
    queryset = Indicator.objects.all() if queryset is None else queryset
    if not user.is_authenticated:
        return queryset.none()
    if user_is_administrator(user):
        return queryset
    return queryset.filter(
        _member_of(user, "directorate", [Role.DIRECTORATE_EDITOR])
        | Q(owner=user)
        | Exists(Indicator.updaters.through.objects.filter(indicator=OuterRef("pk"), user=user))
    )


def measurements_readable(user) -> QuerySet[Measurement]:
    return Measurement.objects.filter(indicator__in=indicators_readable(user))


def scorecard_entries_readable(user) -> QuerySet[ScorecardEntry]:
    return ScorecardEntry.objects.filter(indicator__in=indicators_readable(user))


def targets_readable(user) -> QuerySet[Target]:
    return Target.objects.filter(indicator__in=indicators_readable(user))


def can_create_indicator_in(user, directorate_id: int | None) -> bool:
    return user_is_administrator(user) or directorate_id in editor_directorates(user)


def can_approve_measurements(user, indicator: Indicator) -> bool:
    """Approving (and returning) is for the performance team and the indicator's owner, as in
    scorecard.performance.access (issue 5)."""
    return user_is_administrator(user) or indicator.owner_id == user.pk


# --- risks -----------------------------------------------------------------------------------------


def risks_readable(user, queryset: QuerySet[Risk] | None = None) -> QuerySet[Risk]:
    queryset = Risk.objects.all() if queryset is None else queryset
    if not user_has_any_role(user):
        return queryset.none()
    if user_is_administrator(user) or user_has_role(user, Role.AUDITOR):
        return queryset
    return queryset.filter(Q(is_confidential=False) | _member_of(user, "register__directorate"))


def risks_editable(user, queryset: QuerySet[Risk] | None = None) -> QuerySet[Risk]:
    queryset = Risk.objects.all() if queryset is None else queryset
    if not user.is_authenticated:
        return queryset.none()
    if user_is_administrator(user):
        return queryset
    return queryset.filter(
        _member_of(user, "register__directorate", [Role.DIRECTORATE_EDITOR]) | Q(owner=user)
    )


def registers_editable(user) -> QuerySet[Register]:
    """Registers a user may add risks to."""
    if user_is_administrator(user):
        return Register.objects.all()
    return Register.objects.filter(_member_of(user, "directorate", [Role.DIRECTORATE_EDITOR]))


def assessments_readable(user) -> QuerySet[Assessment]:
    return Assessment.objects.filter(risk__in=risks_readable(user))


def controls_readable(user) -> QuerySet[Control]:
    return Control.objects.filter(risk__in=risks_readable(user))


def actions_readable(user) -> QuerySet[Action]:
    return Action.objects.filter(risk__in=risks_readable(user))


def escalations_readable(user) -> QuerySet[Escalation]:
    return Escalation.objects.filter(risk__in=risks_readable(user))


def risk_areas_readable(user) -> QuerySet[RiskArea]:
    return RiskArea.objects.all() if user_has_any_role(user) else RiskArea.objects.none()


# --- import and export -----------------------------------------------------------------------------


def user_can_import(user) -> bool:
    """Anyone who may change something: administrators, editors, updaters, risk owners."""
    if not user.is_authenticated:
        return False
    if user_is_administrator(user):
        return True
    return any(
        m.role in {Role.DIRECTORATE_EDITOR, Role.INDICATOR_UPDATER, Role.RISK_OWNER}
        for m in user_memberships(user)
    )


def user_can_export(user) -> bool:
    return user_has_any_role(user)


def user_manages_organisation(user) -> bool:
    """Directorates, people, registers, risk areas and period locks: administrators only."""
    return user_is_administrator(user)
