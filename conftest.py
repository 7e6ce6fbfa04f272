"""Test-run settings (hypothesis, threads) and the acceptance-figures summary. The test
environment itself (SCORECARD_ENV=test) is chosen by settings.py when pytest runs."""

import os

import pytest
from hypothesis import settings as hypothesis_settings

# pytest-django's live_server runs in a thread beside Playwright's sync API.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# Property tests judge rules, not speed: no per-example deadline on a busy two-core machine.
hypothesis_settings.register_profile("scorecard", deadline=None)
hypothesis_settings.load_profile("scorecard")

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
