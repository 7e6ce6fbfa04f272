"""Internal audit's pages: the audit plan by year, an audit and its recommendations, adding and
changing audits (archived, never deleted), adding a recommendation, marking one implemented and
verifying it (by someone other than who marked it implemented)."""

from functools import partial

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from scorecard.core.periods import Period
from scorecard.organisation import clock
from scorecard.organisation.access import Action as Do
from scorecard.organisation.selectors import organisation_settings_get
from scorecard.web import form_saved, saved_if_current, versioned

from . import forms_audits as forms
from . import selectors_audits as selectors
from . import services
from .access import action_access, audit_access, user_keeps_audits
from .choices import ActionStatus
from .models import Action, Audit

SECTION = "actions"
AUDIT_FIELDS = [
    "reference", "title", "financial_year", "directorate", "issued_on", "opinion", "lead_auditor",
]  # fmt: skip


def _render(request, template: str, context: dict) -> HttpResponse:
    return render(request, template, {"active_section": SECTION, **context})


def _audit(request, pk: int, verb: Do = Do.VIEW) -> Audit:
    """The audit if the person may see it (404 otherwise), and may `verb` it (403 otherwise)."""
    audit = get_object_or_404(
        audit_access(request.user, Do.VIEW).select_related("directorate", "lead_auditor"), pk=pk
    )
    if verb is not Do.VIEW and not audit_access(request.user, verb).filter(pk=pk).exists():
        raise PermissionDenied
    return audit


def _recommendation(request, pk: int, verb: Do) -> Action:
    action = get_object_or_404(selectors.recommendation_get(request.user, pk))
    if not action_access(request.user, verb).filter(pk=pk).exists():
        raise PermissionDenied
    return action


def _audit_url(audit: Audit) -> str:
    return reverse("audits:audit", args=[audit.pk])


def _this_year() -> str:
    start = organisation_settings_get().financial_year_start_month
    return Period.containing(clock.today(), "year", start).year_label


@login_required
def audit_list(request: HttpRequest) -> HttpResponse:
    """The audit plan of a year: each audit and its recommendations by status and overdue."""
    years = selectors.audit_years(request.user)
    year = request.GET.get("year", "")
    if year not in years:
        this_year = _this_year()
        year = this_year if this_year in years or not years else years[0]
    archived = request.GET.get("archived") == "1"
    return _render(
        request,
        "audits/list.html",
        {
            "year_options": [(y, y) for y in years or [year]],
            "year": year,
            "archived": archived,
            "lines": selectors.audit_plan(
                request.user, year, today=clock.today(), archived=archived
            ),
            "statuses": selectors.PLAN_STATUSES,
            "status_labels": dict(ActionStatus.choices),
            "may_add": user_keeps_audits(request.user),
        },
    )


@login_required
def audit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    audit = _audit(request, pk)
    return _render(
        request,
        "audits/audit.html",
        {
            "audit": audit,
            "recommendations": selectors.audit_recommendations(
                request.user, audit, today=clock.today()
            ),
            "may_edit": audit_access(request.user, Do.EDIT).filter(pk=pk).exists(),
        },
    )


def _form_page(request, form, *, title: str, button: str, back: str, caption="", lead=""):
    return _render(
        request,
        "actions/form.html",
        {
            "form": form,
            "title": title,
            "caption": caption,
            "lead": lead,
            "button": button,
            "back": back,
        },
    )


@login_required
def audit_create(request: HttpRequest) -> HttpResponse:
    if not user_keeps_audits(request.user):
        raise PermissionDenied
    form = forms.AuditForm(request.POST or None, initial={"financial_year": _this_year()})

    def save(data):
        audit = services.audit_create(**data)
        return f"{audit} added to the {audit.financial_year} audit plan.", _audit_url(audit)

    if saved := form_saved(request, form, save):
        return saved
    return _form_page(
        request, form, title="Add an audit", button="Add audit", back=reverse("audits:list")
    )


@login_required
def audit_edit(request: HttpRequest, pk: int) -> HttpResponse:
    audit = _audit(request, pk, Do.EDIT)
    initial = {name: getattr(audit, name) for name in [*AUDIT_FIELDS, "is_archived"]}
    form = versioned(forms.AuditEditForm(request.POST or None, initial=initial), audit)
    title = f"Change {audit.reference}"  # before a refused save leaves its values on audit

    @partial(saved_if_current, audit, str(audit))
    def save(data):
        services.audit_update(audit=audit, **data)
        return f"{audit} saved.", _audit_url(audit)

    if saved := form_saved(request, form, save):
        return saved
    return _form_page(request, form, title=title, button="Save", back=_audit_url(audit))


@login_required
def recommendation_create(request: HttpRequest, pk: int) -> HttpResponse:
    audit = _audit(request, pk, Do.EDIT)
    form = forms.RecommendationForm(request.POST or None)

    def save(data):
        services.action_create(subject=audit, **data)
        return f"Recommendation added to {audit.reference}.", _audit_url(audit)

    if saved := form_saved(request, form, save):
        return saved
    return _form_page(
        request,
        form,
        title="Add a recommendation",
        button="Add recommendation",
        back=_audit_url(audit),
        caption=str(audit),
    )


@login_required
def recommendation_implemented(request: HttpRequest, pk: int) -> HttpResponse:
    """The owner (or whoever keeps audits) marks a recommendation implemented, with evidence;
    internal audit then verifies it."""
    action = _recommendation(request, pk, Do.EDIT)
    back = _audit_url(action.audit)
    if action.status not in (ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS):
        return _render(
            request,
            "audits/refused.html",
            {
                "title": "Mark implemented",
                "action": action,
                "reason": f"This recommendation is {action.get_status_display().lower()}: "
                "only one not started or in progress can be marked implemented.",
                "back": back,
            },
        )
    form = forms.ImplementedForm(request.POST or None, initial={"evidence": action.evidence})

    def save(data):
        services.action_update(
            action=action,
            status=ActionStatus.IMPLEMENTED,
            evidence=data["evidence"].strip(),
            by=request.user,
        )
        return "Marked implemented: internal audit will verify it.", back

    if saved := form_saved(request, form, save):
        return saved
    return _form_page(
        request,
        form,
        title="Mark implemented",
        button="Mark implemented",
        back=back,
        caption=action.description[:120],
        lead="Someone in internal audit other than you then checks the evidence and verifies it.",
    )


@login_required
def recommendation_verify(request: HttpRequest, pk: int) -> HttpResponse:
    """Internal audit confirms an implemented recommendation; the page says why when it may
    not (not implemented yet, or marked implemented by this person)."""
    action = _recommendation(request, pk, Do.DECIDE)
    back = _audit_url(action.audit)
    verify = selectors.verification(request.user, action, may_decide=True)
    if not verify.allowed:
        reason = verify.reason or (
            f"This recommendation is {action.get_status_display().lower()}: only an implemented "
            "one can be verified."
        )
        return _render(
            request,
            "audits/refused.html",
            {"title": "Verify", "action": action, "reason": reason, "back": back},
        )
    form = forms.VerifyForm(request.POST or None)

    def save(data):
        if data["decision"] == "send_back":
            services.recommendation_send_back(action=action, by=request.user, note=data["note"])
            return "Sent back to its owner, in progress.", back
        services.recommendation_verify(action=action, by=request.user)
        return "Recommendation verified.", back

    if saved := form_saved(request, form, save):
        return saved
    implementer = action.implemented_by
    return _form_page(
        request,
        form,
        title="Verify the recommendation",
        button="Save",
        back=back,
        caption=action.description[:120],
        lead=(
            f"Marked implemented by {implementer.get_full_name() or implementer.username} on "
            f"{action.completed_on:%-d %B %Y}. Evidence: {action.evidence or 'none given'}"
        ),
    )
