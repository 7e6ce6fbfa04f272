"""The council's categories of risk: added, renamed and archived, never deleted."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from ..models import RiskCategory


def category_of(value: RiskCategory | str, *, field: str = "category") -> RiskCategory:
    """The category given as itself or by its code (the demo and the API name them by code)."""
    if isinstance(value, RiskCategory):
        return value
    found = RiskCategory.objects.filter(code=value).first()
    if found is None:
        raise ValidationError({field: f"There is no risk category '{value}'."})
    return found


def _new_code(name: str) -> str:
    base = slugify(name).replace("-", "_")[:26] or "category"
    code, n = base, 1
    while RiskCategory.objects.filter(code=code).exists():
        n += 1
        code = f"{base}_{n}"
    return code


@transaction.atomic
def risk_category_create(*, name: str, code: str = "") -> RiskCategory:
    name = " ".join(name.split())
    if RiskCategory.objects.filter(name__iexact=name).exists():
        raise ValidationError({"name": f"There is already a category called {name}."})
    category = RiskCategory(name=name, code=code or _new_code(name))
    category.full_clean()
    category.save()
    return category


@transaction.atomic
def risk_category_update(
    *, category: RiskCategory, name: str | None = None, is_archived: bool | None = None
) -> RiskCategory:
    """Rename or archive a category; its code, which risks and reports hold, never changes."""
    changes = []
    if name is not None:
        name = " ".join(name.split())
        if RiskCategory.objects.filter(name__iexact=name).exclude(pk=category.pk).exists():
            raise ValidationError({"name": f"There is already a category called {name}."})
        category.name = name
        changes.append("name")
    if is_archived is not None:
        category.is_archived = is_archived
        changes.append("is_archived")
    category.full_clean()
    category.save(update_fields=changes or None)
    return category
