"""Helpers for the import and export commands."""

from django.core.management.base import CommandError
from django.db.models import Q

from scorecard.organisation.choices import Role
from scorecard.organisation.models import User


def resolve_user(username: str | None) -> User:
    """The person whose access the command uses, and who is recorded as having made its changes:
    the one named, or else the only active administrator or superuser (a new installation has
    just one). Never nobody: every change has a person behind it."""
    if username:
        person = User.objects.filter(username=username, is_active=True).first()
        if person is None:
            raise CommandError(f"Nobody with the username {username!r} can sign in.")
        return person
    admins = list(
        User.objects.filter(is_active=True)
        .filter(Q(is_superuser=True) | Q(memberships__role=Role.ADMINISTRATOR))
        .distinct()[:2]
    )
    if len(admins) != 1:
        raise CommandError(
            "Say whose access to use, and who is recorded as making the changes: "
            "--user USERNAME (or set SCORECARD_USER)."
        )
    return admins[0]
