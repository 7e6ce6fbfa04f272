"""A ready-made risk matrix in one step, for a council setting up."""

from django.core.exceptions import ValidationError
from django.db import transaction

from scorecard.core.matrix_presets import PRESETS

from ..models import RiskMatrix
from .matrix import risk_matrix_create, risk_matrix_make_current


@transaction.atomic
def risk_matrix_create_from_preset(*, size: int) -> RiskMatrix:
    """Store the size x size preset and rate every risk against it from now on. Choosing a
    preset again reuses the stored one; a matrix that open risks fall outside is refused."""
    preset = PRESETS.get(size)
    if preset is None:
        sizes = ", ".join(f"{n} x {n}" for n in PRESETS)
        raise ValidationError({"size": f"Choose one of the ready-made matrices: {sizes}."})
    existing = RiskMatrix.objects.filter(name=preset.name).first()
    if existing is not None:
        return risk_matrix_make_current(matrix=existing)
    matrix = preset.matrix()
    return risk_matrix_create(
        name=preset.name,
        likelihood=matrix.likelihood,
        impact=matrix.impact,
        bands=matrix.bands,
        cells=matrix.cells,
        make_current=True,
    )
