"""Pages of every action, whatever it belongs to: the council-wide list, an action's page, its
progress, extension requests and their decisions, and a new action on an indicator or project.
Audit pages are views_audits.py's."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from scorecard.core.actions_due import days_overdue, may_decide_extension
from scorecard.history import history_entries, record_version
from scorecard.organisation import clock
from scorecard.organisation.access import Action as Do
from scorecard.rendering.csv_file import csv_bytes
from scorecard.web import add_service_errors, form_saved, paginate

from . import forms, selectors, services, subjects
from .access import action_access, extension_access, user_keeps_audits
from .choices import ACTION_STATUSES_OPEN, ExtensionDecision
from .models import SUBJECT_FIELDS, Action, ExtensionRequest

SECTION = "actions"
KINDS = {"risk": "Risks", "indicator": "Indicators", "project": "Projects", "audit": "Audits"}
STATUSES = {
    "open": "Open",
    "overdue": "Overdue",
    "done": "Done or cancelled",
    "extension": "Extension waiting",
}


def _render(request, template: str, context: dict) -> HttpResponse:
    return render(request, template, {"active_section": SECTION, **context})


def _action(request, pk: int, verb: Do = Do.VIEW) -> Action:
    """The action if the person may see it (404 otherwise), and may `verb` it (403 otherwise)."""
    action = get_object_or_404(selectors.with_subjects(action_access(request.user, Do.VIEW)), pk=pk)
    if verb is not Do.VIEW and not action_access(request.user, verb).filter(pk=pk).exists():
        raise PermissionDenied
    return selectors.describe([action])[0]


def _url(action: Action) -> str:
    return reverse("actions:action", args=[action.pk])


@login_required
def action_list(request: HttpRequest) -> HttpResponse:
    kind = request.GET.get("kind", "")
    status = request.GET.get("status", "open")
    mine = request.GET.get("mine") == "1"
    today = clock.today()
    rows = selectors.action_list(
        request.user,
        kind=kind if kind in KINDS else "",
        status=status if status in STATUSES else "",
        mine=mine,
        today=today,
    )
    if request.GET.get("format") == "csv":
        return _csv(selectors.describe(list(rows)), today)
    page = paginate(request, selectors.with_waiting_extension(rows, request.user))
    actions = selectors.describe(list(page["page"]))
    for action in actions:
        action.days_overdue = days_overdue(
            status=action.status, agreed=action.due_on, revised=action.revised_due_on, today=today
        )
        # The decision page's link, for those who may decide it: never the one who asked.
        action.may_decide_waiting = (
            action.waiting_id is not None
            and action.may_decide
            and may_decide_extension(request.user.pk, action.waiting_requested_by_id)
        )
    return _render(
        request,
        "actions/list.html",
        {
            "actions": actions,
            **page,
            "kinds": KINDS,
            "statuses": STATUSES,
            "kind": kind,
            "status": status,
            "mine": mine,
            "counts": selectors.action_counts(request.user, today=today),
        },
    )


CSV_COLUMNS = ["Belongs to", "Kind", "Action", "Owner", "Due on (first agreed)",
               "Revised due on", "Days overdue", "Status", "Per cent complete", "Progress",
               "Priority", "Management response"]  # fmt: skip


def _csv(actions: list[Action], today) -> HttpResponse:
    """The list as filtered, every row, for a spreadsheet (the Audit Committee, a director):
    owners by name, and each cell as the other downloads write it (rendering/csv_file.py)."""
    rows = (
        [a.about.name, a.about.kind, a.description, _name(a.owner), a.due_on, a.revised_due_on,
         days_overdue(status=a.status, agreed=a.due_on, revised=a.revised_due_on, today=today),
         a.get_status_display(), a.percent_complete, a.progress, a.get_priority_display(),
         a.management_response]
        for a in actions
    )  # fmt: skip
    response = HttpResponse(csv_bytes(CSV_COLUMNS, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="actions.csv"'
    return response


def _name(person) -> str:
    return person.get_full_name() or person.username


@login_required
def action_detail(request: HttpRequest, pk: int) -> HttpResponse:
    action = _action(request, pk)
    today = clock.today()
    action.days_overdue = days_overdue(
        status=action.status, agreed=action.due_on, revised=action.revised_due_on, today=today
    )
    may_decide = action_access(request.user, Do.DECIDE).filter(pk=pk).exists()
    extensions = list(action.extensions.select_related("requested_by", "decided_by"))
    for extension in extensions:
        extension.may_decide = (
            may_decide
            and extension.decision == ExtensionDecision.PENDING
            and may_decide_extension(request.user.pk, extension.requested_by_id)
        )
    history = history_entries(
        [Action.history.filter(id=action.pk), ExtensionRequest.history.filter(action_id=action.pk)],
        describe=lambda r: "Action" if r.instance_type is Action else f"Extension #{r.id}",
    )
    return _render(
        request,
        "actions/action.html",
        {
            "action": action,
            "extensions": extensions,
            "pending": any(e.decision == ExtensionDecision.PENDING for e in extensions),
            "may_edit": action_access(request.user, Do.EDIT).filter(pk=pk).exists(),
            "history": history,
        },
    )


@login_required
def action_progress(request: HttpRequest, pk: int) -> HttpResponse:
    action = _action(request, pk, Do.EDIT)
    form = forms.ProgressForm(
        request.POST or None,
        action=action,
        may_cancel=user_keeps_audits(request.user),
        initial={
            "status": action.status,
            "percent_complete": action.percent_complete,
            "progress": action.progress,
            "on_track": action.on_track,
            "evidence": action.evidence,
        },
    )
    form.fields["version"] = forms.forms.IntegerField(widget=forms.forms.HiddenInput)
    form.initial["version"] = record_version(action)

    def save(data):
        data = dict(data)
        services.action_progress(
            action=action, seen_version=data.pop("version"), by=request.user, **data
        )
        return "Progress saved.", _url(action)

    if saved := form_saved(request, form, save):
        return saved
    return _form_page(
        request, form, action, title="Update progress", button="Save progress",
        lead=_recommendation_steps(action),
    )  # fmt: skip


def _recommendation_steps(action: Action) -> str:
    """Where a recommendation's status moves, since its progress form does not move it."""
    if not action.is_recommendation:
        return ""
    if action.status in ACTION_STATUSES_OPEN:
        return (
            "When it is done, use “Mark implemented” on the audit's page: it asks for the "
            "evidence internal audit checks."
        )
    return f"It is {action.get_status_display().lower()}: the status stays as it is."


@login_required
def extension_request(request: HttpRequest, pk: int) -> HttpResponse:
    """The action's owner (or someone who may change it) asks for a later due date."""
    action = _action(request, pk, Do.EDIT)
    if action.extensions.filter(decision=ExtensionDecision.PENDING).exists():
        return _refused(
            request, action, "Ask for more time",
            "An extension is already waiting for a decision: see it on the action's page.",
        )  # fmt: skip
    form = forms.ExtensionRequestForm(request.POST or None)

    def save(data):
        services.extension_request(action=action, requested_by=request.user, **data)
        return "Extension requested: the due date moves once someone else approves it.", _url(
            action
        )

    if saved := form_saved(request, form, save):
        return saved
    return _form_page(
        request,
        form,
        action,
        title="Ask for more time",
        button="Ask for the new date",
        lead=f"Due now: {action.current_due_on:%-d %B %Y}. Someone other than you decides.",
    )


@login_required
def extension_decide(request: HttpRequest, pk: int) -> HttpResponse:
    extension = get_object_or_404(
        extension_access(request.user, Do.VIEW).select_related("requested_by"), pk=pk
    )
    action = _action(request, extension.action_id, Do.DECIDE)
    if extension.decision != ExtensionDecision.PENDING:
        decider = extension.decided_by
        return _refused(
            request, action, "Decide an extension",
            f"This extension was {extension.get_decision_display().lower()} by "
            f"{decider.get_full_name() or decider.username if decider else 'someone'} on "
            f"{extension.decided_on:%-d %B %Y}.",
        )  # fmt: skip
    if not may_decide_extension(request.user.pk, extension.requested_by_id):
        return _refused(
            request, action, "Decide an extension",
            "You asked for this extension, so someone else decides it: it waits for them "
            "among the extensions waiting for a decision on the actions list.",
        )  # fmt: skip
    form = forms.ExtensionDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.extension_decide(
                extension=extension,
                decided_by=request.user,
                approve=form.cleaned_data["decision"] == "approve",
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Extension decided.")
            return redirect(_url(action))
    return _form_page(
        request,
        form,
        action,
        title="Decide an extension",
        button="Save decision",
        lead=(
            f"{extension.requested_by.get_full_name() or extension.requested_by.username} asks to "
            f"move the due date from {action.current_due_on:%-d %B %Y} to "
            f"{extension.new_due_on:%-d %B %Y}: {extension.reason}"
        ),
    )


@login_required
def action_create(request: HttpRequest, field: str, pk: int) -> HttpResponse:
    """A new action on something the person may change: an indicator's improvement action, a
    project's action (a risk's further actions and audit recommendations have their own forms,
    with the facts they need)."""
    if field not in SUBJECT_FIELDS or field in ("risk", "audit"):
        raise Http404
    subject = subjects.subject(field)
    target = get_object_or_404(subject.access(request.user, Do.VIEW), pk=pk)
    if not subject.access(request.user, Do.EDIT).filter(pk=pk).exists():
        raise PermissionDenied
    form = forms.NewActionForm(request.POST or None)
    back = subject.url(target)

    def save(data):
        services.action_create(subject=target, **data)
        # Back on the page's Actions tab, where the new action is (the tab's id on each page).
        return f"Action added to {subject.name(target)}.", f"{back}#actions"

    if saved := form_saved(request, form, save):
        return saved
    return _render(
        request,
        "actions/form.html",
        {
            "form": form,
            "title": "Add an action",
            "caption": f"{subject.label}: {subject.name(target)}",
            "button": "Add action",
            "back": back,
        },
    )


def _refused(request, action: Action, title: str, reason: str) -> HttpResponse:
    """Why the form is not offered, rather than a form that could only be refused."""
    return _render(
        request,
        "audits/refused.html",
        {"title": title, "action": action, "reason": reason, "back": _url(action)},
    )


def _form_page(request, form, action: Action, *, title: str, button: str, lead: str = ""):
    return _render(
        request,
        "actions/form.html",
        {
            "form": form,
            "title": title,
            "caption": action.description[:120],
            "lead": lead,
            "button": button,
            "back": _url(action),
        },
    )
