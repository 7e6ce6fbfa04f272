"""The demo council: a fictional county council used by `make demo` and the browser tests.

Deterministic and idempotent. Each part of the product adds its own loader module here:
`organisation` (the council, its directorates and the three demo accounts), `performance`
(the Corporate Balanced Scorecard from 2015/16), `risks` (the Corporate Risk Register from
April 2017, its red risks linked to the indicators they threaten), `benchmarks` (comparators
for the ASCOF indicators, from real published files) and `reporting` (Quarter Two 2017/18
locked and published). Its Quarter Two
2017/18 reproduces the source Cabinet report (a county council's "Balanced Scorecard Performance
and Corporate Risk Update" to Cabinet, 14 December 2017). The whole demo council lives on
4 December 2017 (`organisation.CLOCK_DATE`, the council's clock), in the Quarter Three update
window.
"""

from django.conf import settings
from django.db import transaction

from . import organisation

DEMO_PASSWORD = "scorecard-demo"  # noqa: S105 - documented demo password, refused in production


class DemoRefused(RuntimeError):
    """Raised when asked to create the demo accounts in production."""


def _refuse_in_production() -> None:
    if settings.PRODUCTION:
        raise DemoRefused(
            "The demo council and its accounts are never created in production (SCORECARD_ENV=production)."
        )


@transaction.atomic
def load_demo_organisation() -> list[organisation.DemoAccount]:
    """Only the council, its directorates and the three accounts (fast: used by most tests)."""
    _refuse_in_production()
    return organisation.load(password=DEMO_PASSWORD)


@transaction.atomic
def load_demo() -> list[organisation.DemoAccount]:
    """Everything: organisation, scorecard, risk register and the published Quarter Two."""
    from scorecard.organisation.models import User

    from . import actions, audits, benchmarks, people, performance, projects, reporting, risks

    _refuse_in_production()
    organisation.set_clock()  # first, so every record made from here is stamped on its day
    accounts = organisation.load(password=DEMO_PASSWORD)
    users = {u.username: u for u in User.objects.filter(username__in=["admin", "editor", "reader"])}
    directors = people.load()
    performance.load(admin=users["admin"], editor=users["editor"], directors=directors)
    risks.load(admin=users["admin"], editor=users["editor"], directors=directors)
    benchmarks.load()
    projects.load(admin=users["admin"])
    actions.load(admin=users["admin"])
    audits.load(admin=users["admin"])
    reporting.load(admin=users["admin"])
    return accounts
