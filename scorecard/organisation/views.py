"""Administration pages: the organisation, its directorates and services, people and roles."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from scorecard.web import form_saved

from . import forms, services
from .models import Directorate, User
from .selectors import (
    directorates_list,
    organisation_settings_get,
    people_list,
    user_can_manage_organisation,
    user_can_view_administration,
)


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def _render(request, template: str, context: dict) -> HttpResponse:
    return render(request, template, {"active_section": "administration", **context})


@login_required
def administration(request: HttpRequest) -> HttpResponse:
    """The organisation at a glance: settings, directorates and services, people and roles."""
    _require(user_can_view_administration(request.user))
    return _render(
        request,
        "organisation/administration.html",
        {
            "settings": organisation_settings_get(),
            "directorates": directorates_list(),
            "people": people_list(),
            "can_manage": user_can_manage_organisation(request.user),
        },
    )


def _form_page(request, form, template_context: dict, on_valid) -> HttpResponse:
    """Validate the form, call the service, and show its refusals on the form."""

    def save(data):
        return on_valid(data), reverse("organisation:administration")

    saved = form_saved(request, form, save)
    return saved or _render(request, "organisation/form.html", {"form": form, **template_context})


@login_required
def settings_edit(request: HttpRequest) -> HttpResponse:
    _require(user_can_manage_organisation(request.user))
    current = organisation_settings_get()
    initial = {
        "name": current.name,
        "financial_year_start_month": current.financial_year_start_month,
        "ons_code": current.ons_code,
        "allow_self_approval": current.allow_self_approval,
    }
    form = forms.OrganisationSettingsForm(request.POST or None, initial=initial)

    def save(data):
        services.organisation_settings_update(**data)
        return "Organisation settings saved."

    return _form_page(request, form, {"title": "Organisation settings", "button": "Save"}, save)


@login_required
def directorate_create(request: HttpRequest) -> HttpResponse:
    _require(user_can_manage_organisation(request.user))
    form = forms.DirectorateForm(request.POST or None)
    del form.fields["is_archived"]

    def save(data):
        directorate = services.directorate_create(**data)
        return f"Directorate {directorate.name} added."

    return _form_page(
        request, form, {"title": "Add a directorate", "button": "Add directorate"}, save
    )


@login_required
def directorate_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _require(user_can_manage_organisation(request.user))
    directorate = get_object_or_404(Directorate, pk=pk)
    initial = {
        "code": directorate.code,
        "name": directorate.name,
        "director": directorate.director_id,
        "is_archived": directorate.is_archived,
    }
    form = forms.DirectorateForm(request.POST or None, initial=initial)

    def save(data):
        services.directorate_update(directorate=directorate, **data)
        return f"Directorate {directorate.name} saved."

    context = {"title": f"Change {directorate.name}", "button": "Save"}
    return _form_page(request, form, context, save)


@login_required
def service_create(request: HttpRequest, pk: int) -> HttpResponse:
    _require(user_can_manage_organisation(request.user))
    directorate = get_object_or_404(Directorate, pk=pk, is_archived=False)
    form = forms.ServiceForm(request.POST or None)

    def save(data):
        service = services.service_create(directorate=directorate, **data)
        return f"Service {service.name} added to {directorate.name}."

    context = {"title": f"Add a service to {directorate.name}", "button": "Add service"}
    return _form_page(request, form, context, save)


@login_required
def person_create(request: HttpRequest) -> HttpResponse:
    _require(user_can_manage_organisation(request.user))
    form = forms.PersonCreateForm(request.POST or None)

    def save(data):
        person = services.person_create(password=None, **data)
        return f"{person} added. Give them a role below."

    return _form_page(request, form, {"title": "Add a person", "button": "Add person"}, save)


@login_required
def person_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _require(user_can_manage_organisation(request.user))
    person = get_object_or_404(User, pk=pk)
    fields = ["first_name", "last_name", "email", "job_title", "is_active"]
    form = forms.PersonEditForm(
        request.POST or None, initial={f: getattr(person, f) for f in fields}
    )

    def save(data):
        services.person_update(person=person, **data)
        return f"{person} saved."

    return _form_page(request, form, {"title": f"Change {person}", "button": "Save"}, save)


@login_required
def membership_create(request: HttpRequest, pk: int) -> HttpResponse:
    _require(user_can_manage_organisation(request.user))
    person = get_object_or_404(User, pk=pk, is_active=True)
    form = forms.MembershipForm(request.POST or None)

    def save(data):
        membership = services.membership_create(person=person, **data)
        return f"{person} is now {membership.get_role_display().lower()}."

    return _form_page(request, form, {"title": f"Give {person} a role", "button": "Add role"}, save)
