"""The council's scheduled work, run by the worker at least once a minute (`run_due`) or once
by `scorecard run-schedule`: reminders before the update deadline and for late updates, overdue
risk reviews, the weekly digest, and the outbox's immediate alerts.

Each run is recorded (kind and due moment, unique) before anything is sent: a restart, or a
second worker, finds the record and sends nothing again; a worker that was down catches up the
latest missed moment once. Alerts are marked sent one by one before they go, so each is sent
once. Lives beside the apps it reads (reminders read performance and risks)."""

import datetime as dt
from collections import defaultdict

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from scorecard.core import schedule as rules
from scorecard.core.figures import long_date
from scorecard.organisation.choices import Role
from scorecard.organisation.models import User
from scorecard.organisation.selectors import organisation_settings_get
from scorecard.reminders import reminder_quarter, reminders_compose, reminders_send
from scorecard.risks.selectors.pages import reviews_by_person

from .choices import AlertKind, Delivery, RunKind
from .models import Alert, ScheduledRun
from .selectors import alerts_unsent, schedule_get
from .services import absolute_url, alerts_record


def run_due(now: dt.datetime) -> dict[str, int]:
    """Perform every run due at `now` not yet performed, then send the immediate alerts.
    Returns the emails sent by each run performed (and by "alerts")."""
    schedule = schedule_get()
    local = timezone.localtime(now) if timezone.is_aware(now) else now
    days = schedule.days_before_deadline
    plan = [
        (
            RunKind.REVIEWS_OVERDUE,
            rules.latest_daily(local, schedule.send_time) if schedule.reviews_overdue else None,
            _reviews_overdue,
        ),
        (
            RunKind.REMINDERS_DUE,
            rules.latest_daily(local, schedule.send_time),
            lambda due: _reminders(
                due, lambda u: not u.overdue and u.deadline == due + dt.timedelta(days=days)
            ),
        ),
        (
            RunKind.REMINDERS_LATE,
            rules.latest_daily(local, schedule.send_time, schedule.late_every_days),
            lambda due: _reminders(due, lambda u: u.overdue),
        ),
        (
            RunKind.DIGEST,
            rules.latest_weekly(local, schedule.digest_weekday, schedule.digest_time),
            _digest,
        ),
    ]
    done = {}
    for kind, due, perform in plan:
        if due is None:
            continue
        run = _claim(kind, timezone.make_aware(due), now)
        if run is None:
            continue
        run.emails_sent = perform(due.date())
        run.finished_at = timezone.now()
        run.save(update_fields=["emails_sent", "finished_at"])
        done[kind] = run.emails_sent
    done["alerts"] = _send_immediate(now)
    return done


def _claim(kind: str, due_at: dt.datetime, now: dt.datetime) -> ScheduledRun | None:
    """Record the run, or None when it was recorded already (here, by a run before a restart,
    or by another worker at the same instant: the unique constraint decides)."""
    try:
        with transaction.atomic():
            return ScheduledRun.objects.create(kind=kind, due_at=due_at, started_at=now)
    except IntegrityError:
        return None


def _reminders(day: dt.date, keep) -> int:
    quarter = reminder_quarter(today=day)
    reminders = reminders_compose(quarter=quarter, today=day, keep=keep, with_risks=False)
    reminders = [r for r in reminders if r.lines]
    return len(reminders_send(quarter=quarter, reminders=reminders))


def _reviews_overdue(day: dt.date) -> int:
    """An alert for each risk whose review has passed its date, once per review date."""
    written = 0
    for person, reviews in reviews_by_person(today=day, within_days=0).items():
        for risk in reviews:
            if risk.next_review_on >= day:
                continue
            with transaction.atomic():
                written += alerts_record(
                    people=[person],
                    kind=AlertKind.REVIEW_OVERDUE,
                    key=f"{risk.pk}:{risk.next_review_on.isoformat()}",
                    subject=f"Scorecard: review of risk {risk.reference} is overdue",
                    body=f"The review of risk {risk.reference} {risk.title} was due by "
                    f"{long_date(risk.next_review_on)}.",
                    path=reverse("risks:risk", args=[risk.pk]),
                )
    return 0  # the alerts go out with the immediate ones or in the digest


def _claim_alert(alert: Alert, now: dt.datetime) -> bool:
    """Mark an alert sent; False when someone else marked it first."""
    return bool(Alert.objects.filter(pk=alert.pk, sent_at__isnull=True).update(sent_at=now))


def _send(emails: list[EmailMessage]) -> int:
    if emails:
        with get_connection() as connection:
            connection.send_messages(emails)
    return len(emails)


def _email(subject: str, body: str, person) -> EmailMessage:
    return EmailMessage(
        subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=[person.email]
    )


def _send_immediate(now: dt.datetime) -> int:
    emails = [
        _email(alert.subject, alert.body, alert.person)
        for alert in alerts_unsent(Delivery.IMMEDIATELY)
        if _claim_alert(alert, now)
    ]
    return _send(emails)


def _administrators() -> list:
    return list(
        User.objects.filter(is_active=True)
        .exclude(email="")
        .filter(memberships__role=Role.ADMINISTRATOR)
        .distinct()
        .order_by("username")
    )


def _digest(day: dt.date) -> int:
    """One email per person: their digest alerts since the last digest and, for
    administrators, who still has updates due and how many are late."""
    council = organisation_settings_get().name
    now = timezone.now()
    alerts = defaultdict(list)
    people = {}
    for alert in alerts_unsent(Delivery.DIGEST):
        if _claim_alert(alert, now):
            alerts[alert.person.pk].append(alert)
            people[alert.person.pk] = alert.person
    summary: list[str] = []
    admins = _administrators()
    if admins:
        quarter = reminder_quarter(today=day)
        for reminder in reminders_compose(quarter=quarter, today=day):
            name = reminder.person.get_full_name() or reminder.person.username
            summary.append(f"- {name}: {reminder.subject.removeprefix('Scorecard: ')}")
        for admin in admins:
            people.setdefault(admin.pk, admin)
    emails = []
    for pk, person in people.items():
        parts = [f"Your weekly digest from {council}'s Scorecard, {long_date(day)}.", ""]
        for alert in alerts.get(pk, []):
            parts += [alert.subject.removeprefix("Scorecard: "), alert.body, ""]
        if any(a.pk == pk for a in admins):
            parts += [
                "Still to do across the council:",
                *(summary or ["- Nothing due."]),
                "",
                absolute_url(reverse("reminders")),
            ]
        emails.append(
            _email(f"Scorecard: weekly digest, {long_date(day)}", "\n".join(parts), person)
        )
    return _send(emails)
