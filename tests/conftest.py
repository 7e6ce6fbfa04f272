from pathlib import Path

import pytest

from scorecard.demo import DEMO_PASSWORD, load_demo, load_demo_organisation
from scorecard.organisation.models import User

from .demo_snapshot import load_demo_fast

REALDATA_DIR = Path(__file__).resolve().parent / "data" / "realdata"


@pytest.fixture
def demo(db):
    """The demo council's organisation and its three accounts (fast: no scorecard or risks)."""
    load_demo_organisation()
    return {u.username: u for u in User.objects.filter(username__in=["admin", "editor", "reader"])}


@pytest.fixture
def demo_council(db):
    """The whole demo council: scorecard, risk register and the published Quarter Two 2017/18.
    Loaded once per session and copied back for each test (tests/demo_snapshot.py)."""
    load_demo_fast(load_demo)
    return {u.username: u for u in User.objects.filter(username__in=["admin", "editor", "reader"])}


@pytest.fixture
def demo_password():
    return DEMO_PASSWORD


@pytest.fixture(scope="session")
def realdata_dir():
    """Real public council data, kept in the repository (tests/data/realdata, with its sources)."""
    return REALDATA_DIR


@pytest.fixture(autouse=True)
def _public_pages_forgotten():
    """Each test starts with no public page kept by an earlier one: the demo's copy gives every
    test the same snapshot, so a page kept a minute ago would otherwise be served again."""
    from scorecard.public.views import pages_forget

    pages_forget()
