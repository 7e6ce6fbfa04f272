"""The council's clock: the one source of "today" and "now".

Everything that depends on the date reads it here: what is due, late or overdue, the next
update and review due, reminders, the default date of a review or a closure, and the moments
stamped on records (entered, approved, changed, published, and history rows).

In production it is the real clock. A council with a fixed date (`OrganisationSettings.clock_date`;
`scorecard load-demo` sets the demo council's to 4 December 2017, in the Quarter Three 2017/18
update window) lives on that day: `today()` is the date and `now()` the date at the real time of
day, so records made while using it are stamped inside its year. Pure cores never read a clock:
they take `today` as a parameter.
"""

import datetime as dt

from django.utils import timezone

from .models import OrganisationSettings
from .selectors import organisation_settings_get


def fixed_date(settings: OrganisationSettings | None = None) -> dt.date | None:
    """The council's fixed date, or None when it follows the real clock. A caller that has
    read the settings row already passes it."""
    return (settings or organisation_settings_get()).clock_date


def today(settings: OrganisationSettings | None = None) -> dt.date:
    """The council's today, in its local time zone."""
    return fixed_date(settings) or timezone.localdate()


def now() -> dt.datetime:
    """The council's present moment (aware): with a fixed date, that date at the real time."""
    real = timezone.now()
    fixed = fixed_date()
    if fixed is None:
        return real
    local = timezone.localtime(real)
    return timezone.make_aware(
        dt.datetime.combine(fixed, local.time().replace(tzinfo=None)), local.tzinfo
    )


def stamp_history_row(sender, history_instance, **kwargs) -> None:
    """django-simple-history's signal: a history row is stamped by the council's clock, unless
    its writer gave its own moment (`instance._history_date`)."""
    instance = kwargs.get("instance")
    if instance is not None and hasattr(instance, "_history_date"):
        return
    if fixed_date() is not None:
        history_instance.history_date = now()
