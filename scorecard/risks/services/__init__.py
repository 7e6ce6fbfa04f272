"""Writes for the risks app. Each validates, then saves inside a transaction; nothing is deleted."""

from .categories import category_of, risk_category_create, risk_category_update
from .escalation import escalation_decide, escalation_request, escalation_request_return
from .links import risk_indicator_link, risk_indicator_unlink
from .matrix import (
    risk_matrix_band_update,
    risk_matrix_cell_set_band,
    risk_matrix_create,
    risk_matrix_create_default,
    risk_matrix_level_update,
    risk_matrix_make_current,
)
from .matrix_presets import risk_matrix_create_from_preset
from .registers import (
    register_archive,
    register_create,
    register_update,
    risk_appetite_set,
    risk_area_create,
    risk_area_update,
)
from .reviews import action_progress, risk_change, risk_review
from .risks import assessment_record, risk_close, risk_create, risk_update
from .treatment import (
    action_create,
    action_update,
    control_archive,
    control_create,
    control_update,
)

__all__ = [
    "risk_matrix_create_from_preset",
    "category_of",
    "risk_category_create",
    "risk_category_update",
    "risk_indicator_link",
    "risk_indicator_unlink",
    "action_progress",
    "risk_review",
    "action_create",
    "action_update",
    "assessment_record",
    "control_archive",
    "control_create",
    "control_update",
    "escalation_decide",
    "escalation_request",
    "escalation_request_return",
    "register_archive",
    "register_create",
    "register_update",
    "risk_appetite_set",
    "risk_area_create",
    "risk_area_update",
    "risk_change",
    "risk_close",
    "risk_create",
    "risk_matrix_band_update",
    "risk_matrix_cell_set_band",
    "risk_matrix_create",
    "risk_matrix_create_default",
    "risk_matrix_level_update",
    "risk_matrix_make_current",
    "risk_update",
]
