"""Values every product page needs."""

from django.http import HttpRequest

from scorecard.organisation.selectors import organisation_settings_get


def site(request: HttpRequest) -> dict:
    return {"council_name": organisation_settings_get().name}
