"""Reads for the organisation app, including the access chokepoint for people and roles."""

from django.db.models import QuerySet

from .choices import Role
from .models import Directorate, Membership, OrganisationSettings, User


def organisation_settings_get() -> OrganisationSettings:
    """The single settings row; defaults until an administrator saves it."""
    settings = OrganisationSettings.objects.order_by("pk").first()
    return settings or OrganisationSettings()


def user_has_role(user, role: Role, directorate: Directorate | None = None) -> bool:
    """Does the user hold `role` (for `directorate`, or organisation-wide)?"""
    if not user.is_authenticated:
        return False
    memberships = Membership.objects.filter(person=user, role=role)
    if directorate is not None:
        memberships = memberships.filter(directorate__in=[directorate.pk, None])
    return memberships.exists()


def user_is_administrator(user) -> bool:
    return bool(
        user.is_authenticated and (user.is_superuser or user_has_role(user, Role.ADMINISTRATOR))
    )


def user_can_view_administration(user) -> bool:
    """Administrators and auditors see who holds which role."""
    return user_is_administrator(user) or user_has_role(user, Role.AUDITOR)


def user_roles(user) -> list[Membership]:
    if not user.is_authenticated:
        return []
    return list(Membership.objects.filter(person=user).select_related("directorate"))


def directorates_list() -> QuerySet[Directorate]:
    return Directorate.objects.filter(is_archived=False).prefetch_related("services")


def people_list() -> QuerySet[User]:
    return User.objects.filter(is_active=True).prefetch_related("memberships__directorate")
