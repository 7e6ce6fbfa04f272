import pytest

from scorecard.public.views import pages_forget


@pytest.fixture(autouse=True)
def _no_kept_pages():
    """Each test reads its own database: no page kept from another test's."""
    pages_forget()
    yield
    pages_forget()
