from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .selectors import (
    directorates_list,
    organisation_settings_get,
    people_list,
    user_can_view_administration,
)


@login_required
def administration(request: HttpRequest) -> HttpResponse:
    """The organisation at a glance: settings, directorates and services, people and roles."""
    if not user_can_view_administration(request.user):
        raise PermissionDenied
    return render(
        request,
        "organisation/administration.html",
        {
            "active_section": "administration",
            "settings": organisation_settings_get(),
            "directorates": directorates_list(),
            "people": people_list(),
        },
    )
