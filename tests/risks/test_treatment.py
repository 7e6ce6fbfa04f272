"""Controls and actions are kept apart; every action has an owner."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from scorecard.risks import services
from scorecard.risks.choices import ActionStatus, ControlEffectiveness
from scorecard.risks.models import Action

from .factories import RiskFactory, UserFactory, default_matrix

pytestmark = pytest.mark.django_db


@pytest.fixture
def risk():
    default_matrix()
    return RiskFactory()


def test_controls_and_actions_are_separate_lists(risk):
    control = services.control_create(
        risk=risk,
        description="Business continuity plans, tested yearly.",
        effectiveness=ControlEffectiveness.EFFECTIVE,
    )
    action = services.action_create(
        risk=risk,
        description="Move servers to the cloud.",
        owner=UserFactory(),
        due_on=dt.date(2020, 3, 31),
        already_agreed=True,  # a register's action, agreed before today
    )
    assert list(risk.controls.all()) == [control]
    assert list(risk.actions.all()) == [action]
    services.control_archive(control=control)
    control.refresh_from_db()
    assert control.is_archived


def test_an_action_without_an_owner_is_refused(risk):
    with pytest.raises(ValidationError) as refused:
        services.action_create(
            risk=risk, description="Someone should do this.", owner=None, due_on=dt.date(2020, 1, 1)
        )
    assert refused.value.message_dict == {
        "owner": ["Every action needs an owner: choose who will do it."]
    }
    assert not Action.objects.exists()


def test_progress_keeps_the_original_due_date_and_completion_is_dated(risk):
    action = services.action_create(
        risk=risk,
        description="Train staff.",
        owner=UserFactory(),
        due_on=dt.date(2019, 6, 30),
        already_agreed=True,
    )
    services.action_update(
        action=action,
        status=ActionStatus.IN_PROGRESS,
        percent_complete=40,
        progress="Half the teams trained.",
        on_track=False,
        revised_due_on=dt.date(2019, 9, 30),
    )
    action.refresh_from_db()
    assert (action.due_on, action.revised_due_on, action.on_track) == (
        dt.date(2019, 6, 30),
        dt.date(2019, 9, 30),
        False,
    )
    with pytest.raises(ValidationError, match="after the original due date"):
        services.action_update(action=action, revised_due_on=dt.date(2019, 1, 1))
    services.action_update(action=action, status=ActionStatus.COMPLETED)
    action.refresh_from_db()
    assert action.percent_complete == 100
    assert action.completed_on is not None
    assert action.history.count() == 3
