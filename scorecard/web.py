"""Small helpers shared by the views of every app."""

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

PER_PAGE = 50  # rows per page of a long list


def add_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: on its field when the form has one."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, texts in error.message_dict.items():
        form.add_error(field if field in form.fields else None, texts)


def form_saved(
    request: HttpRequest, form: forms.Form, save: Callable[[dict], tuple[str, str]]
) -> HttpResponse | None:
    """On a valid POST, call `save(cleaned_data)` (the service call, returning the success
    message and where to go) and redirect there. On the service's refusal, or on GET, None:
    the view shows the form again, with the refusal on it and what was typed kept."""
    if request.method != "POST" or not form.is_valid():
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
