"""Who may see and change risks: the one access chokepoint of the risks app.

`risk_access(user, action)` returns the risks a person may view or edit, filtered in SQL with
EXISTS subqueries on their memberships, never a list of ids. Every risk page, the search and the
reminders go through it; assessments, controls, actions and escalations follow their risk.

- administrators see and change every risk, and decide escalations;
- auditors see every risk, confidential ones included, and change none;
- a directorate editor changes the risks on their directorate's registers;
- a risk's owner changes it;
- every other role reads the risks that are not confidential; a confidential risk is seen only by
  members (any role) of its register's directorate, its owner, administrators and auditors.
"""

from django.db.models import Exists, OuterRef, Q, QuerySet

from scorecard.actions import access as actions_access
from scorecard.core.confidentiality import EVERY_RISK, NO_RISK, RiskVisibility
from scorecard.organisation.access import Action, action_of
from scorecard.organisation.choices import Role
from scorecard.organisation.models import Membership
from scorecard.organisation.selectors import user_has_role, user_is_administrator, user_memberships

from .models import Action as RiskAction
from .models import Assessment, Control, Escalation, Register, Risk, RiskArea

RISK_ACTIONS = {Action.VIEW, Action.EDIT, Action.DECIDE}  # DECIDE: an escalation


def _member_of_register_directorate(
    user, roles: list[str] | None = None, ref: str = "register__directorate"
) -> Exists:
    memberships = Membership.objects.filter(person=user, directorate=OuterRef(ref))
    if roles is not None:
        memberships = memberships.filter(role__in=roles)
    return Exists(memberships)


def risk_access(
    user, action: Action | str = Action.VIEW, risks: QuerySet[Risk] | None = None
) -> QuerySet[Risk]:
    """The risks `user` may `action` (view, edit, or decide an escalation of)."""
    action = action_of(action, RISK_ACTIONS)
    risks = Risk.objects.all() if risks is None else risks
    if not (user.is_authenticated and (user.is_superuser or user_memberships(user))):
        return risks.none()
    if user_is_administrator(user):
        return risks
    if action is Action.DECIDE:
        return risks.none()
    if action is Action.EDIT:
        return risks.filter(
            _member_of_register_directorate(user, [Role.DIRECTORATE_EDITOR]) | Q(owner=user)
        )
    if user_has_role(user, Role.AUDITOR):
        return risks
    return risks.filter(
        Q(is_confidential=False) | Q(owner=user) | _member_of_register_directorate(user)
    )


def risk_visibility(user) -> RiskVisibility:
    """`risk_access`'s view rule as facts about `user`, for risks read from elsewhere (kept or
    published report lines): at most one query, whatever the number of lines. `user` None is
    the public, who read the risks that are not confidential."""
    if user is not None:
        if not (user.is_authenticated and (user.is_superuser or user_memberships(user))):
            return NO_RISK
        if user_is_administrator(user) or user_has_role(user, Role.AUDITOR):
            return EVERY_RISK
    confidential, owned = set(), set()
    condition = Q(is_confidential=True) if user is None else Q(is_confidential=True) | Q(owner=user)
    rows = Risk.objects.filter(condition)
    for pk, is_confidential, owner_id in rows.values_list("pk", "is_confidential", "owner_id"):
        if is_confidential:
            confidential.add(pk)
        if user is not None and owner_id == user.pk:
            owned.add(pk)
    codes = (
        {m.directorate.code for m in user_memberships(user) if m.directorate_id}
        if user is not None
        else set()
    )
    return RiskVisibility(
        directorate_codes=frozenset(codes),
        owned=frozenset(owned),
        confidential_now=frozenset(confidential),
    )


def action_access(user, action: Action | str = Action.VIEW) -> QuerySet[RiskAction]:
    """A risk's actions: every action follows its subject (scorecard.actions.access)."""
    return actions_access.action_access(user, action).filter(risk__isnull=False)


def control_access(user, action: Action | str = Action.VIEW) -> QuerySet[Control]:
    """Controls follow their risk."""
    return Control.objects.filter(risk__in=risk_access(user, action))


def assessment_access(user, action: Action | str = Action.VIEW) -> QuerySet[Assessment]:
    """Assessments (reviews) follow their risk."""
    return Assessment.objects.filter(risk__in=risk_access(user, action))


def risk_area_access(user, action: Action | str = Action.VIEW) -> QuerySet[RiskArea]:
    """Risk areas are read by every role; changed by the performance and risk team."""
    action = action_of(action, {Action.VIEW, Action.EDIT})
    areas = RiskArea.objects.all()
    if not (user.is_authenticated and (user.is_superuser or user_memberships(user))):
        return areas.none()
    return areas if action is Action.VIEW or user_can_manage_risks(user) else areas.none()


def escalation_access(user, action: Action | str = Action.VIEW) -> QuerySet[Escalation]:
    """Escalations follow their risk; deciding them is for administrators."""
    return Escalation.objects.filter(risk__in=risk_access(user, action))


def register_access(user, action: Action | str = Action.VIEW) -> QuerySet[Register]:
    """Registers in use that `user` may read, or add and move risks to (edit): every register for
    administrators, their directorates' registers for directorate editors, none for the rest.
    Changing a register itself is for administrators (user_can_manage_risks)."""
    action = action_of(action, RISK_ACTIONS)
    registers = Register.objects.filter(is_archived=False)
    if not (user.is_authenticated and (user.is_superuser or user_memberships(user))):
        return registers.none()
    if user_is_administrator(user) or action is Action.VIEW:
        return registers
    if action is Action.DECIDE:
        return registers.none()
    return registers.filter(
        _member_of_register_directorate(user, [Role.DIRECTORATE_EDITOR], ref="directorate")
    )


def registers_for_risk(user, risk: Risk) -> QuerySet[Register]:
    """The registers a risk may be moved to on its form: those the person may add risks to, and
    the one it is on now (a risk owner who edits no register keeps it where it is)."""
    return Register.objects.filter(
        Q(pk__in=register_access(user, Action.EDIT).values("pk")) | Q(pk=risk.register_id)
    )


def can(user, action: Action | str, risk: Risk) -> bool:
    """One risk: a single EXISTS query through risk_access."""
    return risk_access(user, action).filter(pk=risk.pk).exists()


def user_can_manage_risks(user) -> bool:
    """Registers, the matrix, areas and escalation decisions: the performance and risk team."""
    return user_is_administrator(user)
