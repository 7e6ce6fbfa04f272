"""Reads of actions for pages, the home page, reminders and reports (a fixed number of queries)."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import (
    BooleanField,
    Count,
    Exists,
    ExpressionWrapper,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce
from django.urls import reverse

from scorecard.core.actions_due import days_overdue
from scorecard.organisation import clock
from scorecard.organisation.access import Action as Do

from . import subjects
from .access import action_access
from .choices import ACTION_STATUSES_OPEN, ExtensionDecision
from .models import SUBJECT_FIELDS, Action, ExtensionRequest


def effective_due_on():
    """An action's due date: the revised one when it was moved, else the original (the SQL
    twin of core/actions_due.due_date, for filtering and ordering)."""
    return Coalesce("revised_due_on", "due_on")


def _finished() -> Q:
    condition = Q(pk__in=[])
    for subject in subjects.registered():
        if subject.finished:
            condition |= Q(**subject.finished)
    return condition


def with_subjects(actions: QuerySet[Action]) -> QuerySet[Action]:
    return actions.select_related("owner", *SUBJECT_FIELDS)


def actions_overdue(actions: QuerySet[Action], *, today: dt.date | None = None) -> QuerySet[Action]:
    """Actions not done by their (revised) due date, whose subject is still live (not a closed
    risk, a retired indicator, an archived project or audit), the longest overdue first."""
    today = today or clock.today()
    return (
        with_subjects(actions.filter(status__in=ACTION_STATUSES_OPEN).exclude(_finished()))
        .annotate(effective_due_on=effective_due_on())
        .filter(effective_due_on__lt=today)
        .order_by("effective_due_on", "pk")
    )


def actions_overdue_for(user, *, today: dt.date | None = None) -> list[Action]:
    """The person's own overdue actions that they may see, each with `days_overdue` and its
    subject's page and name (one query)."""
    today = today or clock.today()
    found = list(actions_overdue(action_access(user, Do.VIEW).filter(owner=user), today=today))
    for action in found:
        action.days_overdue = days_overdue(
            status=action.status, agreed=action.due_on, revised=action.revised_due_on, today=today
        )
    return describe(found)


def actions_overdue_by_person(*, today: dt.date | None = None) -> dict[object, list[Action]]:
    """Every overdue action, by its owner (those with an email address), for the reminders
    (one query)."""
    found: dict[object, list[Action]] = {}
    for action in describe(list(actions_overdue(Action.objects.all(), today=today))):
        if action.owner.is_active and action.owner.email:
            found.setdefault(action.owner, []).append(action)
    return found


@dataclass(frozen=True)
class SubjectLink:
    kind: str
    name: str
    url: str


def describe(actions: list[Action]) -> list[Action]:
    """Give each action `about` (what it belongs to: kind, name, page), read from the subjects
    already selected with it."""
    for action in actions:
        subject = subjects.subject(action.subject_field)
        target = action.subject
        action.about = SubjectLink(subject.label, subject.name(target), subject.url(target))
    return actions


def _waiting_extension() -> QuerySet[ExtensionRequest]:
    """The action's extension request waiting for a decision (one at most: services refuse a
    second while one waits)."""
    return ExtensionRequest.objects.filter(
        action=OuterRef("pk"), decision=ExtensionDecision.PENDING
    ).order_by("pk")


LIST_FILTERS = {
    "open": Q(status__in=ACTION_STATUSES_OPEN),
    "done": ~Q(status__in=ACTION_STATUSES_OPEN),
    "extension": Exists(_waiting_extension()),
}


def action_list(
    user, *, kind: str = "", status: str = "", mine: bool = False, today: dt.date | None = None
) -> QuerySet[Action]:
    """The council-wide list: every action the person may see, filtered by what it belongs to
    (risk, indicator, project, audit), open / overdue / done / with an extension waiting for a
    decision, and the person's own."""
    today = today or clock.today()
    actions = action_access(user, Do.VIEW)
    if kind in SUBJECT_FIELDS:
        actions = actions.filter(**{f"{kind}__isnull": False})
    if mine:
        actions = actions.filter(owner=user)
    if status == "overdue":
        return actions_overdue(actions, today=today)
    if status in LIST_FILTERS:
        actions = actions.filter(LIST_FILTERS[status])
    return (
        with_subjects(actions)
        .annotate(effective_due_on=effective_due_on())
        .order_by("effective_due_on", "pk")
    )


def with_waiting_extension(actions: QuerySet[Action], user) -> QuerySet[Action]:
    """Give each action its extension waiting for a decision, if any (`waiting_id`,
    `waiting_new_due_on`, `waiting_requested_by_id`) and whether `user` may decide the action's
    extensions (`may_decide`), in the same query: a list links each to its decision page
    without a query a row."""
    waiting = _waiting_extension()
    decides = Q(pk__in=action_access(user, Do.DECIDE).values("pk"))
    return actions.annotate(
        waiting_id=Subquery(waiting.values("pk")[:1]),
        waiting_new_due_on=Subquery(waiting.values("new_due_on")[:1]),
        waiting_requested_by_id=Subquery(waiting.values("requested_by")[:1]),
        may_decide=ExpressionWrapper(decides, output_field=BooleanField()),
    )


def action_counts(user, *, today: dt.date | None = None) -> dict:
    """Headline counts for the list: open, overdue, extensions waiting (three numbers, one query
    each)."""
    visible = action_access(user, Do.VIEW)
    return {
        "open": visible.filter(status__in=ACTION_STATUSES_OPEN).count(),
        "overdue": actions_overdue(visible, today=today).count(),
        "extensions_waiting": visible.aggregate(
            n=Count("extensions", filter=Q(extensions__decision=ExtensionDecision.PENDING))
        )["n"],
    }


def actions_panel(user, subject, *, today: dt.date | None = None) -> dict:
    """The actions section of an indicator's or a project's page: its actions the person may
    see, each with `days_overdue`, and where to add one when they may change the subject (two
    queries)."""
    today = today or clock.today()
    key = subject._meta.model_name
    found = list(
        action_access(user, Do.VIEW)
        .filter(**{key: subject})
        .select_related("owner")
        .order_by("status", "due_on", "pk")
    )
    for action in found:
        action.days_overdue = days_overdue(
            status=action.status, agreed=action.due_on, revised=action.revised_due_on, today=today
        )
    may_add = subjects.subject(key).access(user, Do.EDIT).filter(pk=subject.pk).exists()
    return {
        "subject_actions": found,
        "add_action_url": reverse("actions:create", args=[key, subject.pk]) if may_add else "",
    }
