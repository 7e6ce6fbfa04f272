"""Risk settings pages for the performance and risk team (administrators only): registers, risk
areas, the risk appetite per category and the risk matrix. Writes go through the services, which
refuse an invalid register or matrix with a message naming what is wrong."""

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from scorecard.core.matrix_presets import PRESETS
from scorecard.history import history_entries
from scorecard.web import form_saved, saved_if_current, versioned

from . import forms, services
from .access import user_can_manage_risks
from .models import RiskCategory
from .selectors import NoCurrentMatrix, risk_matrix_as_scoring, risk_matrix_current_model
from .selectors.settings import (
    matrix_band_get,
    matrix_cell_get,
    matrix_level_get,
    register_get,
    registers_for_settings,
    risk_appetite_rows,
    risk_area_get,
    risk_areas_for_settings,
    risk_category_rows,
    risk_matrix_rows,
)

SECTION = "administration"


def _render(request, template: str, context: dict) -> HttpResponse:
    return render(request, template, {"active_section": SECTION, **context})


def _require_manager(request) -> None:
    if not user_can_manage_risks(request.user):
        raise PermissionDenied


def _found(obj):
    if obj is None:
        raise Http404
    return obj


def _form_page(request, form, context: dict, on_valid) -> HttpResponse:
    """Validate, call the service, show its refusal on the form (what was typed is kept)."""
    saved = form_saved(request, form, on_valid)
    return saved or _render(request, "risks/edit.html", {"form": form, **context})


# --- registers ---------------------------------------------------------------------------------


@login_required
def registers(request: HttpRequest) -> HttpResponse:
    _require_manager(request)
    return _render(request, "risks/registers.html", {"registers": registers_for_settings()})


@login_required
def register_create(request: HttpRequest) -> HttpResponse:
    _require_manager(request)
    form = forms.RegisterForm(request.POST or None, initial={"kind": "directorate"})

    def save(data):
        register = services.register_create(**data)
        return f"{register} added.", reverse("risks:registers")

    back = reverse("risks:registers")
    context = {"title": "Add a register", "button": "Add register", "back": back}
    return _form_page(request, form, context, save)


@login_required
def register_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _require_manager(request)
    register = _found(register_get(pk))
    form = forms.RegisterChangeForm(
        request.POST or None,
        initial={
            "name": register.name,
            "kind": register.kind,
            "directorate": register.directorate_id,
            "parent": register.parent_id,
            "description": register.description,
        },
    )
    form.fields["parent"].queryset = form.fields["parent"].queryset.exclude(pk=register.pk)

    def save(data):
        archive = data.pop("archive")
        with transaction.atomic():
            services.register_update(register=register, **data)
            if archive:
                services.register_archive(register=register)
        return f"{register} {'archived' if archive else 'saved'}.", reverse("risks:registers")

    context = {
        "title": f"Change {register}",
        "button": "Save",
        "back": reverse("risks:registers"),
        "history": history_entries([register.history.all()]),
    }
    return _form_page(request, form, context, save)


# --- risk areas --------------------------------------------------------------------------------


@login_required
def areas(request: HttpRequest) -> HttpResponse:
    _require_manager(request)
    return _render(request, "risks/areas.html", {"areas": risk_areas_for_settings()})


@login_required
def area_create(request: HttpRequest) -> HttpResponse:
    _require_manager(request)
    form = forms.RiskAreaForm(request.POST or None)

    def save(data):
        area = services.risk_area_create(**data)
        return f"{area} added.", reverse("risks:areas")

    context = {
        "title": "Add a risk area",
        "button": "Add risk area",
        "back": reverse("risks:areas"),
    }
    return _form_page(request, form, context, save)


@login_required
def area_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _require_manager(request)
    area = _found(risk_area_get(pk))
    form = versioned(
        forms.RiskAreaChangeForm(
            request.POST or None,
            initial={
                "name": area.name,
                "owner": area.owner_id,
                "description": area.description,
                "mitigation_summary": area.mitigation_summary,
                "is_archived": area.is_archived,
            },
        ),
        area,
    )

    @partial(saved_if_current, area, "this risk area")
    def save(data):
        services.risk_area_update(area=area, **data)
        return f"{area} saved.", reverse("risks:areas")

    context = {
        "title": f"Change {area}",
        "button": "Save",
        "back": reverse("risks:areas"),
        "history": history_entries([area.history.all()]),
    }
    return _form_page(request, form, context, save)


# --- categories --------------------------------------------------------------------------------


@login_required
def categories(request: HttpRequest) -> HttpResponse:
    _require_manager(request)
    return _render(request, "risks/categories.html", {"categories": risk_category_rows()})


@login_required
def category_create(request: HttpRequest) -> HttpResponse:
    _require_manager(request)
    form = forms.RiskCategoryForm(request.POST or None)

    def save(data):
        category = services.risk_category_create(**data)
        return f"{category} added.", reverse("risks:categories")

    context = {
        "title": "Add a category",
        "button": "Add category",
        "back": reverse("risks:categories"),
    }
    return _form_page(request, form, context, save)


@login_required
def category_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _require_manager(request)
    category = _found(RiskCategory.objects.filter(pk=pk).first())
    form = versioned(
        forms.RiskCategoryChangeForm(
            request.POST or None,
            initial={"name": category.name, "is_archived": category.is_archived},
        ),
        category,
    )

    @partial(saved_if_current, category, "this category")
    def save(data):
        services.risk_category_update(category=category, **data)
        return f"{category} saved.", reverse("risks:categories")

    context = {
        "title": f"Change {category}",
        "button": "Save",
        "back": reverse("risks:categories"),
        "history": history_entries([category.history.all()]),
    }
    return _form_page(request, form, context, save)


# --- appetite ----------------------------------------------------------------------------------


@login_required
def appetite(request: HttpRequest) -> HttpResponse:
    """Every category's appetite, and a form to set one."""
    _require_manager(request)
    form = forms.AppetiteForm(request.POST or None)

    def save(data):
        return f"Appetite set: {services.risk_appetite_set(**data)}.", reverse("risks:appetite")

    if saved := form_saved(request, form, save):
        return saved
    return _render(request, "risks/appetite.html", {"form": form, "rows": risk_appetite_rows()})


# --- the matrix --------------------------------------------------------------------------------


def _current_matrix():
    try:
        return risk_matrix_current_model()
    except NoCurrentMatrix:
        return None


@login_required
def matrix(request: HttpRequest) -> HttpResponse:
    """The current matrix: its grid, levels and bands, each with a link to change it."""
    _require_manager(request)
    stored = _current_matrix()
    context = {"stored": stored, "presets": PRESETS.values()}
    if stored is not None:
        context.update(
            rows=risk_matrix_rows(stored),
            scoring_matrix=risk_matrix_as_scoring(stored),
            history=history_entries(
                [
                    stored.levels.model.history.filter(matrix_id=stored.pk),
                    stored.bands.model.history.filter(matrix_id=stored.pk),
                    stored.cells.model.history.filter(matrix_id=stored.pk),
                ]
            ),
        )
    return _render(request, "risks/matrix.html", context)


@login_required
@require_POST
def matrix_preset(request: HttpRequest) -> HttpResponse:
    """Start from a ready-made matrix, in one click; its levels and bands can be changed after."""
    _require_manager(request)
    form = forms.MatrixPresetForm(request.POST)

    def save(data):
        chosen = services.risk_matrix_create_from_preset(size=data["size"])
        return f"{chosen} is in use: every risk is rated on it.", reverse("risks:matrix")

    if saved := form_saved(request, form, save):
        return saved
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)
    return redirect("risks:matrix")


def _matrix_required():
    stored = _current_matrix()
    if stored is None:
        raise Http404("No risk matrix is in use yet.")
    return stored


@login_required
def matrix_level_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _require_manager(request)
    level = _found(matrix_level_get(_matrix_required(), pk))
    form = forms.MatrixLevelForm(
        request.POST or None, initial={"label": level.label, "descriptor": level.descriptor}
    )

    def save(data):
        services.risk_matrix_level_update(level=level, **data)
        return f"{level} saved.", reverse("risks:matrix")

    context = {
        "title": f"Change {level.get_axis_display().lower()} level {level.number}",
        "button": "Save",
        "back": reverse("risks:matrix"),
    }
    return _form_page(request, form, context, save)


@login_required
def matrix_band_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _require_manager(request)
    band = _found(matrix_band_get(_matrix_required(), pk))
    form = forms.MatrixBandForm(
        request.POST or None,
        initial={"label": band.label, "colour": band.colour, "review_months": band.review_months},
    )

    def save(data):
        services.risk_matrix_band_update(band=band, **data)
        return f"{band} band saved.", reverse("risks:matrix")

    context = {
        "title": f"Change the {band.label.lower()} band",
        "lead": "Past assessments keep the band and colour they were given.",
        "button": "Save",
        "back": reverse("risks:matrix"),
    }
    return _form_page(request, form, context, save)


@login_required
def matrix_cell_edit(request: HttpRequest, likelihood: int, impact: int) -> HttpResponse:
    _require_manager(request)
    stored = _matrix_required()
    cell = _found(matrix_cell_get(stored, likelihood, impact))
    form = forms.MatrixCellForm(
        request.POST or None, bands=risk_matrix_rows(stored).bands, initial={"band": cell.band.key}
    )

    def save(data):
        services.risk_matrix_cell_set_band(
            matrix=stored, likelihood=likelihood, impact=impact, band_key=data["band"]
        )
        return f"Likelihood {likelihood} x impact {impact} saved.", reverse("risks:matrix")

    context = {
        "title": f"Band of likelihood {likelihood} x impact {impact}",
        "lead": f"Score {likelihood * impact}. Past assessments keep the band they were given.",
        "button": "Save",
        "back": reverse("risks:matrix"),
    }
    return _form_page(request, form, context, save)
