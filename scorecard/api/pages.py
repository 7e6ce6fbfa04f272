"""The page where a person gets the token that lets their own scripts use the API."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from scorecard.performance.access import user_has_any_role

from .tokens import api_token_get, api_token_replace


@login_required
def token(request: HttpRequest) -> HttpResponse:
    if not user_has_any_role(request.user):
        raise PermissionDenied
    if request.method == "POST":
        # Shown in the answer to the POST itself, never stored or sent again.
        made, text = api_token_replace(user=request.user)
        response = render(request, "api/token.html", {"token": made, "text": text})
        response["Cache-Control"] = "no-store"
        return response
    return render(request, "api/token.html", {"token": api_token_get(user=request.user)})
