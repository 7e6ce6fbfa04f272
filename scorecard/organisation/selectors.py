"""Reads for the organisation app, including the access chokepoint for people and roles."""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models import QuerySet

from .choices import Role
from .models import Directorate, Membership, OrganisationSettings, User

# The settings row read once per request (`middleware.OrganisationSettingsMiddleware`): every
# page shows the council's name and reads its clock. Outside a request it is read each time.
_request_settings: ContextVar[dict | None] = ContextVar("organisation_settings", default=None)


def organisation_settings_get() -> OrganisationSettings:
    """The single settings row; defaults until an administrator saves it."""
    kept = _request_settings.get()
    if kept and "row" in kept:
        return kept["row"]
    settings = OrganisationSettings.objects.order_by("pk").first() or OrganisationSettings()
    if kept is not None and not kept.get("changed"):
        kept["row"] = settings
    return settings


def organisation_settings_changed() -> None:
    """The row was saved in this request: read it again from now on (an import's preview rolls
    its change back, so nothing read during the change is kept)."""
    kept = _request_settings.get()
    if kept is not None:
        kept.clear()
        kept["changed"] = True


def organisation_settings_kept_for_request():
    """Start keeping the settings row for the request; returns the token that ends it."""
    return _request_settings.set({})


def organisation_settings_request_ended(token) -> None:
    _request_settings.reset(token)


@contextmanager
def organisation_settings_kept():
    """Read the settings row once inside the block (a request, an import, a command)."""
    token = organisation_settings_kept_for_request()
    try:
        yield
    finally:
        organisation_settings_request_ended(token)


def user_memberships(user) -> list[Membership]:
    """The roles a user holds, read once and kept on the user object for the request."""
    if not user.is_authenticated:
        return []
    cached = getattr(user, "_memberships", None)
    if cached is None:
        cached = list(Membership.objects.filter(person=user).select_related("directorate"))
        user._memberships = cached
    return cached


def user_has_role(user, role: Role, directorate: Directorate | None = None) -> bool:
    """Does the user hold `role`, organisation-wide or (when given) for `directorate`?"""
    return any(
        m.role == role and (directorate is None or m.directorate_id in {None, directorate.pk})
        for m in user_memberships(user)
    )


def user_is_administrator(user) -> bool:
    return bool(
        user.is_authenticated and (user.is_superuser or user_has_role(user, Role.ADMINISTRATOR))
    )


def user_can_manage_organisation(user) -> bool:
    """Only administrators change settings, directorates, people and roles."""
    return user_is_administrator(user)


def user_can_view_administration(user) -> bool:
    """Administrators and auditors see who holds which role."""
    return user_is_administrator(user) or user_has_role(user, Role.AUDITOR)


def directorates_list() -> QuerySet[Directorate]:
    return Directorate.objects.filter(is_archived=False).prefetch_related("services")


def people_list() -> QuerySet[User]:
    return User.objects.filter(is_active=True).prefetch_related("memberships__directorate")
