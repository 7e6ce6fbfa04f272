import pytest

from scorecard.organisation.choices import Role
from scorecard.organisation.services import administrator_create, membership_create, person_create

PASSWORD = "a long enough pass phrase"


@pytest.fixture
def admin(db):
    return administrator_create(username="ada", email="ada@example.org", password=PASSWORD)


@pytest.fixture
def reader(db):
    person = person_create(username="rita", password=PASSWORD)
    membership_create(person=person, role=Role.READER)
    return person
