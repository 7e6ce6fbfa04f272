"""Test environment, set before Django's settings load, and the acceptance-figures summary."""

import os

import pytest

os.environ.setdefault("SCORECARD_ENV", "test")
# pytest-django's live_server runs in a thread beside Playwright's sync API.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

FIGURES = pytest.StashKey[list[str]]()


def pytest_configure(config):
    config.stash[FIGURES] = []


@pytest.fixture
def acceptance_figure(request):
    """Record a figure measured on real data; printed in the summary at the end of the run."""
    return request.config.stash[FIGURES].append


def pytest_terminal_summary(terminalreporter, config):
    figures = config.stash.get(FIGURES, [])
    if figures:
        terminalreporter.section("acceptance figures on real data")
        for line in figures:
            terminalreporter.write_line(line)
