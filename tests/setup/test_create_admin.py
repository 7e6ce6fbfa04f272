"""`scorecard create-admin`: the first administrator of an empty installation."""

import io

import pytest
from django.core.management import CommandError, call_command

from scorecard.organisation.choices import Role
from scorecard.organisation.models import Membership, User
from scorecard.organisation.selectors import user_can_manage_organisation


def signs_in(client, username: str, password: str) -> bool:
    """Through the sign-in page, as the person would."""
    response = client.post("/sign-in/", {"username": username, "password": password})
    return response.status_code == 302


def create_admin(*args: str) -> str:
    out = io.StringIO()
    call_command("create_admin", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_the_first_administrator_holds_the_administrator_role(monkeypatch, client):
    monkeypatch.setenv("FIRST_PASSWORD", "correct horse battery staple")
    output = create_admin(
        "--username", "ada", "--email", "ada@example.org", "--password-from-env", "FIRST_PASSWORD"
    )
    person = User.objects.get(username="ada")
    assert "ada is an administrator." in output
    assert list(Membership.objects.filter(person=person).values_list("role", "directorate")) == [
        (Role.ADMINISTRATOR, None)
    ]
    assert person.email == "ada@example.org" and person.is_superuser
    assert user_can_manage_organisation(person)
    assert signs_in(client, "ada", "correct horse battery staple")
    assert client.get("/setup/").status_code == 200


@pytest.mark.django_db
def test_a_generated_password_is_printed_once_and_signs_in(client):
    output = create_admin("--username", "ada", "--generate-password")
    password = output.split("Their password (shown once): ")[1].split()[0]
    assert len(password) >= 20
    assert signs_in(client, "ada", password)


@pytest.mark.django_db
def test_a_weak_password_is_refused_and_nothing_is_written(monkeypatch):
    monkeypatch.setenv("FIRST_PASSWORD", "short")
    with pytest.raises(CommandError, match="password: This password is too short"):
        create_admin("--username", "ada", "--password-from-env", "FIRST_PASSWORD")
    assert not User.objects.exists()
    assert not Membership.objects.exists()


@pytest.mark.django_db
def test_a_taken_username_is_refused(monkeypatch, admin):
    monkeypatch.setenv("FIRST_PASSWORD", "correct horse battery staple")
    with pytest.raises(CommandError, match="username: A user with that username already exists"):
        create_admin("--username", "ada", "--password-from-env", "FIRST_PASSWORD")
    assert Membership.objects.count() == 1


@pytest.mark.django_db
def test_an_empty_password_variable_is_refused(monkeypatch):
    monkeypatch.delenv("FIRST_PASSWORD", raising=False)
    with pytest.raises(CommandError, match="FIRST_PASSWORD is empty or not set"):
        create_admin("--username", "ada", "--password-from-env", "FIRST_PASSWORD")
    assert not User.objects.exists()


@pytest.mark.django_db
def test_the_password_is_asked_for_twice(monkeypatch):
    answers = iter(["correct horse battery staple", "correct horse battery stapler"])
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(answers))
    with pytest.raises(CommandError, match="The two passwords differ"):
        create_admin("--username", "ada")
    assert not User.objects.exists()


def test_the_console_script_runs_it_by_its_hyphenated_name(monkeypatch):
    seen = []
    monkeypatch.setattr(
        "django.core.management.execute_from_command_line", lambda argv: seen.append(argv)
    )
    from scorecard.cli import main

    main(["scorecard", "create-admin", "--username", "ada"])
    assert seen == [["scorecard", "create_admin", "--username", "ada"]]
