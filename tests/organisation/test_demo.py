"""`scorecard load-demo`: the demo council and its three accounts."""

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from scorecard.organisation.choices import Role
from scorecard.organisation.models import Directorate, Membership, User

pytestmark = pytest.mark.django_db


def test_load_demo_creates_the_accounts_and_prints_them(capsys):
    call_command("load_demo")
    out = capsys.readouterr().out
    for username in ["admin", "editor", "reader"]:
        assert username in out
    assert "scorecard-demo" in out
    assert User.objects.get(username="admin").check_password("scorecard-demo")
    editor = Membership.objects.get(person__username="editor")
    assert (editor.role, editor.directorate.name) == (Role.DIRECTORATE_EDITOR, "Adult Services")
    assert Membership.objects.get(person__username="reader").role == Role.READER


def test_load_demo_twice_changes_nothing():
    call_command("load_demo")
    counts = (User.objects.count(), Directorate.objects.count(), Membership.objects.count())
    call_command("load_demo")
    assert (User.objects.count(), Directorate.objects.count(), Membership.objects.count()) == counts


def test_production_refuses_to_create_demo_accounts():
    with (
        override_settings(PRODUCTION=True),
        pytest.raises(CommandError, match="never created in production"),
    ):
        call_command("load_demo")
    assert not User.objects.exists()
