"""Small helpers shared by the views of every app."""

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from scorecard.history import record_version

PER_PAGE = 50  # rows per page of a long list


def versioned(form: forms.Form, record) -> forms.Form:
    """Give a change form the version of the record it opened (`record_version`), in a hidden
    field, so that `saved_if_current` can refuse a save made from an out-of-date page."""
    form.fields["version"] = forms.IntegerField(widget=forms.HiddenInput)
    form.initial["version"] = record_version(record)
    return form


def saved_if_current(record, what: str, save: Callable[[dict], tuple[str, str]]):
    """Wrap a form's `save` for `form_saved`: with the record's row locked, refuse, writing
    nothing and keeping what was typed, when someone saved `record` since the form was opened."""

    def checked(data: dict) -> tuple[str, str]:
        data = dict(data)
        seen = data.pop("version")
        with transaction.atomic():
            type(record).objects.select_for_update().filter(pk=record.pk).exists()
            if record_version(record) != seen:
                raise ValidationError(
                    f"Someone else changed {what} since you opened it: open it again to see "
                    "their change, then make yours."
                )
            return save(data)

    return checked


def add_service_errors(form: forms.Form, error: ValidationError, skip=frozenset()) -> None:
    """Show a service's ValidationError on the form: on its field when the form has one (not
    on the fields in `skip`, which already say what is wrong)."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, texts in error.message_dict.items():
        if field not in skip:
            form.add_error(field if field in form.fields else None, texts)


def form_saved(
    request: HttpRequest,
    form: forms.Form,
    save: Callable[[dict], tuple[str, str]],
    check: Callable[[dict], None] | None = None,
) -> HttpResponse | None:
    """On a valid POST, call `save(cleaned_data)` (the service call, returning the success
    message and where to go) and redirect there. On the service's refusal, or on GET, None:
    the view shows the form again, with the refusal on it and what was typed kept.

    `check(cleaned_data)`, when given, is the service's check that writes nothing: run on a
    form with errors too, so the service's refusals of the fields that did clean show beside
    the form's own, every problem at once."""
    if request.method != "POST":
        return None
    if not form.is_valid():
        if check is not None:
            try:
                check(form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error, skip=set(form.errors))
        return None
    try:
        message, target = save(form.cleaned_data)
    except ValidationError as error:
        add_service_errors(form, error)
        return None
    messages.success(request, message)
    return redirect(target)


def paginate(request: HttpRequest, rows, per_page: int = PER_PAGE) -> dict:
    """One page of `rows` (?page= in the URL, the filters kept) and the GOV.UK pagination
    component's parameters: two queries whatever the size of the list (the count and the page)."""
    page = Paginator(rows, per_page).get_page(request.GET.get("page"))

    def link(number: int) -> str:
        query = request.GET.copy()
        query["page"] = number
        return "?" + query.urlencode()

    items = []
    for number in page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1):
        if number == Paginator.ELLIPSIS:
            items.append({"ellipsis": True})
        else:
            items.append({"number": number, "href": link(number), "current": number == page.number})
    pagination = None
    if page.paginator.num_pages > 1:
        pagination = {
            "items": items,
            "previous": {"href": link(page.previous_page_number())}
            if page.has_previous()
            else None,
            "next": {"href": link(page.next_page_number())} if page.has_next() else None,
            "landmarkLabel": "Pages of the list",
        }
    return {"page": page, "pagination": pagination}
