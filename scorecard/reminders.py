"""Reminders: each updater's values due and overdue this quarter, each project manager's
quarterly project updates owed, and each risk owner's reviews and actions due, in one email per
person through Django's email backend.

Lives at project level because it reads performance, projects and risks (performance and risks
do not import each other). Used by `scorecard remind` and by the performance team's Reminders page."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.mail import EmailMessage, get_connection
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from scorecard.actions.selectors import actions_overdue_by_person
from scorecard.core.figures import long_date
from scorecard.core.periods import Period, parse
from scorecard.organisation import clock
from scorecard.organisation.selectors import organisation_settings_get, user_is_administrator
from scorecard.performance.selectors import reporting_period_current, updates_due_by_person
from scorecard.projects.selectors import updates_owed_by_person
from scorecard.risks.selectors.pages import reviews_by_person


@dataclass
class Reminder:
    person: object
    lines: list[str] = field(default_factory=list)
    overdue: int = 0

    @property
    def subject(self) -> str:
        due = f"{len(self.lines)} item{'s' if len(self.lines) != 1 else ''} due"
        return f"Scorecard: {due}" + (f", {self.overdue} overdue" if self.overdue else "")

    def body(self, council: str, quarter: Period) -> str:
        greeting = f"Dear {self.person.first_name or self.person.username},"
        return "\n".join(
            [
                greeting,
                "",
                f"These are waiting for you in {council}'s Scorecard ({quarter.label}):",
                "",
                *[f"- {line}" for line in self.lines],
                "",
                "Sign in and open My updates (indicators), Projects or Risks to deal with them.",
            ]
        )


def reminder_quarter(text: str | None = None, today: dt.date | None = None) -> Period:
    """The quarter asked for, else the latest open one, else the quarter that just ended."""
    start_month = organisation_settings_get().financial_year_start_month
    if text:
        period = parse(text, start_month)
        return period if period.kind == "quarter" else period.quarter_of()
    current = reporting_period_current()
    if current is not None:
        return parse(current.period, start_month)
    today = today or clock.today()
    return Period.containing(today, "quarter", start_month).previous()


def reminders_compose(
    *,
    quarter: Period,
    today: dt.date | None = None,
    keep: Callable[[object], bool] | None = None,
    with_risks: bool = True,
) -> list[Reminder]:
    """One reminder per person with something due (a fixed number of queries). The schedule
    keeps only some updates (`keep`: due in so many days, or late) and leaves risk reviews to
    alerts; a person's overdue actions are in every reminder."""
    today = today or clock.today()
    by_person: dict[object, Reminder] = {}

    def reminder(person) -> Reminder:
        return by_person.setdefault(person.pk, Reminder(person))

    for person, updates in updates_due_by_person(quarter=quarter, today=today).items():
        for update in updates:
            if keep is not None and not keep(update):
                continue
            late = (
                f"OVERDUE since {long_date(update.deadline)}"
                if update.overdue
                else f"due by {long_date(update.deadline)}"
            )
            reminder(person).lines.append(
                f"Indicator {update.indicator.code} {update.indicator.title}, {update.period.label}: "
                f"{update.state_label.lower()}, {late}"
            )
            reminder(person).overdue += update.overdue
    for person, owed in updates_owed_by_person(quarter=quarter, today=today).items():
        for update in owed:  # the schedule's `keep` reads deadline and overdue, as for values
            if keep is not None and not keep(update):
                continue
            late = (
                f"OVERDUE since {long_date(update.deadline)}"
                if update.overdue
                else f"due by {long_date(update.deadline)}"
            )
            reminder(person).lines.append(
                f"Project {update.project.name}, update for {update.quarter.label}: "
                f"{update.state_label.lower()}, {late}"
            )
            reminder(person).overdue += update.overdue
    for person, reviews in reviews_by_person(today=today).items() if with_risks else ():
        for risk in reviews:
            overdue = risk.next_review_on < today
            reminder(person).lines.append(
                f"Risk {risk.reference} {risk.title}: review "
                + ("OVERDUE since" if overdue else "due by")
                + f" {long_date(risk.next_review_on)}"
            )
            reminder(person).overdue += overdue
    for person, actions in actions_overdue_by_person(today=today).items():
        for action in actions:
            reminder(person).lines.append(
                f"Action on {action.about.kind.lower()} {action.about.name}: "
                f"{action.description[:80]}: OVERDUE since {long_date(action.effective_due_on)}"
            )
            reminder(person).overdue += 1
    return sorted(by_person.values(), key=lambda r: r.person.username)


def reminders_send(
    *, quarter: Period, dry_run: bool = False, reminders: list[Reminder] | None = None
) -> list[Reminder]:
    """Email every reminder (those composed for `quarter`, or the ones given) over one
    connection (unless `dry_run`), and return them."""
    if reminders is None:
        reminders = reminders_compose(quarter=quarter)
    if dry_run or not reminders:
        return reminders
    council = organisation_settings_get().name
    emails = [
        EmailMessage(
            subject=r.subject,
            body=r.body(council, quarter),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[r.person.email],
        )
        for r in reminders
    ]
    with get_connection() as connection:
        connection.send_messages(emails)
    return reminders


@login_required
def reminders_page(request: HttpRequest) -> HttpResponse:
    """The performance team sees who would be reminded of what, and sends the emails."""
    if not user_is_administrator(request.user):
        raise PermissionDenied
    quarter = reminder_quarter()
    if request.method == "POST":
        sent = reminders_send(quarter=quarter)
        messages.success(
            request, f"{len(sent)} reminder email{'s' if len(sent) != 1 else ''} sent."
        )
        return redirect("reminders")
    return render(
        request,
        "reminders.html",
        {
            "active_section": "scorecard",
            "quarter": quarter,
            "reminders": reminders_compose(quarter=quarter),
        },
    )
