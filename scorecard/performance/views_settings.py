"""Scorecard settings pages for the performance team (administrators only): Corporate Plans and
their priorities, scorecards and their versions. Writes go through the services."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse

from scorecard.history import history_entries

from . import forms, selectors, services
from .access import user_can_administer
from .views import _form_page, _render, _require

# --- Corporate Plans and priorities -------------------------------------------------------------------


@login_required
def plans(request: HttpRequest) -> HttpResponse:
    _require(user_can_administer(request.user))
    return _render(request, "performance/plans.html", {"plans": selectors.corporate_plans_list()})


def _found(obj):
    if obj is None:
        raise Http404
    return obj


@login_required
def plan_create(request: HttpRequest) -> HttpResponse:
    _require(user_can_administer(request.user))
    form = forms.CorporatePlanForm(request.POST or None)

    def save(data):
        plan = services.corporate_plan_create(**data)
        return f"{plan} added: now add its priorities.", reverse("performance:plans")

    context = {
        "title": "Add a Corporate Plan",
        "button": "Add plan",
        "back": reverse("performance:plans"),
    }
    return _form_page(request, form, context, save)


@login_required
def plan_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _require(user_can_administer(request.user))
    plan = _found(selectors.corporate_plan_get(pk))
    form = forms.CorporatePlanChangeForm(
        request.POST or None,
        initial={
            "title": plan.title,
            "adopted_on": plan.adopted_on.strftime("%d/%m/%Y"),
            "is_archived": plan.is_archived,
        },
    )

    def save(data):
        services.corporate_plan_update(plan=plan, **data)
        return f"{plan} saved.", reverse("performance:plans")

    context = {"title": f"Change {plan}", "button": "Save", "back": reverse("performance:plans"),
               "history": history_entries([plan.history.all()])}  # fmt: skip
    return _form_page(request, form, context, save)


@login_required
def priority_create(request: HttpRequest, pk: int) -> HttpResponse:
    _require(user_can_administer(request.user))
    plan = _found(selectors.corporate_plan_get(pk))
    form = forms.PriorityForm(request.POST or None)

    def save(data):
        priority = services.priority_create(plan=plan, **data)
        return f"{priority} added to {plan}.", reverse("performance:plans")

    context = {"title": f"Add a priority to {plan}", "button": "Add priority",
               "back": reverse("performance:plans")}  # fmt: skip
    return _form_page(request, form, context, save)


@login_required
def priority_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _require(user_can_administer(request.user))
    priority = _found(selectors.priority_get(pk))
    form = forms.PriorityChangeForm(
        request.POST or None,
        initial={"code": priority.code, "title": priority.title, "order": priority.order,
                 "is_archived": priority.is_archived},
    )  # fmt: skip

    def save(data):
        services.priority_update(priority=priority, **data)
        return f"{priority} saved.", reverse("performance:plans")

    context = {"title": f"Change the priority {priority}", "button": "Save",
               "back": reverse("performance:plans"),
               "history": history_entries([priority.history.all()])}  # fmt: skip
    return _form_page(request, form, context, save)


# --- scorecards and their versions ----------------------------------------------------------------


@login_required
def scorecard_create(request: HttpRequest) -> HttpResponse:
    """A new scorecard (corporate, directorate or team) with its first version, empty until the
    refresh page puts indicators on it."""
    _require(user_can_administer(request.user))
    form = forms.ScorecardForm(
        request.POST or None, plans=selectors.corporate_plans_list().filter(is_archived=False)
    )

    def save(data):
        scorecard = services.scorecard_add(**data)
        return (
            f"{scorecard} added: now put its indicators on it.",
            reverse("performance:scorecard_refresh", args=[scorecard.pk]),
        )

    context = {"title": "Add a scorecard", "button": "Add scorecard",
               "back": reverse("performance:scorecards")}  # fmt: skip
    return _form_page(request, form, context, save)


@login_required
def scorecards(request: HttpRequest) -> HttpResponse:
    _require(user_can_administer(request.user))
    return _render(
        request, "performance/scorecards.html", {"scorecards": selectors.scorecards_list()}
    )


@login_required
def scorecard_versions(request: HttpRequest, pk: int) -> HttpResponse:
    """Every version of a scorecard: when it went live, its plan, its indicators by priority."""
    _require(user_can_administer(request.user))
    scorecard = _found(selectors.scorecard_get(pk))
    return _render(
        request,
        "performance/scorecard_versions.html",
        {"scorecard": scorecard, "versions": selectors.scorecard_versions(scorecard=scorecard)},
    )


@login_required
def scorecard_refresh(request: HttpRequest, pk: int) -> HttpResponse:
    """Refresh a scorecard into a new version: add, take off and move indicators, from a quarter."""
    _require(user_can_administer(request.user))
    scorecard = _found(selectors.scorecard_get(pk))
    versions = selectors.scorecard_versions(scorecard=scorecard)
    current = versions[0] if versions else None
    if current is None:
        raise Http404("This scorecard has no version yet.")
    form = forms.ScorecardRefreshForm(
        request.POST or None,
        plans=selectors.corporate_plans_list().filter(is_archived=False),
        entries=current.entries.all(),
        addable=selectors.indicators_not_on(version=current),
        priorities=list(selectors.priorities_in_use()),
    )

    def save(data):
        version = services.scorecard_refresh(scorecard=scorecard, **form.changes())
        return (
            f"{scorecard} version {version.number} is live from {version.live_from}.",
            reverse("performance:scorecard_versions", args=[scorecard.pk]),
        )

    context = {
        "title": f"Refresh {scorecard}",
        "lead": f"The current version {current.number} has been live since {current.live_from}"
        + (f", reporting against {current.corporate_plan}." if current.corporate_plan else "."),
        "lead_more": "Earlier quarters keep reporting against the versions live then.",
        "button": "Create the new version",
        "back": reverse("performance:scorecard_versions", args=[scorecard.pk]),
    }
    return _form_page(request, form, context, save)
