"""The sign-in lockout page (django-axes calls locked_out when a user name is locked out)."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def lockout_minutes() -> int:
    return int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)


def locked_out(request: HttpRequest, original_response=None, credentials=None) -> HttpResponse:
    """A GOV.UK page saying why sign-in is refused, for how long and what to do (HTTP 429)."""
    context = {"minutes": lockout_minutes(), "failure_limit": settings.AXES_FAILURE_LIMIT}
    return render(request, "ops/locked_out.html", context, status=429)
