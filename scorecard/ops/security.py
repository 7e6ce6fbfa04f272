"""Sign-in throttling: the address a sign-in comes from, and the lockout page (django-axes calls
`client_address` for every attempt and `locked_out` when a user name is locked out there)."""

import ipaddress

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def lockout_minutes() -> int:
    return int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)


def locked_out(request: HttpRequest, original_response=None, credentials=None) -> HttpResponse:
    """A GOV.UK page saying why sign-in is refused, for how long and what to do (HTTP 429)."""
    context = {"minutes": lockout_minutes(), "failure_limit": settings.AXES_FAILURE_LIMIT}
    return render(request, "ops/locked_out.html", context, status=429)


def _address(text: str | None) -> str | None:
    try:
        return str(ipaddress.ip_address((text or "").strip()))
    except ValueError:
        return None


def client_address(request: HttpRequest) -> str | None:
    """The address a request comes from (`AXES_CLIENT_IP_CALLABLE`).

    With no proxy configured (`TRUSTED_PROXY_COUNT` 0), the connection's own address. Behind N
    trusted proxies that each add the address they saw to `X-Forwarded-For` (nginx's
    `$proxy_add_x_forwarded_for`), the N-th address from the right: the one the outermost proxy
    saw. Addresses further left are whatever the client wrote and are never believed."""
    remote = _address(request.META.get("REMOTE_ADDR"))
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote
    header = request.META.get("HTTP_X_FORWARDED_FOR", "")
    forwarded = header.split(",") if header.strip() else []
    if len(forwarded) < proxies:
        return remote
    return _address(forwarded[-proxies]) or remote
