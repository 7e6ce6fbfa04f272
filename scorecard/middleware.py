"""Requests refused before any view reads them."""

from django.http import HttpResponseBadRequest


class RefuseNulInQueryMiddleware:
    """A NUL character in a query value (`?q=%00`) is never a real filter, and PostgreSQL refuses
    it in any text it compares: answer 400 instead of letting it reach a query."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.META.get("QUERY_STRING", "") or any(
            "\x00" in key or "\x00" in value
            for key, values in request.GET.lists()
            for value in values
        ):
            return HttpResponseBadRequest(
                "A value in the address contains a NUL character.", content_type="text/plain"
            )
        return self.get_response(request)
