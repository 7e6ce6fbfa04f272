"""API tokens: each person may hold one. Only its SHA-512 digest is stored (django-rest-knox), so
the token itself is shown once, when it is made; the person can replace it at any time."""

from django.db import transaction
from knox.models import AuthToken


def api_token_get(*, user) -> AuthToken | None:
    """The person's token: when it was made, when it expires and its first characters."""
    return AuthToken.objects.filter(user=user).order_by("-created").first()


@transaction.atomic
def api_token_replace(*, user) -> tuple[AuthToken, str]:
    """A new token for the person, and its text to show them once; the old one stops working at
    once."""
    AuthToken.objects.filter(user=user).delete()
    return AuthToken.objects.create(user=user)
