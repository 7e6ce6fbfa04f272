import pytest

from scorecard.demo import DEMO_PASSWORD, load_demo
from scorecard.organisation.models import User


@pytest.fixture
def demo(db):
    """The demo council, with its accounts."""
    load_demo()
    return {u.username: u for u in User.objects.filter(username__in=["admin", "editor", "reader"])}


@pytest.fixture
def demo_password():
    return DEMO_PASSWORD
