"""Reading the risk matrix: the current one, as the pure core's Matrix."""

from scorecard.core import scoring

from ..choices import MatrixAxis
from ..models import RiskMatrix

NO_MATRIX = "No risk matrix is in use yet: an administrator must set one up first."


class NoCurrentMatrix(LookupError):
    """No matrix has been made current yet."""


def risk_matrix_current_model() -> RiskMatrix:
    matrix = RiskMatrix.objects.filter(is_current=True).first()
    if matrix is None:
        raise NoCurrentMatrix(NO_MATRIX)
    return matrix


def risk_matrix_as_scoring(matrix: RiskMatrix) -> scoring.Matrix:
    """The stored matrix as the pure core's Matrix (three queries whatever its size)."""
    levels = {MatrixAxis.LIKELIHOOD: [], MatrixAxis.IMPACT: []}
    for axis, number, label, descriptor in matrix.levels.order_by("number").values_list(
        "axis", "number", "label", "descriptor"
    ):
        levels[axis].append(scoring.Level(number, label, descriptor))
    bands = tuple(
        scoring.Band(key, label, colour, severity, review_months)
        for key, label, colour, severity, review_months in matrix.bands.order_by(
            "severity"
        ).values_list("key", "label", "colour", "severity", "review_months")
    )
    cells = {
        (likelihood, impact): band_key
        for likelihood, impact, band_key in matrix.cells.values_list(
            "likelihood", "impact", "band__key"
        )
    }
    return scoring.Matrix(
        tuple(levels[MatrixAxis.LIKELIHOOD]), tuple(levels[MatrixAxis.IMPACT]), bands, cells
    )


def risk_matrix_current() -> scoring.Matrix:
    """The matrix risks are rated against now (four queries)."""
    return risk_matrix_as_scoring(risk_matrix_current_model())
