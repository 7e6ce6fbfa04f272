"""Setting up and changing the risk matrix."""

from collections.abc import Mapping, Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from simple_history.utils import bulk_create_with_history

from scorecard.core import scoring
from scorecard.organisation import clock

from ..choices import MatrixAxis, RiskStatus
from ..models import MatrixBand, MatrixCell, MatrixLevel, Risk, RiskMatrix
from ..selectors.matrix import NoCurrentMatrix, risk_matrix_as_scoring, risk_matrix_current

DEFAULT_MATRIX_NAME = "Corporate 5 x 5 matrix"


@transaction.atomic
def risk_matrix_create(
    *,
    name: str,
    likelihood: Sequence[scoring.Level],
    impact: Sequence[scoring.Level],
    bands: Sequence[scoring.Band],
    cells: Mapping[tuple[int, int], str],
    make_current: bool = True,
) -> RiskMatrix:
    """Store a matrix; refuse it, writing nothing, unless every cell is banded and levels run 1, 2, 3..."""
    problems = scoring.matrix_problems(
        likelihood=likelihood, impact=impact, bands=bands, cells=cells
    )
    if problems:
        raise ValidationError(problems)
    matrix = RiskMatrix(name=name)
    matrix.full_clean()
    matrix.save()
    levels = [
        MatrixLevel(
            matrix=matrix, axis=axis, number=lv.number, label=lv.label, descriptor=lv.descriptor
        )
        for axis, scale in ((MatrixAxis.LIKELIHOOD, likelihood), (MatrixAxis.IMPACT, impact))
        for lv in scale
    ]
    band_rows = [
        MatrixBand(
            matrix=matrix,
            key=band.key,
            label=band.label,
            colour=band.colour,
            severity=band.severity,
            review_months=band.review_months,
        )
        for band in bands
    ]
    for row in [*levels, *band_rows]:
        row.full_clean(exclude=["matrix"])
    bulk_create_with_history(levels, MatrixLevel, default_date=clock.now())
    # Saved one by one: the cells need the bands' primary keys on every database.
    for row in band_rows:
        row.save()
    by_key = {row.key: row for row in band_rows}
    cell_rows = [
        MatrixCell(matrix=matrix, likelihood=lk, impact=im, band=by_key[key])
        for (lk, im), key in sorted(cells.items())
    ]
    bulk_create_with_history(cell_rows, MatrixCell, default_date=clock.now())
    if make_current:
        risk_matrix_make_current(matrix=matrix)
    return matrix


@transaction.atomic
def risk_matrix_create_default(*, name: str = DEFAULT_MATRIX_NAME) -> RiskMatrix:
    """The default 5 x 5 matrix (green 1-6, amber 8-12, red 15-25), made current if none is."""
    existing = RiskMatrix.objects.filter(name=name).first()
    if existing is not None:
        return existing
    default = scoring.default_matrix()
    return risk_matrix_create(
        name=name,
        likelihood=default.likelihood,
        impact=default.impact,
        bands=default.bands,
        cells=default.cells,
        make_current=not RiskMatrix.objects.filter(is_current=True).exists(),
    )


@transaction.atomic
def risk_matrix_make_current(*, matrix: RiskMatrix) -> RiskMatrix:
    """Rate every risk against this matrix from now on; refused if a live risk would fall outside it."""
    sizes = {axis: matrix.levels.filter(axis=axis).count() for axis in MatrixAxis.values}
    too_high = Q()
    for stage in ("inherent", "current", "target"):
        too_high |= Q(**{f"{stage}_likelihood__gt": sizes[MatrixAxis.LIKELIHOOD]})
        too_high |= Q(**{f"{stage}_impact__gt": sizes[MatrixAxis.IMPACT]})
    outside = Risk.objects.exclude(status=RiskStatus.CLOSED).filter(too_high)
    if outside.exists():
        references = ", ".join(outside.values_list("reference", flat=True)[:10])
        raise ValidationError(
            {
                "matrix": f"These open risks are rated outside {matrix}: {references}. Re-rate them first."
            }
        )
    for previous in RiskMatrix.objects.filter(is_current=True).exclude(pk=matrix.pk):
        previous.is_current = False
        previous.save(update_fields=["is_current"])
    matrix.is_current = True
    matrix.save(update_fields=["is_current"])
    return matrix


@transaction.atomic
def risk_matrix_cell_set_band(
    *, matrix: RiskMatrix, likelihood: int, impact: int, band_key: str
) -> MatrixCell:
    """Move one cell to another band. Past assessments keep the band they were given."""
    cell = MatrixCell.objects.filter(matrix=matrix, likelihood=likelihood, impact=impact).first()
    if cell is None:
        raise ValidationError(
            {"cell": f"{matrix} has no cell for likelihood {likelihood} x impact {impact}."}
        )
    band = MatrixBand.objects.filter(matrix=matrix, key=band_key).first()
    if band is None:
        raise ValidationError({"band": f"{matrix} has no band called {band_key!r}."})
    cell.band = band
    cell.full_clean()
    cell.save(update_fields=["band"])
    return cell


@transaction.atomic
def risk_matrix_level_update(
    *, level: MatrixLevel, label: str, descriptor: str = ""
) -> MatrixLevel:
    """Rename a likelihood or impact level or change what it means; its number never changes."""
    if not label.strip():
        raise ValidationError({"label": "Give the level a label, for example Likely."})
    level.label, level.descriptor = label.strip(), descriptor.strip()
    level.full_clean()
    level.save(update_fields=["label", "descriptor"])
    return level


@transaction.atomic
def risk_matrix_band_update(
    *, band: MatrixBand, label: str, colour: str, review_months: int
) -> MatrixBand:
    """Change a band's label, colour and review frequency. Its key and severity stay, so past
    assessments and the ranking keep their meaning; the whole matrix is checked before saving."""
    band.label, band.colour, band.review_months = label.strip(), colour.strip(), review_months
    band.full_clean()
    matrix = risk_matrix_as_scoring(band.matrix)
    bands = [
        scoring.Band(
            key=b.key,
            label=band.label if b.key == band.key else b.label,
            colour=band.colour if b.key == band.key else b.colour,
            severity=b.severity,
            review_months=band.review_months if b.key == band.key else b.review_months,
        )
        for b in matrix.bands
    ]
    problems = scoring.matrix_problems(
        likelihood=matrix.likelihood, impact=matrix.impact, bands=bands, cells=matrix.cells
    )
    if problems:
        raise ValidationError(problems)
    band.save(update_fields=["label", "colour", "review_months"])
    return band


def matrix_required() -> scoring.Matrix:
    """The current matrix, or a clear refusal when none has been set up."""
    try:
        return risk_matrix_current()
    except NoCurrentMatrix as error:
        raise ValidationError({"matrix": str(error)}) from error
