"""Who may import a file and who may export one: the import page's own gate."""

import pytest

from scorecard.interchange.access import user_can_export, user_can_import
from scorecard.organisation import services as organisation_services

pytestmark = pytest.mark.django_db


def test_those_who_may_change_something_import_and_every_role_exports(council):
    # The administrator and the Adult Services editor (whose directorate has a register) change
    # things; the reader changes nothing; a person with no role may do neither.
    nobody = organisation_services.person_create(username="nobody", password="scorecard-test")
    people = {**council, "nobody": nobody}
    assert {name: user_can_import(person) for name, person in people.items()} == {
        "admin": True,
        "editor": True,
        "reader": False,
        "nobody": False,
    }
    assert {name: user_can_export(person) for name, person in people.items()} == {
        "admin": True,
        "editor": True,
        "reader": True,
        "nobody": False,
    }
