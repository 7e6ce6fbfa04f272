"""The settings module reads its configuration from environment variables."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def settings_value(expression: str, **env: str) -> subprocess.CompletedProcess:
    environment = {
        k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "SECRET_KEY", "DEBUG"}
    }
    environment.update(env)
    code = f"import scorecard.settings as s; print(({expression},))"
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True
    )


def test_production_without_a_secret_key_refuses_to_start(tmp_path):
    result = settings_value("s.DEBUG", SCORECARD_ENV="production", SCORECARD_VAR_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "SECRET_KEY must be set when SCORECARD_ENV=production" in result.stderr


def test_production_is_not_in_debug_and_lists_only_the_configured_hosts(tmp_path):
    result = settings_value(
        "s.DEBUG, s.ALLOWED_HOSTS",
        SCORECARD_ENV="production",
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="scorecard.example.gov.uk",
        SCORECARD_VAR_DIR=str(tmp_path),
    )
    assert result.stdout.strip() == "(False, ['scorecard.example.gov.uk'])"


def test_development_defaults_to_debug_and_sqlite_in_wal_mode(tmp_path):
    result = settings_value(
        "s.DEBUG, s.DATABASES['default']['ENGINE'], s.DATABASES['default']['OPTIONS']['init_command']",
        SCORECARD_ENV="development",
        SCORECARD_VAR_DIR=str(tmp_path),
    )
    assert "True" in result.stdout
    assert "sqlite3" in result.stdout
    assert "journal_mode=WAL" in result.stdout


def test_database_url_selects_postgresql(tmp_path):
    result = settings_value(
        "s.DATABASES['default']['ENGINE'], s.DATABASES['default']['NAME']",
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/council",
        SCORECARD_VAR_DIR=str(tmp_path),
    )
    assert result.stdout.strip() == "('django.db.backends.postgresql', 'council')"


def test_an_unknown_environment_name_is_refused(tmp_path):
    result = settings_value("s.DEBUG", SCORECARD_ENV="staging", SCORECARD_VAR_DIR=str(tmp_path))
    assert "SCORECARD_ENV must be development, test or production" in result.stderr


def test_email_goes_to_the_console_unless_an_smtp_server_is_set(tmp_path):
    console = settings_value("s.EMAIL_BACKEND", SCORECARD_VAR_DIR=str(tmp_path))
    assert "console.EmailBackend" in console.stdout
    smtp = settings_value(
        "s.EMAIL_BACKEND, s.EMAIL_HOST",
        EMAIL_HOST="mail.council.example",
        SCORECARD_VAR_DIR=str(tmp_path),
    )
    assert "smtp.EmailBackend" in smtp.stdout and "mail.council.example" in smtp.stdout
