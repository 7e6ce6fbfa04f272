"""Project-level pages: the home page (each person's own work, `home.py`) and the error pages."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from scorecard.home import home_for
from scorecard.organisation.selectors import user_memberships
from scorecard.performance.access import user_has_any_role
from scorecard.performance.views import period_slug

SECTIONS = [
    (
        "Scorecard",
        "performance:index",
        "Performance indicators linked to the Corporate Plan, rated every quarter.",
    ),
    (
        "Risks",
        "risks:index",
        "Every major risk of every directorate and project, scored and ranked.",
    ),
    ("Reports", "reporting:index", "The quarterly Cabinet report and its dashboard appendix."),
    (
        "Import and export",
        "interchange:index",
        "Move a quarter in and out of the system with Excel or CSV.",
    ),
    ("Open data", "open_data:index", "Published quarters as CSV and JSON, free to reuse."),
]
# Open to everyone: a person signed in with no role yet is offered only these.
OPEN_SECTIONS = {"open_data:index"}


def home(request: HttpRequest) -> HttpResponse:
    roles = [
        {
            "key": {"text": membership.get_role_display()},
            "value": {
                "text": membership.directorate.name
                if membership.directorate
                else "Whole organisation"
            },
        }
        for membership in user_memberships(request.user)
    ]
    signed_in_without_role = request.user.is_authenticated and not user_has_any_role(request.user)
    sections = [
        {"title": t, "href": reverse(name), "summary": s}
        for t, name, s in SECTIONS
        if not signed_in_without_role or name in OPEN_SECTIONS
    ]
    work = home_for(request.user) if request.user.is_authenticated else None
    return render(
        request,
        "home.html",
        {"roles": roles, "sections": sections, "work": work, "period_slug": period_slug},
    )


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "errors/403.html", status=403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "errors/404.html", status=404)
