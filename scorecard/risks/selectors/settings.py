"""Reads for the risk settings pages: registers, risk areas, appetite and the matrix's rows."""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from ..choices import MatrixAxis, RiskStatus
from ..models import (
    MatrixBand,
    MatrixCell,
    MatrixLevel,
    Register,
    RiskAppetite,
    RiskArea,
    RiskCategory,
    RiskMatrix,
)


def registers_for_settings() -> QuerySet[Register]:
    """Every register, archived ones last, with its number of open risks (one query)."""
    return (
        Register.objects.select_related("directorate", "parent")
        .annotate(open_risks=Count("risks", filter=~Q(risks__status=RiskStatus.CLOSED)))
        .order_by("is_archived", "kind", "name")
    )


def risk_areas_for_settings() -> QuerySet[RiskArea]:
    """Every risk area, archived ones last, with its number of open risks (one query)."""
    return (
        RiskArea.objects.select_related("owner")
        .annotate(open_risks=Count("risks", filter=~Q(risks__status=RiskStatus.CLOSED)))
        .order_by("is_archived", "name")
    )


@dataclass(frozen=True)
class AppetiteRow:
    category: str
    label: str
    maximum_score: int | None
    statement: str


def risk_appetite_rows() -> list[AppetiteRow]:
    """Every category with the appetite set for it, or none yet (one query)."""
    set_ = {row.category_id: row for row in RiskAppetite.objects.all()}
    return [
        AppetiteRow(
            code,
            name,
            set_[code].maximum_score if code in set_ else None,
            set_[code].statement if code in set_ else "",
        )
        for code, name, archived in RiskCategory.objects.values_list("code", "name", "is_archived")
        if not archived or code in set_
    ]


def risk_category_rows():
    """The council's categories with how many open risks each holds (one query)."""
    return RiskCategory.objects.annotate(
        open_risks=Count("risks", filter=~Q(risks__status=RiskStatus.CLOSED))
    ).order_by("is_archived", "name")


@dataclass(frozen=True)
class MatrixRows:
    """The stored rows of a matrix, for the page that changes them."""

    matrix: RiskMatrix
    likelihood: list[MatrixLevel]
    impact: list[MatrixLevel]
    bands: list[MatrixBand]


def risk_matrix_rows(matrix: RiskMatrix) -> MatrixRows:
    levels = list(matrix.levels.order_by("axis", "number"))
    return MatrixRows(
        matrix=matrix,
        likelihood=[lv for lv in levels if lv.axis == MatrixAxis.LIKELIHOOD],
        impact=[lv for lv in levels if lv.axis == MatrixAxis.IMPACT],
        bands=list(matrix.bands.order_by("-severity")),
    )


def matrix_level_get(matrix: RiskMatrix, pk: int) -> MatrixLevel | None:
    return matrix.levels.filter(pk=pk).first()


def matrix_band_get(matrix: RiskMatrix, pk: int) -> MatrixBand | None:
    return matrix.bands.filter(pk=pk).first()


def matrix_cell_get(matrix: RiskMatrix, likelihood: int, impact: int) -> MatrixCell | None:
    return matrix.cells.select_related("band").filter(likelihood=likelihood, impact=impact).first()


def register_get(pk: int) -> Register | None:
    return Register.objects.select_related("directorate", "parent").filter(pk=pk).first()


def risk_area_get(pk: int) -> RiskArea | None:
    return RiskArea.objects.select_related("owner").filter(pk=pk).first()
