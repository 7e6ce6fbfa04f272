import pytest

from tests.interchange.conftest import small_council


@pytest.fixture
def council(db):
    """The same small council as the interchange tests (not the demo)."""
    return small_council()
