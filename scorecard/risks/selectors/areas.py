"""Risk areas: their risks and a rating derived from them, for the Cabinet report."""

from dataclasses import dataclass, field

from django.db.models import Count, Max, Prefetch, QuerySet

from scorecard.core import scoring

from ..models import Risk, RiskArea
from .matrix import risk_matrix_current
from .ratings import band_expression, ranked, risks_live, score_expression, with_rating
from .register import risks_ranked


def risk_areas_list() -> QuerySet[RiskArea]:
    return RiskArea.objects.filter(is_archived=False).select_related("owner")


def risks_by_area(
    *, risks: QuerySet[Risk] | None = None, matrix: scoring.Matrix | None = None
) -> list[RiskArea]:
    """Each area in use with its live risks ranked in `area.ranked_risks` (two queries)."""
    matrix = matrix or risk_matrix_current()
    return list(
        risk_areas_list().prefetch_related(
            Prefetch(
                "risks", queryset=risks_ranked(risks=risks, matrix=matrix), to_attr="ranked_risks"
            )
        )
    )


@dataclass
class AreaRating:
    """What an area's risks add up to: its highest score, counts by band and its red risks."""

    area: RiskArea
    highest_score: int | None = None
    highest_band: scoring.Band | None = None  # the most serious band holding any of its risks
    counts: dict[str, int] = field(default_factory=dict)
    most_serious_risks: list[Risk] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def risk_area_ratings(
    *, risks: QuerySet[Risk] | None = None, matrix: scoring.Matrix | None = None
) -> list[AreaRating]:
    """Every area in use with its derived rating (three queries, plus the matrix if not given).

    The most serious risks are those in the matrix's most severe band (red by default).
    """
    matrix = matrix or risk_matrix_current()
    bands = sorted(matrix.bands, key=lambda band: -band.severity)
    ratings = {
        area.pk: AreaRating(area, counts={b.key: 0 for b in bands}) for area in risk_areas_list()
    }
    live = risks_live(risks).filter(area__isnull=False, area__is_archived=False)
    grouped = (
        live.annotate(band_key=band_expression(matrix))
        .values("area", "band_key")
        .annotate(count=Count("pk"), highest=Max(score_expression()))
        .order_by()
    )
    for row in grouped:
        rating = ratings[row["area"]]
        rating.counts[row["band_key"]] = row["count"]
        rating.highest_score = max(rating.highest_score or 0, row["highest"])
    most_serious = ranked(with_rating(live, matrix)).filter(band_key=bands[0].key)
    for risk in most_serious.select_related("owner"):
        ratings[risk.area_id].most_serious_risks.append(risk)
    for rating in ratings.values():
        rating.highest_band = next((b for b in bands if rating.counts[b.key]), None)
    return list(ratings.values())
