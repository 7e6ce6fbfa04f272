"""One place where the API turns a refusal into a response (as HackSoft's Django styleguide
does), instead of a conversion in every view: a service's ValidationError (a rule, a locked
quarter, a stale version, who may approve) is a 400 with its messages by field, as a serializer's
would be. Everything else is DRF's own handling."""

from django.core.exceptions import ValidationError
from rest_framework import exceptions
from rest_framework.views import exception_handler


def api_exception_handler(error, context):
    if isinstance(error, ValidationError):
        if hasattr(error, "error_dict"):
            error = exceptions.ValidationError(error.message_dict)
        else:
            error = exceptions.ValidationError({"non_field_errors": error.messages})
    return exception_handler(error, context)
