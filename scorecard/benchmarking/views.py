"""The comparator groups page: every group with its members and values; the performance team
adds and changes named lists (archiving, never deleting)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from scorecard.history import history_entries
from scorecard.organisation.access import Action
from scorecard.web import form_saved

from . import forms, services
from .access import comparator_group_access, comparator_groups_editable
from .selectors import comparator_councils, groups_for_page

SECTION = "administration"


def _render(request, template: str, context: dict) -> HttpResponse:
    return render(request, template, {"active_section": SECTION, **context})


def _can_edit(request) -> bool:
    return comparator_groups_editable(request.user)


def _form_page(request, form, context: dict, on_valid) -> HttpResponse:
    def save(data):
        return on_valid(data), reverse("benchmarking:groups")

    saved = form_saved(request, form, save)
    return saved or _render(request, "benchmarking/group_form.html", {"form": form, **context})


@login_required
def groups(request: HttpRequest) -> HttpResponse:
    rows = groups_for_page(request.user)  # a person with no role sees no group
    return _render(
        request, "benchmarking/groups.html", {"rows": rows, "can_edit": _can_edit(request)}
    )


@login_required
def group_create(request: HttpRequest) -> HttpResponse:
    if not _can_edit(request):
        raise PermissionDenied
    form = forms.ComparatorGroupForm(request.POST or None, councils=comparator_councils())

    def save(data):
        group = services.comparator_group_create(**data)
        return f"{group} added, with {len(data['members'])} councils."

    return _form_page(
        request, form, {"title": "Add a comparator group", "button": "Add group"}, save
    )


@login_required
def group_edit(request: HttpRequest, pk: int) -> HttpResponse:
    if not _can_edit(request):
        raise PermissionDenied
    group = comparator_group_access(request.user, Action.EDIT).filter(pk=pk).first()
    if group is None:
        raise Http404
    members = group.members.filter(is_archived=False)
    form = forms.ComparatorGroupChangeForm(
        request.POST or None,
        councils=comparator_councils(),
        initial={
            "name": group.name,
            "description": group.description,
            "members": [m.area_code for m in members],
            "is_archived": group.is_archived,
        },
    )

    def save(data):
        services.comparator_group_update(group=group, **data)
        return f"{group} {'archived' if data['is_archived'] else 'saved'}."

    histories = [group.history.all(), members.model.history.filter(group_id=group.pk)]
    context = {
        "title": f"Change {group}",
        "button": "Save",
        "history": history_entries(histories),
    }
    return _form_page(request, form, context, save)
