"""Reads for the risks app. Each takes an optional base queryset of risks: the access rules
(a later issue) pass the one a user may see, and every count stays in the database."""

from .areas import AreaRating, risk_area_ratings, risk_areas_list, risks_by_area
from .counts import (
    BandCount,
    HeatMap,
    HeatMapCell,
    register_heat_map_check,
    risk_counts_by_band,
    risk_heat_map,
)
from .matrix import (
    NoCurrentMatrix,
    risk_matrix_as_scoring,
    risk_matrix_current,
    risk_matrix_current_model,
)
from .register import (
    actions_overdue,
    movement_of,
    registers_list,
    risks_corporate_view,
    risks_on_register,
    risks_ranked,
    risks_review_overdue,
    risks_top,
)

__all__ = [
    "AreaRating",
    "BandCount",
    "HeatMap",
    "HeatMapCell",
    "NoCurrentMatrix",
    "actions_overdue",
    "movement_of",
    "register_heat_map_check",
    "registers_list",
    "risk_area_ratings",
    "risk_areas_list",
    "risk_counts_by_band",
    "risk_heat_map",
    "risk_matrix_as_scoring",
    "risk_matrix_current",
    "risk_matrix_current_model",
    "risks_by_area",
    "risks_corporate_view",
    "risks_on_register",
    "risks_ranked",
    "risks_review_overdue",
    "risks_top",
]
