"""`scorecard export --format csv` writes NAME.zip, which the import command and page accept;
the commands act as the only administrator or superuser when no --user is given."""

import io
import zipfile

import pytest
from django.core.management import CommandError, call_command

from scorecard.interchange.cli import resolve_user
from scorecard.organisation.services import directorate_create, person_create

pytestmark = pytest.mark.django_db


def test_a_csv_export_is_named_zip_and_imports_again(tmp_path, admin, client):
    directorate_create(code="PLACE", name="Place")
    out = io.StringIO()
    call_command("export", "--format", "csv", "--output", str(tmp_path / "council"),
                 "--no-progress", stdout=out)  # fmt: skip
    written = tmp_path / "council.zip"
    assert f"Wrote {written}" in out.getvalue()
    assert not (tmp_path / "council").exists()
    assert "02-directorates.csv" in zipfile.ZipFile(written).namelist()
    out = io.StringIO()
    call_command("import", str(written), "--dry-run", "--no-progress", stdout=out)
    assert "Importing as ada (ada)." in out.getvalue()
    assert "Directorates: 0 to create, 0 to change, 1 unchanged" in out.getvalue()
    client.force_login(admin)
    with written.open("rb") as upload:
        response = client.post("/import-export/", {"file": upload})
    assert response.status_code == 302


def test_a_zip_name_given_is_kept(tmp_path, admin):
    call_command("export", "--format", "csv", "--output", str(tmp_path / "Council.ZIP"),
                 "--no-progress", stdout=io.StringIO())  # fmt: skip
    assert [p.name for p in tmp_path.iterdir()] == ["Council.ZIP"]


def test_the_only_superuser_is_picked(db):
    person = person_create(username="root", password="correct horse battery staple")
    person.is_superuser = True
    person.save()
    person_create(username="officer", password="correct horse battery staple")
    assert resolve_user(None) == person


def test_the_only_administrator_is_picked(admin):
    person_create(username="officer", password="correct horse battery staple")
    assert resolve_user(None) == admin


def test_two_administrators_need_a_name(admin):
    other = person_create(username="root", password="correct horse battery staple")
    other.is_superuser = True
    other.save()
    with pytest.raises(CommandError, match="--user USERNAME"):
        resolve_user(None)
    assert resolve_user("root") == other
