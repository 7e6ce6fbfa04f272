"""The main navigation: one entry per section of the product."""

from django.http import HttpRequest
from django.urls import reverse

from scorecard.organisation.selectors import user_can_view_administration, user_memberships
from scorecard.reporting.selectors import user_can_read_reports

# (section key, text, URL name). Views pass `active_section` to highlight theirs.
SECTIONS = [
    ("scorecard", "Scorecard", "performance:index"),
    ("risks", "Risks", "risks:index"),
    ("projects", "Projects", "projects:index"),
    ("actions", "Actions", "actions:list"),
    ("reports", "Reports", "reporting:index"),
    ("administration", "Administration", "organisation:administration"),
]


def navigation_items(request: HttpRequest, active_section: str = "") -> list[dict]:
    items = []
    for key, text, url_name in SECTIONS:
        if key == "administration" and not user_can_view_administration(request.user):
            continue
        # Reports are for people with a role; signed out, the link leads to the sign-in page.
        if (
            key == "reports"
            and request.user.is_authenticated
            and not user_can_read_reports(request.user)
        ):
            continue
        # Projects and actions likewise: a person without a role reads none.
        if (
            key in ("projects", "actions")
            and request.user.is_authenticated
            and not (request.user.is_superuser or user_memberships(request.user))
        ):
            continue
        items.append({"text": text, "href": reverse(url_name), "active": key == active_section})
    return items


def offers_api_token(request: HttpRequest) -> bool:
    """The footer's "Your API token": for people with a role, as the token page allows."""
    user = request.user
    return user.is_authenticated and (user.is_superuser or bool(user_memberships(user)))
