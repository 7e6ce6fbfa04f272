"""Programme, project, update and settings pages. Access through `access.py` only."""

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from scorecard import web
from scorecard.actions.selectors import actions_panel
from scorecard.core import periods
from scorecard.history import history_entries
from scorecard.organisation.access import Action
from scorecard.performance.access import user_has_any_role

from . import forms, selectors, services
from .access import can, update_access, user_can_manage_projects
from .choices import UpdateState
from .models import Milestone, ProjectFinance, ProjectStage, ProjectUpdate

SECTION = "projects"


def _render(request, template: str, context: dict) -> HttpResponse:
    return render(request, template, {"active_section": SECTION, **context})


def _found(obj):
    if obj is None:
        raise Http404
    return obj


def _require_manager(request) -> None:
    if not user_can_manage_projects(request.user):
        raise PermissionDenied


def _require_role(request) -> None:
    """The lists are for people with a role, as the reports are."""
    if not user_has_any_role(request.user):
        raise PermissionDenied


@login_required
def index(request: HttpRequest) -> HttpResponse:
    _require_role(request)
    lines = selectors.project_lines(request.user)
    return _render(
        request,
        "projects/index.html",
        {
            "lines": lines,
            "approvals": selectors.approvals_for(request.user),
            "can_manage": user_can_manage_projects(request.user),
        },
    )


@login_required
def programmes(request: HttpRequest) -> HttpResponse:
    _require_role(request)
    return _render(
        request,
        "projects/programmes.html",
        {
            "programmes": selectors.programme_list(request.user),
            "can_manage": user_can_manage_projects(request.user),
        },
    )


@login_required
def programme(request: HttpRequest, pk: int) -> HttpResponse:
    found = _found(selectors.programme_get(request.user, pk))
    return _render(
        request,
        "projects/programme.html",
        {
            "programme": found,
            "lines": selectors.project_lines(request.user, programme=found),
            "can_manage": user_can_manage_projects(request.user),
        },
    )


@login_required
def project(request: HttpRequest, pk: int) -> HttpResponse:
    found = _found(selectors.project_get(request.user, pk))
    history = history_entries(
        [
            found.history.all(),
            Milestone.history.filter(project_id=found.pk),
            ProjectFinance.history.filter(project_id=found.pk),
            ProjectUpdate.history.filter(project_id=found.pk),
        ]
    )
    return _render(
        request,
        "projects/project.html",
        {
            "project": found,
            "history": history,
            "can_manage": user_can_manage_projects(request.user),
            **selectors.project_page(request.user, found),
            **actions_panel(request.user, found),
        },
    )


WHO_WRITES = (
    "Only the project's manager and its directorate's editors write its updates and add its "
    "milestones."
)


def _refused(request, project, title: str, reason: str, status: int = 200) -> HttpResponse:
    """Why a form is not offered, instead of a form that could only be refused (403 when the
    person's role does not include it)."""
    context = {"active_section": SECTION, "project": project, "title": title, "reason": reason}
    return render(request, "projects/refused.html", context, status=status)


def _editable(request, pk: int, title: str):
    """The project and None when the person may edit it; else the page saying why: 404 when
    they may not even read the project, 403 with the reason when they may."""
    found = _found(selectors.project_get(request.user, pk))
    if can(request.user, Action.EDIT, found):
        return found, None
    return found, _refused(request, found, title, WHO_WRITES, status=403)


@login_required
def update_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The project manager's update for a quarter open now: saved as a draft or submitted; shown
    read-only once submitted or approved, since every change to it would be refused."""
    found, refused = _editable(request, pk, "Quarterly update")
    if refused:
        return refused
    offer = selectors.update_quarters()
    if not offer.choices:
        return _refused(request, found, "Quarterly update", offer.why_none)
    keys = [q.key for q in offer.choices]
    asked = request.POST.get("period") or request.GET.get("period")
    # A quarter not offered (locked since the link was made, say) is never shown as if it were.
    period = asked if asked in keys else keys[0]
    existing = update_access(request.user, Action.EDIT).filter(project=found, period=period).first()
    if (
        request.method != "POST"
        and existing is not None
        and existing.state in (UpdateState.SUBMITTED, UpdateState.APPROVED)
    ):
        return _render(
            request,
            "projects/update_view.html",
            {
                "project": found,
                "update": existing,
                "period": periods.parse(existing.period),
                "milestones": selectors.update_milestones(existing),
                "others": [q for q in offer.choices if q.key != period],
                "approvers": services.APPROVERS,
            },
        )
    milestones = [m for m in found.milestones.all() if not m.is_archived and m.actual_date is None]
    initial = {"period": period, "version": existing.version if existing else None}
    if existing is not None:
        # Amounts and dates shown as they are typed (250000, 31/01/2018), not as stored.
        initial.update(
            progress=existing.progress,
            spend=forms.amount_text(existing.spend),
            forecast_spend=forms.amount_text(existing.forecast_spend),
            savings_achieved=forms.amount_text(existing.savings_achieved),
            rag_judgement=existing.rag_judgement,
            rag_judgement_reason=existing.rag_judgement_reason,
        )
        for key, dates in existing.milestone_dates.items():
            for part, day in dates.items():
                initial[f"{part}_{key}"] = dt.date.fromisoformat(day) if day else None
    form = forms.ProjectUpdateForm(request.POST or None, initial=initial).with_milestones(
        milestones
    )
    form.fields["period"].choices = [(q.key, q.label) for q in offer.choices]

    def fields(data: dict) -> dict:
        return {
            "progress": data.get("progress") or "",
            "spend": data.get("spend"),
            "forecast_spend": data.get("forecast_spend"),
            "savings_achieved": data.get("savings_achieved"),
            "milestone_dates": form.milestone_dates(milestones),
            "rag_judgement": data.get("rag_judgement") or "",
            "rag_judgement_reason": data.get("rag_judgement_reason") or "",
        }

    def check(data):
        # The service's checks of the fields that did clean, beside the form's own errors.
        try:
            services.project_update_check(project=found, **fields(data))
        except ValidationError as error:
            raise form.on_fields(error) from None

    def save(data):
        submit = "submit" in request.POST
        try:
            update = services.project_update_save(
                project=found,
                by=request.user,
                period=data["period"],
                expected_version=data["version"],
                **fields(data),
            )
            if submit:
                services.project_update_submit(
                    update=update, by=request.user, expected_version=update.version
                )
        except ValidationError as error:
            raise form.on_fields(error) from None
        label = periods.parse(update.period).label
        done = "submitted for approval" if submit else "saved as a draft"
        return f"The {label} update of {found} is {done}.", reverse("projects:project", args=[pk])

    saved = web.form_saved(request, form, save, check=check)
    return saved or _render(
        request,
        "projects/update_form.html",
        {"project": found, "form": form, "existing": existing, "milestones": milestones},
    )


@login_required
def update_review(request: HttpRequest, pk: int) -> HttpResponse:
    """Approve or return a submitted update; to anyone else who may read the project, why not."""
    update = _found(selectors.update_get(request.user, pk))
    decision = "approve or return"
    refusal = services.project_update_review_refusal(update, request.user, decision)
    if not can(request.user, Action.APPROVE, update.project):
        title = "Approve or return a project update"
        return _refused(request, update.project, title, refusal, status=403)
    form = None
    if not refusal:
        form = forms.ReviewForm(request.POST or None, initial={"version": update.version})

    def save(data):
        if data["decision"] == "approve":
            services.project_update_approve(
                update=update, by=request.user, expected_version=data["version"]
            )
            verb = "approved"
        else:
            services.project_update_return(
                update=update,
                by=request.user,
                reason=data["reason"],
                expected_version=data["version"],
            )
            verb = "returned"
        label = periods.parse(update.period).label
        return (
            f"The {label} update of {update.project} is {verb}.",
            reverse("projects:project", args=[update.project_id]),
        )

    saved = web.form_saved(request, form, save) if form is not None else None
    return saved or _render(
        request,
        "projects/review.html",
        {
            "update": update,
            "form": form,
            "refusal": refusal,
            "period": periods.parse(update.period),
            "milestones": selectors.update_milestones(update),
        },
    )


# --- settings: stages and the RAG rules (administrators) --------------------------------------


@login_required
def stages(request: HttpRequest) -> HttpResponse:
    _require_manager(request)
    return _render(
        request,
        "projects/stages.html",
        {
            "stages": ProjectStage.objects.order_by("order", "name"),
            "active_section": "administration",
        },
    )


def _stage_form(request, stage: ProjectStage | None) -> HttpResponse:
    _require_manager(request)
    initial = (
        {"name": stage.name, "order": stage.order, "is_archived": stage.is_archived}
        if stage
        else {}
    )
    form = forms.StageForm(request.POST or None, initial=initial)
    if stage is None:
        del form.fields["is_archived"]

    def save(data):
        if stage is None:
            saved = services.project_stage_create(name=data["name"], order=data["order"])
            return f"Stage {saved} added.", reverse("projects:stages")
        services.project_stage_update(stage=stage, **data)
        return f"Stage {stage} saved.", reverse("projects:stages")

    saved = web.form_saved(request, form, save)
    title = "Add a project stage" if stage is None else f"Change the stage {stage}"
    history = history_entries([stage.history.all()]) if stage else []
    return saved or _render(
        request,
        "risks/edit.html",
        {
            "form": form,
            "title": title,
            "button": "Save",
            "back": reverse("projects:stages"),
            "history": history,
            "active_section": "administration",
        },
    )


@login_required
def stage_create(request: HttpRequest) -> HttpResponse:
    return _stage_form(request, None)


@login_required
def stage_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _require_manager(request)
    return _stage_form(request, _found(ProjectStage.objects.filter(pk=pk).first()))


@login_required
def rag_rules(request: HttpRequest) -> HttpResponse:
    _require_manager(request)
    row = selectors.rag_rules_row()
    form = forms.RagRulesForm(request.POST or None, instance=row)

    def save(data):
        services.project_rag_rules_update(**data)
        return "The project RAG rules are saved.", reverse("projects:rag_rules")

    saved = web.form_saved(request, form, save)
    history = history_entries([row.history.all()]) if row.pk else []
    return saved or _render(
        request,
        "risks/edit.html",
        {
            "form": form,
            "title": "Project RAG rules",
            "lead": "How a project is rated red, amber or green: each part is amber from its "
            "amber threshold and red from its red one; the overall rating is the worst part, "
            "unless the project manager gives a judgement with its reason.",
            "button": "Save",
            "back": reverse("organisation:administration"),
            "history": history,
            "active_section": "administration",
        },
    )


# --- projects, milestones, finances and programmes: set up by administrators -----------------


def _edit_page(request, form, save, *, title: str, back: str, history=()) -> HttpResponse:
    saved = web.form_saved(request, form, save)
    return saved or _render(
        request,
        "risks/edit.html",
        {"form": form, "title": title, "button": "Save", "back": back, "history": list(history)},
    )


def _project_fields(data: dict) -> dict:
    return {k: v for k, v in data.items() if k not in ("priorities", "indicators")}


@login_required
def project_create(request: HttpRequest) -> HttpResponse:
    _require_manager(request)
    form = forms.ProjectForm(request.POST or None)
    del form.fields["is_archived"]

    def save(data):
        project = services.project_create(**data)
        return f"{project} added.", reverse("projects:project", args=[project.pk])

    return _edit_page(request, form, save, title="Add a project", back=reverse("projects:index"))


@login_required
def project_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _require_manager(request)
    found = _found(selectors.project_get(request.user, pk))
    initial = {
        "reference": found.reference, "name": found.name, "description": found.description, "programme": found.programme_id,
        "owner": found.owner_id, "sponsor": found.sponsor_id, "directorate": found.directorate_id,
        "stage": found.stage_id, "start_date": found.start_date, "end_date": found.end_date,
        "register": found.register_id, "is_archived": found.is_archived,
        "priorities": ", ".join(found.priorities.values_list("code", flat=True)),
        "indicators": ", ".join(found.indicators.values_list("code", flat=True)),
    }  # fmt: skip
    form = forms.ProjectForm(request.POST or None, initial=initial)

    def save(data):
        services.project_edit(
            project=found,
            priorities=data["priorities"],
            indicators=data["indicators"],
            **_project_fields(data),
        )
        return f"{found} saved.", reverse("projects:project", args=[pk])

    return _edit_page(
        request, form, save, title=f"Change {found}", back=reverse("projects:project", args=[pk])
    )


@login_required
def milestone_create(request: HttpRequest, pk: int) -> HttpResponse:
    found, refused = _editable(request, pk, "Add a milestone")
    if refused:
        return refused
    form = forms.MilestoneForm(request.POST or None)

    def save(data):
        milestone = services.milestone_create(project=found, **data)
        return f"Milestone {milestone.name} added.", reverse("projects:project", args=[pk])

    back = reverse("projects:project", args=[pk])
    return _edit_page(request, form, save, title=f"Add a milestone to {found}", back=back)


@login_required
def finance_set(request: HttpRequest, pk: int) -> HttpResponse:
    _require_manager(request)
    found = _found(selectors.project_get(request.user, pk))
    form = forms.FinanceForm(
        request.POST or None, initial={"year": selectors.quarter_now().year_of().key}
    )

    def save(data):
        finance = services.project_finance_set(project=found, **data)
        return f"The {finance.year} budget of {found} is saved.", reverse(
            "projects:project", args=[pk]
        )

    back = reverse("projects:project", args=[pk])
    return _edit_page(request, form, save, title=f"Budget and savings target of {found}", back=back)


@login_required
def programme_create(request: HttpRequest) -> HttpResponse:
    _require_manager(request)
    form = forms.ProgrammeForm(request.POST or None)
    del form.fields["is_archived"]

    def save(data):
        programme = services.programme_create(**data)
        return f"{programme} added.", reverse("projects:programme", args=[programme.pk])

    return _edit_page(
        request, form, save, title="Add a programme", back=reverse("projects:programmes")
    )


@login_required
def programme_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _require_manager(request)
    found = _found(selectors.programme_get(request.user, pk))
    initial = {
        "name": found.name, "description": found.description, "owner": found.owner_id,
        "is_archived": found.is_archived,
    }  # fmt: skip
    form = forms.ProgrammeForm(request.POST or None, initial=initial)

    def save(data):
        services.programme_update(programme=found, **data)
        return f"{found} saved.", reverse("projects:programme", args=[pk])

    back = reverse("projects:programme", args=[pk])
    return _edit_page(
        request,
        form,
        save,
        title=f"Change {found}",
        back=back,
        history=history_entries([found.history.all()]),
    )
