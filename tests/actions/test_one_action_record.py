"""One kind of action record: the risks' actions moved into it with their ids and history,
and every action belongs to exactly one subject."""

import datetime as dt

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor

from scorecard.actions.models import Action, Audit
from tests.risks.factories import RiskFactory, UserFactory


@pytest.mark.django_db(transaction=True)
def test_the_risks_actions_move_with_their_ids_and_history():
    executor = MigrationExecutor(connection)
    before = [("risks", "0004_risk_categories_as_data"), ("actions", None)]
    executor.migrate(before)
    apps = executor.loader.project_state(before[:1]).apps
    user = apps.get_model("organisation", "User").objects.create(username="owner")
    register = apps.get_model("risks", "Register").objects.create(
        name="Corporate", kind="corporate"
    )
    category = apps.get_model("risks", "RiskCategory").objects.first()
    risk = apps.get_model("risks", "Risk").objects.create(
        reference="CR1", title="Agency costs", category=category, owner=user, register=register,
        inherent_likelihood=4, inherent_impact=4, current_likelihood=3, current_impact=4,
        identified_on="2017-04-01", next_review_on="2017-10-01",
    )  # fmt: skip
    old_action = apps.get_model("risks", "Action")
    old_history = apps.get_model("risks", "HistoricalAction")
    for pk, description in [(7, "Agency framework"), (12, "Recruit permanent staff")]:
        action = old_action.objects.create(
            pk=pk, risk=risk, description=description, owner=user,
            due_on=dt.date(2018, 3, 31), status="in_progress", percent_complete=40,
        )  # fmt: skip
        for changed, percent in [(dt.datetime(2017, 6, 1, tzinfo=dt.UTC), 10), (None, 40)]:
            old_history.objects.create(
                id=action.pk, risk_id=risk.pk, description=description, owner_id=user.pk,
                due_on=action.due_on, status="in_progress", percent_complete=percent,
                progress="", on_track=True,
                history_date=changed or dt.datetime(2017, 9, 1, tzinfo=dt.UTC),
                history_type="~" if changed is None else "+", history_user_id=user.pk,
            )  # fmt: skip

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    moved = {
        a.pk: (a.description, a.risk.reference, a.percent_complete) for a in Action.objects.all()
    }
    assert moved == {
        7: ("Agency framework", "CR1", 40),
        12: ("Recruit permanent staff", "CR1", 40),
    }
    # Two history records per action, oldest 10 % then 40 %, as written above.
    history = Action.history.filter(id=7).order_by("history_date")
    assert [h.percent_complete for h in history] == [10, 40]
    # A new action is numbered after the moved ones (the sequence moved on, on PostgreSQL too).
    owner = UserFactory()
    added = Action.objects.create(
        risk=RiskFactory(), description="New", owner=owner, due_on=dt.date(2018, 1, 1)
    )
    assert added.pk > 12


@pytest.mark.django_db
def test_an_action_belongs_to_exactly_one_subject():
    risk, owner = RiskFactory(), UserFactory()
    audit = Audit.objects.create(reference="IA 1", title="Payroll", financial_year="2017/18")
    for subjects in [{}, {"risk": risk, "audit": audit}]:
        with pytest.raises(IntegrityError), transaction.atomic():
            Action.objects.create(
                description="Orphan", owner=owner, due_on=dt.date(2018, 1, 1), **subjects
            )
    action = Action.objects.create(
        audit=audit,
        description="Reconcile payroll monthly",
        owner=owner,
        due_on=dt.date(2018, 1, 1),
    )
    assert (action.subject_field, action.subject, action.is_recommendation) == (
        "audit",
        audit,
        True,
    )
