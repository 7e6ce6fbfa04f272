"""Helpers for the import and export commands."""

from django.core.management.base import CommandError

from scorecard.organisation.choices import Role
from scorecard.organisation.models import User


def resolve_user(username: str | None, *, named: bool = False) -> User:
    """The person whose access the command uses: named, or (unless it must be `named`, as for
    an import, which records that person as having entered and approved its values) the only
    active administrator."""
    if not username and named:
        raise CommandError(
            "Say who is importing: --user USERNAME (or set SCORECARD_USER). The values imported "
            "are recorded as entered, and approved, by that person."
        )
    if username:
        person = User.objects.filter(username=username, is_active=True).first()
        if person is None:
            raise CommandError(f"Nobody with the username {username!r} can sign in.")
        return person
    admins = list(
        User.objects.filter(is_active=True, memberships__role=Role.ADMINISTRATOR).distinct()[:2]
    )
    if len(admins) != 1:
        raise CommandError("Say whose access to use: --user USERNAME (or set SCORECARD_USER).")
    return admins[0]
