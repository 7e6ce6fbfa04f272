"""Reads: the schedule, a person's alert choices, the outbox."""

from django.db.models import QuerySet

from .choices import AlertKind, Delivery
from .models import Alert, AlertPreference, Schedule


def schedule_get() -> Schedule:
    """The council's schedule (made with its defaults on first read)."""
    schedule = Schedule.objects.order_by("pk").first()
    return schedule or Schedule.objects.create()


def alert_choices(person) -> dict[str, str]:
    """Each kind of alert and how `person` wants it (immediately unless they chose otherwise)."""
    chosen = dict(AlertPreference.objects.filter(person=person).values_list("kind", "delivery"))
    return {kind: chosen.get(kind, Delivery.IMMEDIATELY) for kind in AlertKind.values}


def deliveries_for(people, kind: str) -> dict[int, str]:
    """How each of `people` (ids) wants alerts of `kind` (one query)."""
    chosen = dict(
        AlertPreference.objects.filter(person__in=people, kind=kind).values_list(
            "person_id", "delivery"
        )
    )
    return {pk: chosen.get(pk, Delivery.IMMEDIATELY) for pk in people}


def alerts_unsent(delivery: str) -> QuerySet[Alert]:
    return (
        Alert.objects.filter(sent_at__isnull=True, delivery=delivery)
        .select_related("person")
        .order_by("person_id", "created_at", "pk")
    )
