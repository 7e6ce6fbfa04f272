"""One name for what a person asks to do: every access function takes the same `Action`, lives in
its own app's `access.py`, and refuses an action its kind of record does not have rather than
answering as if another had been asked."""

import importlib

import pytest

from scorecard.benchmarking.access import comparator_group_access
from scorecard.interchange import access as interchange_access
from scorecard.organisation.access import Action
from scorecard.performance.access import (
    indicator_access,
    measurement_access,
    scorecard_entry_access,
    target_access,
)
from scorecard.risks.access import (
    action_access,
    assessment_access,
    control_access,
    escalation_access,
    register_access,
    risk_access,
    risk_area_access,
)
from tests.interchange.conftest import small_council

pytestmark = pytest.mark.django_db

EVERY = [
    indicator_access, measurement_access, target_access, scorecard_entry_access, risk_access,
    assessment_access, action_access, control_access, escalation_access, register_access,
    risk_area_access, comparator_group_access,
]  # fmt: skip


@pytest.fixture
def reader(db):
    return small_council()["reader"]


@pytest.mark.parametrize("access", EVERY, ids=[a.__name__ for a in EVERY])
def test_every_access_function_reads_with_the_one_action(reader, access):
    assert list(access(reader, Action.VIEW)) == list(access(reader, "view"))


@pytest.mark.parametrize(
    ("access", "action"),
    [
        (indicator_access, Action.DECIDE),
        (measurement_access, Action.DECIDE),
        (target_access, Action.DECIDE),
        (risk_access, Action.APPROVE),
        (assessment_access, Action.APPROVE),
        (register_access, Action.APPROVE),
        (risk_area_access, Action.DECIDE),
        (comparator_group_access, Action.APPROVE),
    ],
    ids=lambda value: getattr(value, "__name__", str(value)),
)
def test_an_action_a_record_does_not_have_is_refused(reader, access, action):
    with pytest.raises(ValueError, match=f"{action} is not an action on this kind of record"):
        access(reader, action)


def test_each_access_function_has_one_home():
    for moved in ("target_access", "scorecard_entry_access", "assessment_access"):
        assert not hasattr(interchange_access, moved)
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module("scorecard.risks.selectors.access")
