"""The demo council: a fictional county council used by `make demo` and the browser tests.

Deterministic and idempotent. Each part of the product adds its own loader module here.
"""

from django.conf import settings
from django.db import transaction

from . import organisation

DEMO_PASSWORD = "scorecard-demo"  # noqa: S105 - documented demo password, refused in production


class DemoRefused(RuntimeError):
    """Raised when asked to create the demo accounts in production."""


@transaction.atomic
def load_demo() -> list[organisation.DemoAccount]:
    if settings.PRODUCTION:
        raise DemoRefused(
            "The demo council and its accounts are never created in production (SCORECARD_ENV=production)."
        )
    return organisation.load(password=DEMO_PASSWORD)
