"""`scorecard backup` then `scorecard restore` into an empty database loses nothing."""

import io
import json
import os
import subprocess
import sys
import uuid
import zipfile
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from scorecard.demo import load_demo
from scorecard.interchange.services import export_data
from scorecard.ops.backup import BackupError, restore, table_counts

ROOT = Path(__file__).resolve().parents[2]

COUNTS_AND_EXPORT = """
import base64, json, django
django.setup()
from scorecard.interchange.services import export_data
from scorecard.ops.backup import table_counts
from scorecard.organisation.models import User
data = export_data(user=User.objects.get(username="admin"), fmt="csv")
print(json.dumps({"counts": table_counts(), "export": base64.b64encode(data).decode()}))
"""


def csv_files(data: bytes) -> dict[str, bytes]:
    """The CSV files of an export, without the zip's timestamps."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in sorted(archive.namelist())}


def run_scorecard(database_url: str, *args: str, code: str | None = None) -> str:
    environment = {
        k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
    }
    environment.update(
        DATABASE_URL=database_url, SCORECARD_ENV="test", DJANGO_SETTINGS_MODULE="scorecard.settings"
    )
    command = [sys.executable, "-c", code] if code else [sys.executable, "manage.py", *args]
    result = subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.fixture
def empty_database(tmp_path):
    """The URL of a new, empty database of the same kind as the test database."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    settings = connection.settings_dict
    name = f"opswork_{uuid.uuid4().hex[:12]}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    user = settings.get("USER") or "postgres"
    yield f"postgres://{user}@{settings.get('HOST') or '127.0.0.1'}:{settings.get('PORT') or 5432}/{name}"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.django_db(transaction=True)
def test_a_backup_restored_into_an_empty_database_loses_nothing(tmp_path, empty_database):
    load_demo()
    from scorecard.organisation.models import User

    before_export = csv_files(export_data(user=User.objects.get(username="admin"), fmt="csv"))
    before_counts = table_counts()
    backup_file = tmp_path / "scorecard.backup"
    call_command("backup", str(backup_file), stdout=io.StringIO())
    assert backup_file.stat().st_size > 0

    run_scorecard(empty_database, "restore", str(backup_file), "--no-input")
    after = json.loads(run_scorecard(empty_database, code=COUNTS_AND_EXPORT))

    import base64

    after_export = csv_files(base64.b64decode(after["export"]))
    assert after["counts"] == before_counts
    assert sum(before_counts.values()) > 1000
    assert after_export.keys() == before_export.keys()
    for name, content in before_export.items():
        assert after_export[name] == content, f"{name} differs after the restore"


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path, db):
    wrong = tmp_path / "notes.txt"
    wrong.write_text("not a backup at all")
    with pytest.raises(BackupError, match="is not a .* backup made by `scorecard backup`"):
        restore(wrong)
    with pytest.raises(BackupError, match="does not exist"):
        restore(tmp_path / "missing.backup")
