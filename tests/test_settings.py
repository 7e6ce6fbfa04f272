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


def test_the_suite_runs_in_the_test_environment_without_being_told():
    # pytest-django loads the settings before any conftest.py runs, so nothing but the
    # settings themselves can choose the test environment (and its fast password hasher).
    from django.conf import settings

    assert settings.ENVIRONMENT == "test"
    assert settings.PASSWORD_HASHERS == ["django.contrib.auth.hashers.MD5PasswordHasher"]


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


PRODUCTION_ENV = {
    "SCORECARD_ENV": "production",
    "SECRET_KEY": "q8Zx!2mVr#T7pLw9Kd$4nBf6Hs0Yc3Ju5Ea1Gi8Xo2Qt7Rz-production-test-key",
    "ALLOWED_HOSTS": "scorecard.example.gov.uk",
}


def test_production_settings_pass_the_deployment_check_with_no_warning(tmp_path):
    # Without DJANGO_ALLOW_ASYNC_UNSAFE, which the browser tests set in this process.
    unsafe = {"DATABASE_URL", "SECRET_KEY", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment = {k: v for k, v in os.environ.items() if k not in unsafe}
    environment.update(PRODUCTION_ENV, SCORECARD_VAR_DIR=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_cookies_are_secure_and_sessions_expire(tmp_path):
    result = settings_value(
        "s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS > 0,"
        " s.SESSION_EXPIRE_AT_BROWSER_CLOSE, s.SESSION_COOKIE_AGE",
        SCORECARD_VAR_DIR=str(tmp_path),
        **PRODUCTION_ENV,
    )
    assert result.stdout.strip() == "(True, True, True, True, 28800)", result.stderr


def test_passwords_are_validated(db):
    import pytest
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    for weak in ["short", "password1234", "123456789012"]:
        with pytest.raises(ValidationError):
            validate_password(weak)
    validate_password("a long council pass phrase")


def test_pages_send_a_content_security_policy_without_unsafe_inline_scripts(client, db):
    response = client.get("/sign-in/")
    policy = response.headers["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    script_src = directives["script-src"]
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    assert "'nonce-" in script_src
    nonce = script_src.split("'nonce-")[1].split("'")[0]
    # The GOV.UK template's one inline script carries that nonce.
    assert f'nonce="{nonce}"' in response.content.decode()
    assert directives["object-src"] == "'none'"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Frame-Options"] == "DENY"


def test_repeated_failed_sign_ins_lock_the_account_out_with_a_clear_message(client, demo):
    from django.conf import settings

    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post("/sign-in/", {"username": "reader", "password": "wrong-password"})
        assert response.status_code == 200
    response = client.post("/sign-in/", {"username": "reader", "password": "wrong-password"})
    assert response.status_code == 429
    page = response.content.decode()
    assert "Sign-in locked for 60 minutes" in page
    assert "ask the performance and risk team to reset it" in page
    # Even the right password is refused while locked out.
    response = client.post("/sign-in/", {"username": "reader", "password": "scorecard-demo"})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_successful_sign_in_clears_the_failure_count(client, demo, demo_password):
    from django.conf import settings

    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        client.post("/sign-in/", {"username": "reader", "password": "wrong-password"})
    response = client.post("/sign-in/", {"username": "reader", "password": demo_password})
    assert response.status_code == 302
    client.logout()
    response = client.post("/sign-in/", {"username": "reader", "password": "wrong-password"})
    assert response.status_code == 200


def test_the_api_docs_page_keeps_the_policy_and_loads_its_script_from_the_site(client, db):
    response = client.get("/api/docs/")
    policy = response.headers["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert "'unsafe-inline'" not in directives["script-src"]
    html = response.content.decode()
    # Swagger UI starts from a script file of this site, not from an inline script.
    assert '<script src="/api/docs/?script="></script>' in html
    assert "<script>" not in html
    script = client.get("/api/docs/", {"script": ""})
    assert script.status_code == 200
    assert "SwaggerUIBundle" in script.content.decode()
