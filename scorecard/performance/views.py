"""Pages of the quarterly cycle for performance: the indicator list and page, My updates, the
update form, the approval queue, and the performance team's periods and indicators.

Views stay thin: access through `access.indicator_access`, reads through selectors, writes
through services, refusals shown on the form with the GOV.UK error summary."""

from functools import partial
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from scorecard import panels
from scorecard.actions.selectors import actions_panel
from scorecard.core.direction import DIRECTION_LABELS
from scorecard.core.figures import plural
from scorecard.core.periods import Period, PeriodError, parse
from scorecard.core.status import STATE_LABELS, State
from scorecard.history import history_entries
from scorecard.organisation import clock
from scorecard.organisation.access import Action
from scorecard.organisation.selectors import directorates_list, organisation_settings_get
from scorecard.rendering.charts import trend_chart
from scorecard.web import add_service_errors, form_saved, paginate, saved_if_current, versioned

from . import forms, selectors, services
from .access import (
    can,
    indicator_access,
    measurement_access,
    sees_unapproved_values,
    user_can_administer,
)
from .choices import Frequency, PeriodState, WorkflowState
from .context import measurement_context, statuses_if_approved
from .engine import financial_year_start_month, schedule_for
from .models import Indicator, Measurement
from .scorecard_list import SORTS as LIST_SORTS
from .scorecard_list import live_priorities, priority_options, scorecard_list_rows
from .selectors_value_form import value_form_context
from .services.bulk import measurements_approve
from .services.records import locked_quarter
from .spc import spc_panel
from .spc_list import spc_for_list
from .work import user_may_approve

SECTION = "scorecard"


def _render(request, template: str, context: dict, status: int = 200) -> HttpResponse:
    return render(request, template, {"active_section": SECTION, **context}, status=status)


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def _indicator(request, pk: int, action: Action = Action.VIEW) -> Indicator:
    """The indicator if the person may see it (else 404) and do `action` with it (else 403)."""
    indicator = get_object_or_404(
        indicator_access(request.user, Action.VIEW).select_related(
            "directorate", "owner", "portfolio"
        ),
        pk=pk,
    )
    if action is not Action.VIEW:
        _require(can(request.user, action, indicator))
    return indicator


def period_slug(key: str) -> str:
    """ "2017/18-Q2" -> "2017-18-Q2": a period key without its slash, for URLs."""
    return key.replace("/", "-", 1)


def _directorate_options() -> list[tuple[str, str]]:
    return [("", "All directorates")] + [(d.code, d.name) for d in directorates_list()]


def _period_from_slug(slug: str) -> Period:
    try:
        return parse(slug.replace("-", "/", 1), financial_year_start_month())
    except PeriodError as error:
        raise Http404(str(error)) from error


def _quarter(request) -> Period | None:
    """The quarter asked for in ?period=, else the latest one open for updates."""
    text = request.GET.get("period", "")
    if text:
        try:
            period = parse(text, financial_year_start_month())
        except PeriodError:
            return None
        return period if period.kind == "quarter" else period.quarter_of()
    current = selectors.reporting_period_current()
    return parse(current.period, financial_year_start_month()) if current else None


# --- reading ------------------------------------------------------------------------------------


@login_required
def index(request: HttpRequest) -> HttpResponse:
    """Every indicator the person may see with its status for a quarter, filtered and sorted
    from the URL."""
    start_month = financial_year_start_month()
    recorded = list(
        selectors.reporting_periods_list().order_by("-period_start").values_list("period", "state")
    )
    quarter = _chosen_quarter(
        request.GET.get("period", ""),
        recorded,
        start_month,
        readable=measurement_access(request.user, Action.VIEW),
    )
    filters = {
        "q": request.GET.get("q", "").strip(),
        "period": quarter.key,
        "directorate": request.GET.get("directorate", ""),
        "priority": request.GET.get("priority", ""),
        "status": request.GET.get("status", ""),
        "sort": request.GET.get("sort", "status"),
    }
    priorities = live_priorities(period=quarter)
    rows = scorecard_list_rows(
        indicators=indicator_access(request.user, Action.VIEW),
        period=quarter,
        priorities=priorities,
        query=filters["q"],
        directorate=filters["directorate"],
        priority=filters["priority"],
        status=filters["status"],
        sort=filters["sort"],
    )
    listing = paginate(request, rows)
    return _render(
        request,
        "performance/index.html",
        {
            **listing,
            "quarter": quarter,
            "spc_by_indicator": spc_for_list([row.indicator for row in listing["page"]]),
            "filters": filters,
            "quarter_options": _quarter_options(quarter, recorded),
            "directorate_options": [("", "All directorates")]
            + [(d.code, d.name) for d in directorates_list().prefetch_related(None)],
            "priority_options": [("", "All priorities")]
            + [(str(p.pk), p.title) for p in priority_options(priorities)],
            "status_options": [("", "Any status")] + [(s.value, STATE_LABELS[s]) for s in State],
            "sorts": list(LIST_SORTS.items()),
            "direction_labels": DIRECTION_LABELS,
            "is_administrator": user_can_administer(request.user),
            # Readers are offered neither: they key in and approve nothing.
            "can_update": indicator_access(request.user, Action.EDIT).exists(),
            "can_approve": user_may_approve(request.user),
        },
    )


def _chosen_quarter(
    text: str, recorded: list[tuple[str, str]], start_month: int, *, readable
) -> Period:
    """The quarter asked for; else the latest one open for updates once the person can read a
    value in it; else the latest locked (published) quarter (an open quarter with no values yet
    would show every indicator "Awaiting data"); else the open one, else today's."""
    try:
        if text:
            return parse(text, start_month).quarter_of()
    except PeriodError:
        pass
    open_quarter = next(
        (parse(key, start_month) for key, state in recorded if state == PeriodState.OPEN), None
    )
    if (
        open_quarter is not None
        and readable.filter(
            period_start__range=(open_quarter.start, open_quarter.end), value__isnull=False
        ).exists()
    ):
        return open_quarter
    locked = next((key for key, state in recorded if state == PeriodState.LOCKED), None)
    if locked is not None:
        return parse(locked, start_month).quarter_of()
    return open_quarter or Period.containing(clock.today(), "quarter", start_month)


def _quarter_options(chosen: Period, recorded: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The quarters on record, newest first, and the chosen one if it is not among them."""
    start_month = financial_year_start_month()
    keys = [key for key, _ in recorded]
    if chosen.key not in keys:
        keys.insert(0, chosen.key)
    return [(key, parse(key, start_month).label) for key in keys]


@login_required
def indicator_detail(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = _indicator(request, pk)
    readable = measurement_access(request.user, Action.VIEW).filter(indicator=indicator)
    values = selectors.indicator_values(measurements=readable)
    trend = selectors.indicator_trend(indicator=indicator, values=values)
    chart = trend_chart(
        [(label, value) for label, value, _ in trend],
        [(label, target) for label, _, target in trend],
        title=f"{indicator.code} {indicator.title}",
        unit=indicator.get_unit_display(),
    )
    can_edit = can(request.user, Action.EDIT, indicator)
    value_history = Measurement.history.filter(indicator_id=indicator.pk)
    if not (can_edit or sees_unapproved_values(request.user)):  # as measurement_access reads
        value_history = value_history.filter(state=WorkflowState.APPROVED)
    history = history_entries(
        [
            indicator.history.all(),
            value_history,
            indicator.targets.model.history.filter(indicator_id=indicator.pk),
        ],
        describe=lambda r: (
            f"{r.instance_type._meta.verbose_name.capitalize()}"
            + (f" {r.period}" if hasattr(r, "period") else f" {indicator.code}")
        ),
    )
    today = clock.today()
    can_administer = user_can_administer(request.user)
    locked = selectors.locked_quarters() if can_administer else set()
    start_month = financial_year_start_month()
    statuses = selectors.indicator_status_history(indicator=indicator, today=today)
    return _render(
        request,
        "performance/indicator.html",
        {
            "indicator": indicator,
            "statuses": statuses,
            "rated_against": [selectors.status_rated_against(indicator, s) for s in statuses],
            "values": values,
            "trend": trend,
            "chart_svg": chart.svg() if trend else "",
            "chart_description": chart.description,
            "history": history,
            "can_edit": can_edit,
            "can_administer": can_administer,
            "restatements": selectors.indicator_restatements(indicator=indicator),
            "restatable": [
                m for m in values if selectors.measurement_is_locked(m, locked, start_month)
            ]
            if can_administer
            else [],
            "next_due": schedule_for(indicator).next_due(
                Period.containing(today, "quarter", start_month)
            ),
            "period_slug": period_slug,
            **spc_panel(indicator=indicator, values=values, target=trend[-1][2] if trend else None),
            **panels.collect("indicator", request=request, obj=indicator),
            **actions_panel(request.user, indicator, today=today),
        },
    )


# --- My updates and the update form ------------------------------------------------------------------


@login_required
def my_updates(request: HttpRequest) -> HttpResponse:
    """The values due from the person this quarter: missing, draft, returned, due and overdue."""
    quarter = _quarter(request)
    show = request.GET.get("show", "outstanding")
    updates = []
    if quarter is not None:
        updates = selectors.updates_due(
            indicators=indicator_access(request.user, Action.EDIT), quarter=quarter
        )
    counts = {
        "outstanding": sum(u.outstanding for u in updates),
        "overdue": sum(u.overdue for u in updates),
        "all": len(updates),
    }
    if show == "outstanding":
        updates = [u for u in updates if u.outstanding]
    elif show == "overdue":
        updates = [u for u in updates if u.overdue]
    if request.GET.get("sort") == "state":
        updates.sort(key=lambda u: (not u.overdue, u.state, u.indicator.code))
    return _render(
        request,
        "performance/my_updates.html",
        {
            "quarter": quarter,
            "updates": updates,
            "counts": counts,
            "show": show,
            "sort": request.GET.get("sort", "code"),
            "period_slug": period_slug,
            "requested": request.GET.get("period", ""),
        },
    )


def _measurement_initial(measurement: Measurement | None) -> dict:
    if measurement is None:
        return {"version": 0, "data_quality": "final"}
    fields = [
        "value", "numerator", "denominator", "commentary", "commentary_is_internal",
        "improvement_actions", "data_quality", "manual_rating", "manual_reason",
    ]  # fmt: skip
    initial = {name: getattr(measurement, name) for name in fields}
    for name in ("value", "numerator", "denominator"):
        if initial[name] is not None:
            initial[name] = f"{initial[name].normalize():f}"
    return {**initial, "version": measurement.version}


def _rounding_messages(request: HttpRequest, data: dict) -> None:
    """Tell the person which figures were kept with fewer decimal places than they typed."""
    figures = {k: data.get(k) for k in ("value", "numerator", "denominator") if k in data}
    for notice in services.rounding_notices(**figures):
        messages.info(request, notice)


@login_required
def measurement_edit(request: HttpRequest, pk: int, period: str) -> HttpResponse:
    """The update form: value (or numerator and denominator), commentary, improvement actions,
    data quality; the status the value would get; save as draft or submit for approval."""
    from .views_values import measurement_months_edit, status_preview_context  # they use ours

    indicator = _indicator(request, pk, Action.EDIT)
    when = _period_from_slug(period)
    if when.kind == "quarter" and indicator.frequency == Frequency.MONTHLY:
        return measurement_months_edit(request, indicator, when)
    if not schedule_for(indicator).accepts(when):
        raise Http404(f"{indicator.code} takes no value for {when.label}.")
    context = value_form_context(indicator=indicator, period=when)
    current = measurement_access(request.user, Action.EDIT).filter(
        indicator=indicator, period=when.key
    )
    measurement = current.select_related("entered_by", "reviewed_by").first()
    form = forms.MeasurementForm(
        request.POST or None, indicator=indicator, initial=_measurement_initial(measurement)
    )
    action = request.POST.get("action", "")
    conflict = None
    if action == "copy" and context.last_notes is not None:
        # Copy forward: the last commentary and actions replace these two fields, and the
        # rest of what was typed is kept. Internal commentary stays marked internal: copied
        # without its mark it would be published.
        form.data = form.data.copy()
        form.data["commentary"] = context.last_notes.commentary
        form.data["improvement_actions"] = context.last_notes.improvement_actions
        if context.last_notes.commentary_is_internal:
            form.data["commentary_is_internal"] = "on"
    if request.method == "POST" and form.is_valid() and action in {"save", "submit"}:
        data = dict(form.cleaned_data)
        expected = data.pop("version")
        try:
            saved = services.measurement_save(
                indicator=indicator,
                period=when.key,
                by=request.user,
                expected_version=expected,
                submit=action == "submit",
                **data,
            )
        except ValidationError as error:
            if "version" in getattr(error, "error_dict", {}):
                conflict = measurement  # shown beside the form; the person's input is kept
                form.data = form.data.copy()
                form.data["version"] = measurement.version if measurement else 0
                form.add_error(None, error.message_dict["version"])
            else:
                add_service_errors(form, error)
        else:
            _rounding_messages(request, data)
            if saved.state == WorkflowState.SUBMITTED:
                messages.success(request, f"{indicator.code} {when.label} submitted for approval.")
            else:
                messages.success(request, f"{indicator.code} {when.label} saved as a draft.")
            return redirect(
                reverse("performance:my_updates")
                + "?"
                + urlencode({"period": (when.quarter_of() if when.kind != "year" else when).key})
            )
    source = form.data if request.method == "POST" else form.initial
    return _render(
        request,
        "performance/measurement_form.html",
        {
            **status_preview_context(indicator, when, source),
            "period": when,
            "measurement": measurement,
            "form": form,
            "context": context,
            "status_url": reverse(
                "performance:measurement_status", kwargs={"pk": indicator.pk, "period": period}
            ),
            "conflict": conflict,
        },
    )


# --- approval ---------------------------------------------------------------------------------------


@login_required
def approvals(request: HttpRequest) -> HttpResponse:
    """Values submitted for approval that the person may approve, oldest first; tick several
    and approve them at once. Someone who approves nothing finds it empty (no link leads here)."""
    directorate = request.GET.get("directorate", "")
    approvable = measurement_access(request.user, Action.APPROVE)
    if directorate:
        approvable = approvable.filter(indicator__directorate__code=directorate)
    # Values the person entered or submitted wait for someone else, unless the council allows
    # self-approval.
    own_of = None if organisation_settings_get().allow_self_approval else request.user
    locked = selectors.in_locked_quarters()
    queue = selectors.approvals_queue(measurements=approvable, own_of=own_of, locked=locked)
    waiting = (
        selectors.approvals_queue(measurements=approvable, own_of=own_of, own=True, locked=locked)
        if own_of
        else []
    )
    if request.GET.get("sort") == "code":
        queue = queue.order_by("indicator__code", "period_start")
    queue = list(queue)
    error = ""
    if request.method == "POST":
        chosen = _chosen_values(request)
        if chosen:
            _approve_chosen(request, chosen)
            return redirect(request.get_full_path())
        error = "Choose the values to approve."
    return _render(
        request,
        "performance/approvals.html",
        {
            "queue": queue,
            "statuses": statuses_if_approved(queue),
            "waiting": waiting,
            "locked_before_approval": list(selectors.locked_before_approval(approvable, locked)),
            "error": error,
            "error_in_title": bool(error),
            "directorate_options": _directorate_options(),
            "filters": {"directorate": directorate, "sort": request.GET.get("sort", "oldest")},
        },
    )


def _chosen_values(request) -> list[tuple[Measurement, int]]:
    """The ticked rows, each "id:version" as the queue showed it, with the values the person may
    read (a row they may not approve is refused, by name, by the service)."""
    seen: dict[int, int] = {}
    for text in request.POST.getlist("chosen"):
        pk, _, version = text.partition(":")
        if pk.isdigit() and version.isdigit():
            seen.setdefault(int(pk), int(version))
    found = measurement_access(request.user, Action.VIEW).select_related("indicator__owner")
    by_pk = found.in_bulk(list(seen))
    return [(by_pk[pk], version) for pk, version in seen.items() if pk in by_pk]


def _approve_chosen(request, chosen: list[tuple[Measurement, int]]) -> None:
    approved, refused = measurements_approve(chosen=chosen, by=request.user)
    if approved:
        rows = ", ".join(f"{m.indicator.code} {m.period}" for m in approved)
        messages.success(request, f"{plural(len(approved), 'value')} approved: {rows}.")
    if refused:
        reasons = " ".join(f"{r.row}: {r.reason}" for r in refused)
        messages.error(request, f"{plural(len(refused), 'value')} not approved. {reasons}")


@login_required
def measurement_review(request: HttpRequest, pk: int) -> HttpResponse:
    """Approve a submitted value, or return it with a reason the updater sees."""
    measurement = get_object_or_404(
        measurement_access(request.user, Action.VIEW).select_related(
            "indicator__directorate", "indicator__owner", "entered_by", "submitted_by"
        ),
        pk=pk,
    )
    _require(can(request.user, Action.APPROVE, measurement.indicator))
    period = parse(measurement.period, financial_year_start_month())
    locked = locked_quarter(measurement.indicator, period)
    # The form is not offered when the decision would be refused: a locked quarter, or one's own.
    own_value = (
        f"{locked.label} was locked before this value was approved: it was not published and can "
        "no longer be approved. To correct a published figure, restate it."
        if locked
        else services.own_value_refusal(measurement, request.user, "approve or return")
    )
    approve = forms.ApproveForm(
        request.POST if request.POST.get("decision") == "approve" else None,
        initial={"version": measurement.version},
    )
    give_back = forms.ReturnForm(
        request.POST if request.POST.get("decision") == "return" else None,
        initial={"version": measurement.version},
    )
    for form, decide in ((approve, "approve"), (give_back, "return")):
        if not form.is_bound or not form.is_valid():
            continue
        try:
            if decide == "approve":
                services.measurement_approve(
                    measurement=measurement,
                    by=request.user,
                    expected_version=form.cleaned_data["version"],
                )
                text = "approved"
            else:
                services.measurement_return(
                    measurement=measurement,
                    by=request.user,
                    reason=form.cleaned_data["reason"],
                    expected_version=form.cleaned_data["version"],
                )
                text = "returned to the updater"
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{measurement.indicator.code} {measurement.period} {text}.")
            return redirect("performance:approvals")
    preview = selectors.stored_value_status(measurement)
    return _render(
        request,
        "performance/measurement_review.html",
        {
            "measurement": measurement,
            "approve": approve,
            "give_back": give_back,
            "preview": preview,
            "own_value": own_value,
            "context": measurement_context(indicator=measurement.indicator, period=period),
            "preview_against": selectors.status_rated_against(measurement.indicator, preview)
            if preview
            else "",
            "errors": approve.errors or give_back.errors,
        },
    )


# --- the performance team: periods, indicators, targets ---------------------------------------------


@login_required
def periods(request: HttpRequest) -> HttpResponse:
    """Open a quarter for updates; see every quarter's state. Locking is the reporting team's."""
    _require(user_can_administer(request.user))
    form = forms.PeriodOpenForm(request.POST or None)

    def save(data):
        row = services.reporting_period_open(period=data["period"], by=request.user)
        return f"{parse(row.period).label} is open for updates.", reverse("performance:periods")

    if saved := form_saved(request, form, save):
        return saved
    return _render(
        request,
        "performance/periods.html",
        {
            "form": form,
            "periods": selectors.reporting_periods_list(),
            "lock_url": _reporting_lock_url,
            "parse": parse,
        },
    )


def _reporting_lock_url(period: str) -> str | None:
    """The reporting app's lock page for a quarter (locking freezes its snapshot there)."""
    from django.urls import NoReverseMatch

    try:
        return reverse("reporting:period_lock", kwargs={"period": period})
    except NoReverseMatch:
        return None


def _form_page(request, form, context: dict, on_valid) -> HttpResponse:
    saved = form_saved(request, form, on_valid)
    return saved or _render(request, "performance/form.html", {"form": form, **context})


@login_required
def indicator_create(request: HttpRequest) -> HttpResponse:
    _require(user_can_administer(request.user))
    form = forms.IndicatorForm(
        request.POST or None,
        initial={
            "decimals": 1,
            "due_quarter": 4,
            "frequency": "quarterly",
            "aggregation": "latest",
        },
    )

    def save(data):
        indicator = services.indicator_create(**data)
        return f"{indicator.code} added.", reverse("performance:indicator", args=[indicator.pk])

    context = {
        "title": "Add an indicator",
        "button": "Add indicator",
        "back": reverse("performance:index"),
    }
    return _form_page(request, form, context, save)


@login_required
def indicator_edit(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = _indicator(request, pk)
    _require(user_can_administer(request.user))
    names = [name for name in forms.IndicatorForm.base_fields if name not in {"code", "updaters"}]
    initial = {name: getattr(indicator, name) for name in names}
    initial.update(
        code=indicator.code,
        directorate=indicator.directorate_id,
        owner=indicator.owner_id,
        updaters=list(indicator.updaters.values_list("pk", flat=True)),
    )
    form = versioned(forms.IndicatorForm(request.POST or None, initial=initial), indicator)
    form.fields["code"].disabled = True

    @partial(saved_if_current, indicator, f"{indicator.code}'s settings")
    def save(data):
        data.pop("code")
        services.indicator_update(indicator=indicator, **data)
        return f"{indicator.code} saved.", reverse("performance:indicator", args=[indicator.pk])

    context = {
        "title": f"Change {indicator.code}",
        "button": "Save",
        "back": reverse("performance:indicator", args=[indicator.pk]),
    }
    return _form_page(request, form, context, save)


@login_required
def target_set(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = _indicator(request, pk)
    _require(user_can_administer(request.user))
    form = forms.TargetForm(request.POST or None)

    def save(data):
        target = services.target_set(indicator=indicator, **data)
        return (
            f"Target for {target.period} set to {target.value.normalize():f}.",
            reverse("performance:indicator", args=[indicator.pk]),
        )

    context = {
        "title": f"Set a target for {indicator.code}",
        "button": "Set target",
        "back": reverse("performance:indicator", args=[indicator.pk]),
    }
    return _form_page(request, form, context, save)


# --- restating a value of a locked quarter ----------------------------------------------------------


@login_required
def measurement_restate(request: HttpRequest, pk: int) -> HttpResponse:
    """The performance team restates a value of a locked quarter, with the reason."""
    _require(user_can_administer(request.user))
    measurement = get_object_or_404(
        measurement_access(request.user, Action.VIEW).select_related("indicator"), pk=pk
    )
    indicator = measurement.indicator
    if not selectors.measurement_is_locked(measurement):
        raise Http404(f"{measurement.period} is not locked: use the update form.")
    form = forms.RestateForm(
        request.POST or None, indicator=indicator, initial={"version": measurement.version}
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            services.measurement_restate(
                measurement=measurement,
                by=request.user,
                expected_version=data.pop("version"),
                **data,
            )
        except ValidationError as error:
            add_service_errors(form, error)
            if "version" in getattr(error, "error_dict", {}):
                form.data = form.data.copy()
                form.data["version"] = measurement.version
        else:
            _rounding_messages(request, data)
            messages.success(request, f"{indicator.code} {measurement.period} restated.")
            return redirect(reverse("performance:indicator", args=[indicator.pk]) + "#status")
    published = measurement.value.normalize() if measurement.value is not None else "none"
    return _render(
        request,
        "performance/form.html",
        {
            "form": form,
            "title": f"Restate {indicator.code} for {measurement.period}",
            "lead": f"{measurement.period} is locked. The value now is {published:f}"
            if measurement.value is not None
            else f"{measurement.period} is locked.",
            "lead_more": "Published reports keep the figure they were published with; the "
            "restatement shows on the indicator page and in the reports as a correction.",
            "warning": "The reason is published, with the date: when the public site is on, "
            "residents read it on this quarter's public pages and downloads. Write it for them.",
            "button": "Restate the value",
            "back": reverse("performance:indicator", args=[indicator.pk]),
        },
    )
