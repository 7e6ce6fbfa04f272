"""Who may see, change and decide on actions (action_access) and audits (audit_access): an
action follows its subject, and its owner may report progress on it."""

import datetime as dt

import pytest

from scorecard.actions.access import action_access, audit_access
from scorecard.actions.models import Action, Audit
from scorecard.organisation import services as organisation_services
from scorecard.organisation.choices import Role
from scorecard.organisation.models import Directorate, User
from tests.performance.factories import IndicatorFactory
from tests.risks.factories import RegisterFactory, RiskFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def actions(people, project):
    asc = Directorate.objects.get(code="ASC")
    other = Directorate.objects.exclude(code="ASC").first()
    auditor = organisation_services.person_create(username="ivy", password=None)
    organisation_services.membership_create(person=auditor, role=Role.AUDITOR)
    due = dt.date(2018, 1, 31)
    made = {
        "asc indicator": Action(indicator=IndicatorFactory(directorate=asc)),
        "other indicator": Action(indicator=IndicatorFactory(directorate=other)),
        "asc risk": Action(risk=RiskFactory(register=RegisterFactory(directorate=asc))),
        "project": Action(project=project),  # Adult Services, managed by the editor
        "audit": Action(audit=Audit.objects.create(reference="IA1", title="Payroll", financial_year="2017/18")),
        "reader's own": Action(indicator=IndicatorFactory(directorate=other)),
    }  # fmt: skip
    for name, action in made.items():
        action.description, action.due_on = name, due
        action.owner = people["reader"] if name == "reader's own" else people["admin"]
        action.save()
    return {**people, "auditor": auditor}


def names(user, verb) -> set[str]:
    return set(action_access(user, verb).values_list("description", flat=True))


EVERY = {"asc indicator", "other indicator", "asc risk", "project", "audit", "reader's own"}


def test_every_role_sees_the_actions_of_what_it_sees(actions):
    for role in ["admin", "editor", "reader", "auditor"]:
        assert names(actions[role], "view") == EVERY, role
    nobody = User.objects.create_user("nobody")
    assert names(nobody, "view") == set()


def test_the_subjects_editors_and_the_owner_change_an_action(actions):
    assert names(actions["admin"], "edit") == EVERY
    # The Adult Services editor: its indicator, its register's risk, the project they manage.
    assert names(actions["editor"], "edit") == {"asc indicator", "asc risk", "project"}
    assert names(actions["reader"], "edit") == {"reader's own"}  # owner only
    assert names(actions["auditor"], "edit") == {"audit"}


def test_deciding_extensions_is_for_those_who_change_the_subject_not_the_owner(actions):
    assert names(actions["editor"], "decide") == {"asc indicator", "asc risk", "project"}
    assert names(actions["reader"], "decide") == set()
    assert names(actions["auditor"], "decide") == {"audit"}


def test_audits_are_read_by_every_role_and_kept_by_internal_audit_and_the_team(actions):
    for role, may_edit in [
        ("admin", True),
        ("auditor", True),
        ("editor", False),
        ("reader", False),
    ]:
        assert audit_access(actions[role], "view").count() == 1
        assert audit_access(actions[role], "edit").exists() is may_edit, role
    with pytest.raises(ValueError):
        audit_access(actions["admin"], "approve")
