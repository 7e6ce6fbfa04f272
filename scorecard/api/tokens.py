"""API tokens: each person may hold one, shown only to them, and replace it at any time."""

from django.db import transaction
from rest_framework.authtoken.models import Token


def api_token_get(*, user) -> Token | None:
    return Token.objects.filter(user=user).first()


@transaction.atomic
def api_token_replace(*, user) -> Token:
    """A new token for the person; the old one stops working at once."""
    Token.objects.filter(user=user).delete()
    return Token.objects.create(user=user)
