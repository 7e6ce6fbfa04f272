"""The council's schedule, each run it made, each person's alert choices and the alerts' outbox."""

import datetime as dt

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from .choices import WEEKDAYS, AlertKind, Delivery, RunKind


class Schedule(models.Model):
    """When the scheduled work runs (one row, made on first read)."""

    send_time = models.TimeField(
        default=dt.time(9, 0), help_text="The time of day reminders and review alerts go out."
    )
    days_before_deadline = models.PositiveSmallIntegerField(
        default=5,
        validators=[MaxValueValidator(60)],
        help_text="Remind updaters this many days before an update's deadline (0: on the day).",
    )
    late_every_days = models.PositiveSmallIntegerField(
        default=7,
        validators=[MaxValueValidator(60)],
        help_text="Remind updaters of late updates every this many days (0: never).",
    )
    reviews_overdue = models.BooleanField(
        default=True, help_text="Tell risk owners each day when a review has become overdue."
    )
    digest_weekday = models.PositiveSmallIntegerField(
        default=0, choices=WEEKDAYS, validators=[MinValueValidator(0), MaxValueValidator(6)]
    )
    digest_time = models.TimeField(default=dt.time(8, 0))

    def __str__(self) -> str:
        return "Schedule"


class ScheduledRun(models.Model):
    """One run of the schedule: recorded before anything is sent, unique per kind and due
    moment, so a restart or a second worker never performs it twice."""

    kind = models.CharField(max_length=30, choices=RunKind.choices)
    due_at = models.DateTimeField()
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    emails_sent = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-due_at", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "due_at"], name="scheduled_run_once_per_due")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} due {self.due_at:%Y-%m-%d %H:%M}"


class AlertPreference(models.Model):
    """How a person wants one kind of alert: immediately (the default), in the digest, never."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="alert_preferences"
    )
    kind = models.CharField(max_length=30, choices=AlertKind.choices)
    delivery = models.CharField(max_length=15, choices=Delivery.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "kind"], name="alert_preference_one_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_kind_display()}, {self.get_delivery_display()}"


class Alert(models.Model):
    """An alert in the outbox: written in the same transaction as the event it tells of, and
    marked sent once sent (immediately, or in the person's weekly digest)."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="alerts"
    )
    kind = models.CharField(max_length=30, choices=AlertKind.choices)
    delivery = models.CharField(max_length=15, choices=Delivery.choices)
    key = models.CharField(max_length=100, help_text="What it is about, so it is made once.")
    subject = models.CharField(max_length=200)
    body = models.TextField()
    path = models.CharField(max_length=300, help_text="The page it is about.")
    created_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["person", "kind", "key"], name="alert_once_per_event")
        ]
        indexes = [models.Index(fields=["sent_at", "delivery"], name="alert_outbox")]

    def __str__(self) -> str:
        return self.subject
