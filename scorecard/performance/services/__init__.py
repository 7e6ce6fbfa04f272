"""Writes for the performance app. Each validates with full_clean() inside a transaction and
raises ValidationError naming the field, leaving nothing written, when the input is wrong.

`records` holds the register (plans, scorecards, indicators, targets, values, periods);
`workflow` the quarterly update cycle built on it.
"""

from .duties import own_value_refusal
from .records import (
    INDICATOR_FIELDS,
    STORED_PLACES,
    cabinet_portfolio_create,
    corporate_plan_create,
    corporate_plan_update,
    indicator_create,
    indicator_retire,
    indicator_update,
    measurement_approve,
    measurement_check,
    measurement_record,
    measurement_return,
    measurement_submit,
    priority_create,
    priority_update,
    refuse_if_retired,
    reporting_period_set_state,
    rounding_notices,
    scorecard_add,
    scorecard_create,
    scorecard_refresh,
    scorecard_version_create,
    target_set,
)
from .restatement import measurement_restate
from .scorecard_fill import scorecard_entries_add, scorecard_fill_refusal
from .workflow import measurement_save, reporting_period_open

__all__ = [
    "INDICATOR_FIELDS",
    "STORED_PLACES",
    "cabinet_portfolio_create",
    "corporate_plan_create",
    "corporate_plan_update",
    "indicator_create",
    "indicator_retire",
    "indicator_update",
    "measurement_approve",
    "measurement_check",
    "measurement_record",
    "measurement_restate",
    "measurement_return",
    "measurement_save",
    "measurement_submit",
    "own_value_refusal",
    "priority_create",
    "priority_update",
    "refuse_if_retired",
    "reporting_period_open",
    "reporting_period_set_state",
    "rounding_notices",
    "scorecard_add",
    "scorecard_entries_add",
    "scorecard_fill_refusal",
    "scorecard_create",
    "scorecard_refresh",
    "scorecard_version_create",
    "target_set",
]
