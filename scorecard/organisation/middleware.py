"""Per-request reading of the council's settings."""

from .selectors import organisation_settings_kept


class OrganisationSettingsMiddleware:
    """Keeps the settings row read once for the request: the header shows the council's name
    and the clock reads its date, so neither costs a query each time."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with organisation_settings_kept():
            return self.get_response(request)
