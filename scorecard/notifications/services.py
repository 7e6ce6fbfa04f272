"""Writes: the schedule, a person's alert choices, and alerts into the outbox.

`alerts_record` is called by the services that make the events (approving a red value,
returning a value, an assessment that rises a band, the schedule's overdue reviews) inside
their own transaction, so an alert exists exactly when its event does, whoever caused it:
the web, the API or an import."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from scorecard.organisation import clock

from .choices import AlertKind, Delivery
from .models import Alert, AlertPreference, Schedule
from .selectors import deliveries_for, schedule_get

SCHEDULE_FIELDS = (
    "send_time",
    "days_before_deadline",
    "late_every_days",
    "reviews_overdue",
    "digest_weekday",
    "digest_time",
)


@transaction.atomic
def schedule_update(**changes) -> Schedule:
    schedule = schedule_get()
    for name, value in changes.items():
        if name not in SCHEDULE_FIELDS:
            raise ValidationError({name: "This is not a setting of the schedule."})
        setattr(schedule, name, value)
    schedule.full_clean()
    schedule.save()
    return schedule


@transaction.atomic
def alert_preferences_set(*, person, choices: dict[str, str]) -> None:
    """Record how `person` wants each kind of alert; an unknown kind or choice is refused."""
    errors = {}
    for kind, delivery in choices.items():
        if kind not in AlertKind.values:
            errors[kind] = "This is not a kind of alert."
        elif delivery not in Delivery.values:
            errors[kind] = "Choose immediately, in the weekly digest, or never."
    if errors:
        raise ValidationError(errors)
    for kind, delivery in choices.items():
        AlertPreference.objects.update_or_create(
            person=person, kind=kind, defaults={"delivery": delivery}
        )


def absolute_url(path: str) -> str:
    return settings.SCORECARD_BASE_URL.rstrip("/") + path


def alerts_record(*, people, kind: str, key: str, subject: str, body: str, path: str) -> int:
    """Put an alert for each of `people` (once each, active with an email) into the outbox,
    as each chose; call it inside the event's transaction. Returns how many were written."""
    unique = {p.pk: p for p in people if p is not None and p.is_active and p.email}
    deliveries = deliveries_for(list(unique), kind)
    now = clock.now()
    alerts = [
        Alert(
            person=person,
            kind=kind,
            delivery=deliveries[pk],
            key=key,
            subject=subject,
            body=f"{body}\n\n{absolute_url(path)}",
            path=path,
            created_at=now,
        )
        for pk, person in unique.items()
        if deliveries[pk] != Delivery.NEVER
    ]
    Alert.objects.bulk_create(alerts, ignore_conflicts=True)
    return len(alerts)
