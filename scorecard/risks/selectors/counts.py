"""Counts for dashboards: risks by band and the heat map, grouped in the database."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet

from scorecard.core import heatmap, scoring

from ..choices import RatingBasis
from ..models import Register, Risk
from .matrix import risk_matrix_current
from .ratings import band_expression, rating_fields, risks_base, risks_live


@dataclass(frozen=True)
class BandCount:
    band: scoring.Band
    count: int


def risk_counts_by_band(
    *,
    risks: QuerySet[Risk] | None = None,
    matrix: scoring.Matrix | None = None,
    basis: RatingBasis | str = RatingBasis.CURRENT,
) -> list[BandCount]:
    """How many live risks fall in each band, most serious band first (one grouped query)."""
    matrix = matrix or risk_matrix_current()
    rows = (
        risks_live(risks)
        .annotate(band_key=band_expression(matrix, basis))
        .values("band_key")
        .annotate(count=Count("pk"))
        .order_by()
    )
    counts = {row["band_key"]: row["count"] for row in rows}
    bands = sorted(matrix.bands, key=lambda band: -band.severity)
    return [BandCount(band, counts.get(band.key, 0)) for band in bands]


@dataclass
class HeatMapCell:
    likelihood: int
    impact: int
    band: scoring.Band
    count: int = 0
    references: list[str] = field(default_factory=list)


@dataclass
class HeatMap:
    """Every cell of the matrix with its live risks; rows run from the highest likelihood down."""

    matrix: scoring.Matrix
    basis: str
    cells: dict[tuple[int, int], HeatMapCell]

    def rows(self) -> list[list[HeatMapCell]]:
        return [
            [self.cells[(lk, im)] for im in range(1, self.matrix.impact_levels + 1)]
            for lk in range(self.matrix.likelihood_levels, 0, -1)
        ]

    @property
    def total(self) -> int:
        return sum(cell.count for cell in self.cells.values())


def risk_heat_map(
    *,
    risks: QuerySet[Risk] | None = None,
    matrix: scoring.Matrix | None = None,
    basis: RatingBasis | str = RatingBasis.CURRENT,
    with_references: bool = True,
) -> HeatMap:
    """Count (and list the references of) live risks in each cell, current or inherent.

    Two queries whatever the number of risks: the counts grouped by cell, then the
    references, which a printed heat map shows in each cell.
    """
    matrix = matrix or risk_matrix_current()
    likelihood, impact = rating_fields(basis)
    cells = {
        (lk, im): HeatMapCell(lk, im, matrix.band_named(key))
        for (lk, im), key in sorted(matrix.cells.items())
    }
    live = risks_live(risks)
    grouped = live.values(likelihood, impact).annotate(count=Count("pk")).order_by()
    for row in grouped:
        cell = cells.get((row[likelihood], row[impact]))
        if cell is not None:  # a rating outside the matrix is refused on entry
            cell.count = row["count"]
    if with_references:
        positions = (
            (reference, heatmap.Position(lk, im))
            for reference, lk, im in live.values_list("reference", likelihood, impact)
        )
        for position, references in heatmap.references_by_cell(positions).items():
            if (position.likelihood, position.impact) in cells:
                cells[(position.likelihood, position.impact)].references = references
    return HeatMap(matrix, str(RatingBasis(basis)), cells)


def register_heat_map_check(
    *,
    register: Register,
    printed: Mapping[str, Sequence[heatmap.Position]],
    risks: QuerySet[Risk] | None = None,
    basis: RatingBasis | str = RatingBasis.CURRENT,
) -> list[heatmap.Finding]:
    """Compare a printed or imported heat map (reference -> cells) with a register's ratings.

    Finds risks printed in the wrong cell, printed more than once, missing, or unknown.
    """
    likelihood, impact = rating_fields(basis)
    on_register = Q(register=register, escalated_to__isnull=True) | Q(escalated_to=register)
    rows = risks_live(risks_base(risks).filter(on_register)).values_list(
        "reference", likelihood, impact
    )
    scored = {reference: heatmap.Position(lk, im) for reference, lk, im in rows}
    return heatmap.check_printed_heat_map(scored=scored, printed=printed)
