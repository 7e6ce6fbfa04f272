"""Risk register pages: the filtered, ranked list; the risk page; review, action update,
escalation request and decision. Access goes through access.risk_access only."""

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from scorecard import panels
from scorecard.history import history_entries, record_version
from scorecard.organisation import clock
from scorecard.organisation.access import Action as Do
from scorecard.organisation.selectors import directorates_list, people_list
from scorecard.web import add_service_errors, form_saved, paginate, saved_if_current, versioned

from . import forms, services
from .access import (
    action_access,
    can,
    control_access,
    escalation_access,
    register_access,
    registers_for_risk,
    risk_access,
    user_can_manage_risks,
)
from .models import Action, Assessment, Control, Escalation, IndicatorLink, Risk
from .selectors import (
    NoCurrentMatrix,
    registers_list,
    risk_areas_list,
    risk_matrix_current,
)
from .selectors.pages import (
    escalations_awaiting,
    review_quarters,
    risk_page,
    risk_ratings,
    risks_filtered,
)
from .services.escalation import registers_above
from .services.risks import EDITABLE_FIELDS

SECTION = "risks"


def _render(request, template: str, context: dict) -> HttpResponse:
    return render(request, template, {"active_section": SECTION, **context})


def _risk_url(risk: Risk, anchor: str = "") -> str:
    return reverse("risks:risk", args=[risk.pk]) + anchor


def _risk(request, pk: int, action: Do = Do.VIEW) -> Risk:
    """The risk if the person may see it (else 404) and do `action` with it (else 403)."""
    risk = get_object_or_404(
        risk_access(request.user, Do.VIEW).select_related(
            "owner", "register__directorate", "escalated_to", "area", "category"
        ),
        pk=pk,
    )
    if action is not Do.VIEW and not can(request.user, action, risk):
        raise PermissionDenied
    return risk


def _matrix():
    try:
        return risk_matrix_current()
    except NoCurrentMatrix:
        return None


@login_required
def index(request: HttpRequest) -> HttpResponse:
    """The register: every live risk the person may see, filtered from the URL, ranked."""
    matrix = _matrix()
    keys = ["register", "directorate", "area", "band", "owner", "sort"]
    filters = {key: request.GET.get(key, "") for key in keys}
    filters["overdue"] = request.GET.get("overdue") == "yes"
    risks = []
    if matrix is not None:
        risks = risks_filtered(
            risks=risk_access(request.user, Do.VIEW),
            matrix=matrix,
            register=filters["register"],
            directorate=filters["directorate"],
            area=filters["area"],
            band=filters["band"],
            owner=filters["owner"],
            overdue=filters["overdue"],
            sort=filters["sort"] or "rank",
        )
    bands = {band.key: band for band in matrix.bands} if matrix else {}
    options = {
        "register": [("", "All registers")] + [(str(r.pk), r.name) for r in registers_list()],
        "directorate": [("", "All directorates")]
        + [(d.code, d.name) for d in directorates_list()],
        "area": [("", "All risk areas")] + [(str(a.pk), a.name) for a in risk_areas_list()],
        "band": [("", "Any band")]
        + [(b.key, b.label) for b in sorted(bands.values(), key=lambda b: -b.severity)],
        "owner": [("", "Anyone")] + [(str(p.pk), str(p)) for p in people_list()],
        "sort": [("rank", "Rank (highest score first)"), ("reference", "Reference"),
                 ("review", "Next review date")],
    }  # fmt: skip
    return _render(
        request,
        "risks/index.html",
        {
            "matrix": matrix,
            **paginate(request, risks),
            "bands": bands,
            "filters": filters,
            "options": options,
            "today": clock.today(),
            "can_add": matrix is not None and register_access(request.user, Do.EDIT).exists(),
            "can_manage": user_can_manage_risks(request.user),
            "awaiting": escalations_awaiting(risks=risk_access(request.user, Do.DECIDE))
            if user_can_manage_risks(request.user)
            else [],
        },
    )


@login_required
def risk_detail(request: HttpRequest, pk: int) -> HttpResponse:
    risk = _risk(request, pk)
    matrix = _matrix()
    page = risk_page(risk=risk)
    history = history_entries(
        [
            risk.history.all(),
            Assessment.history.filter(risk_id=risk.pk),
            Control.history.filter(risk_id=risk.pk),
            Action.history.filter(risk_id=risk.pk),
            Escalation.history.filter(risk_id=risk.pk),
            IndicatorLink.history.filter(risk_id=risk.pk),
        ],
        describe=lambda r: (
            f"{r.instance_type._meta.verbose_name.capitalize()}"
            + ("" if r.instance_type is Risk else f" #{r.id}")
        ),
    )
    can_edit = can(request.user, Do.EDIT, risk)
    return _render(
        request,
        "risks/risk.html",
        {
            "risk": risk,
            "page": page,
            "matrix": matrix,
            "ratings": risk_ratings(risk, matrix) if matrix else [],
            "history": history,
            "can_edit": can_edit and risk.status != "closed",
            "can_decide": user_can_manage_risks(request.user),
            "today": clock.today(),
            **panels.collect("risk", request=request, obj=risk),
        },
    )


@login_required
def risk_review(request: HttpRequest, pk: int) -> HttpResponse:
    """Review a risk: new likelihood and impact (score and band shown as chosen), commentary."""
    risk = _risk(request, pk, Do.EDIT)
    matrix = _matrix()
    if matrix is None:
        raise PermissionDenied
    version = record_version(risk)
    filing = review_quarters()
    form = forms.ReviewForm(
        request.POST or None,
        matrix=matrix,
        quarters=filing.choices or ([filing.default] if filing.default else []),
        initial={
            "likelihood": risk.current_likelihood,
            "impact": risk.current_impact,
            "period": filing.default.key if filing.default else "",
            "version": version,
        },
    )
    conflict = []
    if request.method == "POST" and request.POST.get("action") != "preview" and form.is_valid():
        data = form.cleaned_data
        try:
            services.risk_review(
                risk=risk,
                likelihood=data["likelihood"],
                impact=data["impact"],
                commentary=data["commentary"],
                assessor=request.user,
                seen_version=data["version"],
                period=data["period"] or None,
            )
        except ValidationError as error:
            if "version" in getattr(error, "error_dict", {}):
                conflict = _changes_since(risk, data["version"])
                form.data = form.data.copy()
                form.data["version"] = version
                form.add_error(None, error.message_dict["version"])
            else:
                add_service_errors(form, error)
        else:
            risk.refresh_from_db()
            band = matrix.band_for(risk.current_likelihood, risk.current_impact)
            messages.success(
                request,
                f"{risk.reference} reviewed: score {risk.current_score}, {band.label.lower()}.",
            )
            return redirect("risks:risk", pk=risk.pk)
    chosen = _chosen(form, matrix)
    return _render(
        request,
        "risks/review.html",
        {
            "risk": risk,
            "form": form,
            "matrix": matrix,
            "chosen": chosen,
            "conflict": conflict,
            "filing": filing,
        },
    )


def _chosen(form, matrix):
    """The score and band of the likelihood and impact on the form now, for the preview."""
    source = form.data if form.is_bound else form.initial
    try:
        likelihood, impact = int(source.get("likelihood")), int(source.get("impact"))
    except (TypeError, ValueError):
        return None
    if not matrix.contains(likelihood, impact):
        return None
    return {
        "likelihood": likelihood,
        "impact": impact,
        "score": likelihood * impact,
        "band": matrix.band_for(likelihood, impact),
    }


def _changes_since(obj, seen_version: int):
    """The history entries saved after the version the person opened, to show them."""
    records = obj.history.filter(history_id__gte=seen_version)
    entries = history_entries([records])
    if records.filter(history_id=seen_version).exists():
        entries = entries[:-1]  # the version the person saw: only the changes after it
    return entries


@login_required
def action_update(request: HttpRequest, pk: int) -> HttpResponse:
    action = get_object_or_404(
        action_access(request.user, Do.VIEW).select_related("risk", "owner"), pk=pk
    )
    if not action_access(request.user, Do.EDIT).filter(pk=action.pk).exists():
        raise PermissionDenied
    version = record_version(action)
    form = forms.ActionForm(
        request.POST or None,
        action=action,
        initial={
            "status": action.status,
            "percent_complete": action.percent_complete,
            "progress": action.progress,
            "on_track": action.on_track,
            "evidence": action.evidence,
            "revised_due_on": action.revised_due_on.strftime("%d/%m/%Y")
            if action.revised_due_on
            else "",
            "version": version,
        },
    )
    conflict = []
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        seen = data.pop("version")
        try:
            services.action_progress(action=action, seen_version=seen, **data)
        except ValidationError as error:
            if "version" in getattr(error, "error_dict", {}):
                conflict = _changes_since(action, seen)
                form.data = form.data.copy()
                form.data["version"] = version
                form.add_error(None, error.message_dict["version"])
            else:
                add_service_errors(form, error)
        else:
            messages.success(request, f"Action on {action.risk.reference} updated.")
            return redirect("risks:risk", pk=action.risk_id)
    return _render(
        request,
        "risks/form.html",
        {
            "form": form,
            "title": f"Update an action on {action.risk.reference}",
            "caption": action.description,
            "button": "Save progress",
            "risk": action.risk,
            "conflict": conflict,
        },
    )


@login_required
def escalation_request(request: HttpRequest, pk: int) -> HttpResponse:
    risk = _risk(request, pk, Do.EDIT)
    above = registers_above(risk.escalated_to or risk.register)
    form = forms.EscalationRequestForm(request.POST or None, registers=above)

    def save(data):
        services.escalation_request(
            risk=risk,
            to_register=form.registers[data["to_register"]],
            reason=data["reason"],
            requested_by=request.user,
        )
        return f"Escalation of {risk.reference} requested.", _risk_url(risk)

    if saved := form_saved(request, form, save):
        return saved
    return _render(
        request,
        "risks/form.html",
        {
            "form": form,
            "title": f"Ask to escalate {risk.reference}",
            "caption": risk.title,
            "button": "Request escalation",
            "risk": risk,
        },
    )


@login_required
def escalation_decide(request: HttpRequest, pk: int) -> HttpResponse:
    if not user_can_manage_risks(request.user):
        raise PermissionDenied
    escalation = get_object_or_404(
        escalation_access(request.user, Do.DECIDE).select_related(
            "risk", "from_register", "to_register", "requested_by"
        ),
        pk=pk,
    )
    form = forms.EscalationDecisionForm(request.POST or None)

    def save(data):
        services.escalation_decide(
            escalation=escalation,
            accepted=data["decision"] == "accept",
            decided_by=request.user,
            note=data["note"],
        )
        return f"Escalation of {escalation.risk.reference} decided.", _risk_url(escalation.risk)

    if saved := form_saved(request, form, save):
        return saved
    return _render(
        request,
        "risks/form.html",
        {
            "form": form,
            "title": f"Decide: escalate {escalation.risk.reference} to {escalation.to_register}?",
            "caption": f"Requested by {escalation.requested_by}: {escalation.reason}",
            "button": "Record decision",
            "risk": escalation.risk,
        },
    )


# --- creating, changing and closing a risk; its controls and actions ---------------------------------


def _edit_page(request, form, context: dict) -> HttpResponse:
    return _render(request, "risks/edit.html", {"form": form, **context})


def _matrix_or_403():
    matrix = _matrix()
    if matrix is None:
        raise PermissionDenied("No risk matrix is in use yet.")
    return matrix


@login_required
def risk_create(request: HttpRequest) -> HttpResponse:
    """A new risk on a register the person may add to (administrators: any; editors: theirs)."""
    registers = register_access(request.user, Do.EDIT)
    if not registers.exists():
        raise PermissionDenied
    matrix = _matrix_or_403()
    form = forms.RiskForm(
        request.POST or None,
        matrix=matrix,
        registers=registers,
        creating=True,
        initial={"owner": request.user.pk},
    )

    def save(data):
        risk = services.risk_create(**data)
        return f"{risk.reference} added to {risk.register}.", _risk_url(risk)

    if saved := form_saved(request, form, save):
        return saved
    return _edit_page(
        request,
        form,
        {"title": "Add a risk", "button": "Add risk", "back": reverse("risks:index")},
    )


@login_required
def risk_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Change a risk's description, owner, register, area, category, target and review frequency."""
    risk = _risk(request, pk, Do.EDIT)
    if risk.status == "closed":
        raise PermissionDenied
    matrix = _matrix_or_403()
    version = record_version(risk)
    registers = registers_for_risk(request.user, risk)
    form = forms.RiskForm(request.POST or None, matrix=matrix, registers=registers,
                          creating=False, initial=_risk_initial(risk, version))  # fmt: skip
    conflict = []
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        seen = data.pop("version")
        try:
            services.risk_change(risk=risk, seen_version=seen, **data)
        except ValidationError as error:
            if "version" in getattr(error, "error_dict", {}):
                conflict = _changes_since(risk, seen)
                form.data = form.data.copy()
                form.data["version"] = version
                form.add_error(None, error.message_dict["version"])
            else:
                add_service_errors(form, error)
        else:
            messages.success(request, f"{risk.reference} saved.")
            return redirect("risks:risk", pk=risk.pk)
    return _edit_page(
        request,
        form,
        {
            "title": f"Change {risk.reference}",
            "caption": risk.title,
            "lead": "The current rating changes through a review.",
            "button": "Save",
            "back": _risk_url(risk),
            "back_text": "Back to the risk",
            "conflict": conflict,
        },
    )


def _risk_initial(risk: Risk, version: int) -> dict:
    initial = {name: getattr(risk, name) for name in EDITABLE_FIELDS - {"category"}}
    initial.update(
        owner=risk.owner_id, register=risk.register_id, area=risk.area_id, version=version,
        category=risk.category_id,
    )  # fmt: skip
    if risk.target_date:
        initial["target_date"] = risk.target_date.strftime("%d/%m/%Y")
    return initial


@login_required
def risk_close(request: HttpRequest, pk: int) -> HttpResponse:
    """Close a risk with the reason: it is archived with its history, never deleted."""
    risk = _risk(request, pk, Do.EDIT)
    form = forms.RiskCloseForm(request.POST or None)

    def save(data):
        services.risk_close(risk=risk, reason=data["reason"])
        return f"{risk.reference} closed. It stays on record.", _risk_url(risk)

    if saved := form_saved(request, form, save):
        return saved
    return _edit_page(
        request,
        form,
        {
            "title": f"Close {risk.reference}",
            "caption": risk.title,
            "button": "Close the risk",
            "back": _risk_url(risk),
            "back_text": "Back to the risk",
        },
    )


@login_required
def control_create(request: HttpRequest, pk: int) -> HttpResponse:
    risk = _risk(request, pk, Do.EDIT)
    form = forms.ControlForm(request.POST or None)

    def save(data):
        services.control_create(risk=risk, **data)
        return f"Control added to {risk.reference}.", _risk_url(risk, "#treatment")

    if saved := form_saved(request, form, save):
        return saved
    return _edit_page(
        request,
        form,
        {
            "title": f"Add a control to {risk.reference}",
            "caption": risk.title,
            "button": "Add control",
            "back": _risk_url(risk),
            "back_text": "Back to the risk",
        },
    )


@login_required
def control_edit(request: HttpRequest, pk: int) -> HttpResponse:
    control = get_object_or_404(control_access(request.user, Do.VIEW), pk=pk)
    risk = _risk(request, control.risk_id, Do.EDIT)
    form = versioned(
        forms.ControlChangeForm(
            request.POST or None,
            initial={
                "description": control.description,
                "owner": control.owner_id,
                "effectiveness": control.effectiveness,
                "is_archived": control.is_archived,
            },
        ),
        control,
    )

    @partial(saved_if_current, control, "this control")
    def save(data):
        services.control_update(control=control, **data)
        return f"Control on {risk.reference} saved.", _risk_url(risk, "#treatment")

    if saved := form_saved(request, form, save):
        return saved
    return _edit_page(
        request,
        form,
        {
            "title": f"Change a control on {risk.reference}",
            "caption": risk.title,
            "button": "Save",
            "back": _risk_url(risk),
            "back_text": "Back to the risk",
        },
    )


@login_required
def action_create(request: HttpRequest, pk: int) -> HttpResponse:
    risk = _risk(request, pk, Do.EDIT)
    form = forms.NewActionForm(request.POST or None, initial={"owner": risk.owner_id})

    def save(data):
        services.action_create(risk=risk, **data)
        return f"Action added to {risk.reference}.", _risk_url(risk, "#treatment")

    if saved := form_saved(request, form, save):
        return saved
    return _edit_page(
        request,
        form,
        {
            "title": f"Add a further action to {risk.reference}",
            "caption": risk.title,
            "button": "Add action",
            "back": _risk_url(risk),
            "back_text": "Back to the risk",
        },
    )


# --- Indicators the risk threatens --------------------------------------------------------------


@login_required
def indicator_link(request: HttpRequest, pk: int) -> HttpResponse:
    """Link the risk to an indicator it threatens."""
    risk = _risk(request, pk, Do.EDIT)
    form = forms.IndicatorLinkForm(request.POST or None)

    def save(data):
        services.risk_indicator_link(risk=risk, by=request.user, **data)
        return f"{risk.reference} linked to {data['indicator']}.", _risk_url(risk)

    if saved := form_saved(request, form, save):
        return saved
    return _edit_page(
        request,
        form,
        {
            "title": f"Link {risk.reference} to an indicator it threatens",
            "caption": risk.title,
            "lead": "Both pages will then show the other: the risk its indicators' status, "
            "the indicator the risk's score.",
            "button": "Link indicator",
            "back": _risk_url(risk),
            "back_text": "Back to the risk",
        },
    )


@login_required
@require_POST
def indicator_unlink(request: HttpRequest, pk: int) -> HttpResponse:
    """Unlink an indicator: the link is archived and stays in the risk's history."""
    link = get_object_or_404(
        IndicatorLink.objects.filter(risk__in=risk_access(request.user, Do.VIEW)), pk=pk
    )
    risk = _risk(request, link.risk_id, Do.EDIT)
    try:
        services.risk_indicator_unlink(link=link, by=request.user)
    except ValidationError:
        messages.error(request, "That indicator was already unlinked.")
    else:
        messages.success(request, f"Indicator unlinked from {risk.reference}.")
    return redirect(_risk_url(risk))
