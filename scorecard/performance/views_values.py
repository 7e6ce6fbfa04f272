"""The value form's helpers: the status a value would get, as it is typed (an HTMX fragment),
and a monthly indicator's three months of a quarter in one form."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from scorecard.core.periods import Period
from scorecard.web import add_service_errors

from . import forms, selectors
from .access import Action, measurement_access
from .choices import WorkflowState
from .engine import schedule_for
from .models import Indicator
from .selectors_value_form import value_form_context
from .services.months import MonthInput, MonthsRefused, measurements_save_months
from .views import _indicator, _measurement_initial, _period_from_slug, _render, _rounding_messages

OPEN_STATES = {WorkflowState.DRAFT, WorkflowState.RETURNED}


def status_preview_context(indicator: Indicator, period: Period, source) -> dict:
    """The status the typed value would get, through the status engine as the scorecard rates
    it, and what that colour is measured against."""
    preview = selectors.measurement_status_preview(
        indicator=indicator,
        period=period,
        value=source.get("value"),
        numerator=source.get("numerator"),
        denominator=source.get("denominator"),
        manual_rating=source.get("manual_rating") or "",
        manual_reason=source.get("manual_reason") or "",
    )
    against = selectors.status_rated_against(indicator, preview) if preview else ""
    return {"indicator": indicator, "preview": preview, "preview_against": against}


@login_required
@require_POST
def measurement_status(request: HttpRequest, pk: int, period: str) -> HttpResponse:
    """The status tag for what is typed in the value form, without saving anything. In the
    three-month form, `?prefix=` names the month whose fields are read."""
    indicator = _indicator(request, pk, Action.EDIT)
    when = _period_from_slug(period)
    if not schedule_for(indicator).accepts(when):
        raise Http404(f"{indicator.code} takes no value for {when.label}.")
    return render(
        request,
        "performance/_status_preview.html",
        status_preview_context(
            indicator, when, _fields_of(request.POST, request.GET.get("prefix"))
        ),
    )


PREVIEW_FIELDS = ("value", "numerator", "denominator", "manual_rating", "manual_reason")


def _fields_of(data, prefix: str | None) -> dict:
    """The fields the status is worked out from, as a form with `prefix` names them."""
    return {name: data.get(f"{prefix}-{name}" if prefix else name) for name in PREVIEW_FIELDS}


# --- a monthly indicator's quarter -------------------------------------------------------------


def measurement_months_edit(
    request: HttpRequest, indicator: Indicator, quarter: Period
) -> HttpResponse:
    """The three months of `quarter` in one form (the value form's URL with the quarter in it).
    One submit saves every month that was changed, each with its own version check; if any
    month is refused, none is saved and each refusal is shown on its month."""
    months = quarter.months()
    stored = {
        m.period: m
        for m in measurement_access(request.user, Action.EDIT)
        .filter(indicator=indicator, period__in=[month.key for month in months])
        .select_related("entered_by", "reviewed_by")
    }
    rows = [
        {
            "period": month,
            "measurement": stored.get(month.key),
            "form": forms.MeasurementForm(
                request.POST or None,
                indicator=indicator,
                prefix=month.key.replace("/", "-"),
                initial=_measurement_initial(stored.get(month.key)),
            ),
        }
        for month in months
    ]
    action = request.POST.get("action", "")
    problems: list[str] = []
    wants_save = request.method == "POST" and action in {"save", "submit"}
    if wants_save and all(row["form"].is_valid() for row in rows):
        response = _save_months(
            request, indicator, quarter, rows, problems, submit=action == "submit"
        )
        if response is not None:
            return response
    for row in rows:
        # The status each month would get: worked out again as it is typed (HTMX, through the
        # single form's endpoint), or by the "Check the statuses" button without JavaScript.
        form = row["form"]
        source = _fields_of(form.data, form.prefix) if form.is_bound else form.initial
        row["status"] = status_preview_context(indicator, row["period"], source)
        row["status_url"] = (
            reverse(
                "performance:measurement_status",
                kwargs={"pk": indicator.pk, "period": row["period"].key.replace("/", "-")},
            )
            + "?"
            + urlencode({"prefix": form.prefix})
        )
    return _render(
        request,
        "performance/measurement_months_form.html",
        {
            "indicator": indicator,
            "quarter": quarter,
            "rows": rows,
            "context": value_form_context(indicator=indicator, period=quarter),
            "error_list": [{"text": text} for text in problems] + _month_errors(rows),
        },
    )


def _month_errors(rows: list[dict]) -> list[dict]:
    """The error summary's lines, each naming its month and linking to the field."""
    items = []
    for row in rows:
        form, label = row["form"], row["period"].label
        if not form.is_bound:
            continue
        anchor = "#month-" + form.prefix
        for text in form.non_field_errors():
            items.append({"text": f"{label}: {text}", "href": anchor})
        for bound in form:
            for text in bound.errors:
                href = anchor if bound.is_hidden else "#" + bound.auto_id
                items.append({"text": f"{label}: {text}", "href": href})
    return items


def _save_months(
    request, indicator, quarter, rows, problems: list[str], *, submit: bool
) -> HttpResponse | None:
    """Save the months that were changed (or, on submit, still in draft); None when refused,
    with the refusals put on their months' forms (or in `problems`)."""
    chosen = []
    for row in rows:
        form, measurement = row["form"], row["measurement"]
        waiting = measurement is not None and measurement.state in OPEN_STATES
        if form.has_changed() or (submit and waiting):
            data = dict(form.cleaned_data)
            chosen.append(
                (row, MonthInput(row["period"].key, row["period"].label, data.pop("version"), data))
            )
    try:
        saved = measurements_save_months(
            indicator=indicator, months=[m for _, m in chosen], by=request.user, submit=submit
        )
    except MonthsRefused as refusal:
        for row, month in chosen:
            if month.period in refusal.by_month:
                add_service_errors(row["form"], refusal.by_month[month.period])
        return None
    except ValidationError as error:
        problems.extend(error.messages)
        return None
    for _row, month in chosen:
        _rounding_messages(request, month.values)
    names = ", ".join(month.label for _, month in chosen)
    done = "submitted for approval" if submit else "saved as a draft"
    messages.success(request, f"{indicator.code} {names} {done} ({len(saved)} values).")
    return redirect(reverse("performance:my_updates") + "?" + urlencode({"period": quarter.key}))
