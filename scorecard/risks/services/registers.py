"""Registers, risk areas and risk appetite."""

from django.core.exceptions import ValidationError
from django.db import transaction

from scorecard.organisation.models import Directorate, User

from ..choices import RegisterKind, RiskStatus
from ..models import Register, RiskAppetite, RiskArea, RiskCategory
from .categories import category_of
from .matrix import matrix_required


@transaction.atomic
def register_create(
    *,
    name: str,
    kind: RegisterKind,
    directorate: Directorate | None = None,
    parent: Register | None = None,
    description: str = "",
) -> Register:
    register = Register(
        name=name, kind=kind, directorate=directorate, parent=parent, description=description
    )
    register.full_clean()
    register.save()
    return register


REGISTER_FIELDS = {"name", "kind", "directorate", "parent", "description"}


@transaction.atomic
def register_update(*, register: Register, **changes) -> Register:
    """Rename a register, or move it under another (the model refuses a loop or a wrong kind)."""
    unknown = set(changes) - REGISTER_FIELDS
    if unknown:
        raise TypeError(f"A register has no editable field {', '.join(sorted(unknown))}.")
    for field, value in changes.items():
        setattr(register, field, value)
    register.full_clean()
    register.save(update_fields=list(changes))
    return register


@transaction.atomic
def register_archive(*, register: Register) -> Register:
    """Archive a register; refused while it still holds risks that are not closed."""
    live = register.risks.exclude(status=RiskStatus.CLOSED).count()
    if live:
        risks = "1 open risk" if live == 1 else f"{live} open risks"
        raise ValidationError(
            {"register": f"{register} still holds {risks}: close or move them first."}
        )
    register.is_archived = True
    register.save(update_fields=["is_archived"])
    return register


@transaction.atomic
def risk_area_create(
    *, name: str, owner: User, description: str = "", mitigation_summary: str = ""
) -> RiskArea:
    area = RiskArea(
        name=name, owner=owner, description=description, mitigation_summary=mitigation_summary
    )
    area.full_clean()
    area.save()
    return area


AREA_FIELDS = {"name", "owner", "description", "mitigation_summary", "is_archived"}


@transaction.atomic
def risk_area_update(*, area: RiskArea, **changes) -> RiskArea:
    unknown = set(changes) - AREA_FIELDS
    if unknown:
        raise TypeError(f"A risk area has no editable field {', '.join(sorted(unknown))}.")
    for field, value in changes.items():
        setattr(area, field, value)
    area.full_clean()
    area.save(update_fields=list(changes))
    return area


@transaction.atomic
def risk_appetite_set(
    *, category: RiskCategory | str, maximum_score: int, statement: str = ""
) -> RiskAppetite:
    """Set the highest score the council accepts for a category of risk."""
    category = category_of(category)
    highest = matrix_required().highest_score
    if not 1 <= maximum_score <= highest:
        raise ValidationError(
            {"maximum_score": f"The highest acceptable score must be between 1 and {highest}."}
        )
    appetite = RiskAppetite.objects.filter(category=category).first() or RiskAppetite(
        category=category
    )
    appetite.maximum_score = maximum_score
    appetite.statement = statement
    appetite.full_clean()
    appetite.save()
    return appetite
