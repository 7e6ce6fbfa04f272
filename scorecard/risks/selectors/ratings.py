"""SQL expressions for scores, bands and appetite, so selectors rate risks inside the database."""

from django.db.models import (
    BooleanField,
    Case,
    CharField,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)

from scorecard.core import scoring

from ..choices import RatingBasis, RiskStatus
from ..models import Assessment, Risk, RiskAppetite


def rating_fields(basis: RatingBasis | str = RatingBasis.CURRENT) -> tuple[str, str]:
    """The likelihood and impact fields of a rating: ("current_likelihood", "current_impact")."""
    basis = RatingBasis(basis)
    return f"{basis}_likelihood", f"{basis}_impact"


def score_expression(basis: RatingBasis | str = RatingBasis.CURRENT) -> F:
    likelihood, impact = rating_fields(basis)
    return F(likelihood) * F(impact)


def band_expression(matrix: scoring.Matrix, basis: RatingBasis | str = RatingBasis.CURRENT) -> Case:
    """The band key of each risk, read from the matrix's cells (one WHEN per band)."""
    likelihood, impact = rating_fields(basis)
    conditions: dict[str, Q] = {}
    for (lk, im), key in matrix.cells.items():
        conditions[key] = conditions.get(key, Q()) | Q(**{likelihood: lk, impact: im})
    return Case(
        *(When(condition, then=Value(key)) for key, condition in conditions.items()),
        default=Value(""),
        output_field=CharField(),
    )


def risks_base(risks: QuerySet[Risk] | None = None) -> QuerySet[Risk]:
    """The queryset a selector starts from: the caller's (access-restricted) one, or every risk."""
    return Risk.objects.all() if risks is None else risks


def risks_live(risks: QuerySet[Risk] | None = None) -> QuerySet[Risk]:
    """Risks that are not closed (open or escalated)."""
    return risks_base(risks).exclude(status=RiskStatus.CLOSED)


def with_rating(
    risks: QuerySet[Risk], matrix: scoring.Matrix, basis: RatingBasis | str = RatingBasis.CURRENT
) -> QuerySet[Risk]:
    """Annotate score, band_key, appetite_maximum and outside_appetite (for the chosen basis)."""
    appetite = RiskAppetite.objects.filter(category=OuterRef("category")).values("maximum_score")
    return risks.annotate(
        score=score_expression(basis),
        band_key=band_expression(matrix, basis),
        appetite_maximum=Subquery(appetite[:1], output_field=IntegerField()),
    ).annotate(
        outside_appetite=Case(
            When(appetite_maximum__isnull=False, score__gt=F("appetite_maximum"), then=True),
            default=False,
            output_field=BooleanField(),
        )
    )


def with_movement(risks: QuerySet[Risk]) -> QuerySet[Risk]:
    """Annotate the scores of the latest and the previous assessment (None when missing)."""
    history = Assessment.objects.filter(risk=OuterRef("pk")).order_by("-assessed_on", "-pk")
    return risks.annotate(
        latest_assessed_score=Subquery(history.values("score")[:1]),
        previous_assessed_score=Subquery(history.values("score")[1:2]),
    )


def ranked(risks: QuerySet[Risk], basis: RatingBasis | str = RatingBasis.CURRENT) -> QuerySet[Risk]:
    """Most serious first: score, then impact, then likelihood, then reference (see scoring.rank_key).

    Expects the score annotation from with_rating().
    """
    likelihood, impact = rating_fields(basis)
    return risks.order_by("-score", f"-{impact}", f"-{likelihood}", "reference")
