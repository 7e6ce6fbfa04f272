"""Test environment, set before Django's settings load."""

import os

os.environ.setdefault("SCORECARD_ENV", "test")
# pytest-django's live_server runs in a thread beside Playwright's sync API.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
