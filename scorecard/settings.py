"""One settings module, driven by environment variables.

SCORECARD_ENV   development (default) | test | production
DATABASE_URL    default: SQLite file var/scorecard.sqlite3 (WAL mode)
SECRET_KEY      required in production
DEBUG           on only in development unless set
ALLOWED_HOSTS   comma-separated; default localhost names outside production
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
import jinja2
from csp import constants as csp_constants
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("SCORECARD_VAR_DIR", BASE_DIR / "var"))

# Under pytest the default is "test": pytest-django loads these settings before any conftest.py
# could set SCORECARD_ENV (pytest sets PYTEST_VERSION first thing).
ENVIRONMENT = os.environ.get("SCORECARD_ENV") or (
    "test" if "PYTEST_VERSION" in os.environ else "development"
)
if ENVIRONMENT not in {"development", "test", "production"}:
    raise ImproperlyConfigured(
        f"SCORECARD_ENV must be development, test or production, not {ENVIRONMENT!r}."
    )
PRODUCTION = ENVIRONMENT == "production"


def env_flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_flag("DEBUG", ENVIRONMENT == "development")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY must be set when SCORECARD_ENV=production.")
    SECRET_KEY = "insecure-key-for-development-and-tests-only"  # noqa: S105

_default_hosts = "" if PRODUCTION else "localhost,127.0.0.1,[::1],testserver"
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", _default_hosts).split(",") if h]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "simple_history",
    "scorecard",
    "scorecard.organisation",
    "scorecard.actions",
    "scorecard.performance",
    "scorecard.risks",
    "scorecard.projects",
    "scorecard.reporting",
    "scorecard.benchmarking",
    "rest_framework",
    "knox",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_filters",
    "scorecard.interchange",
    "scorecard.public",
    "scorecard.api",
    "scorecard.ops",
    "scorecard.notifications",
    "axes",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "scorecard.middleware.RefuseNulInQueryMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "scorecard.organisation.middleware.OrganisationSettingsMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "scorecard.urls"
WSGI_APPLICATION = "scorecard.wsgi.application"

TEMPLATES = [
    {
        # Product pages: Jinja2 with the GOV.UK Frontend macros.
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "environment": "scorecard.jinja2.environment",
            "undefined": jinja2.ChainableUndefined,
            "context_processors": [
                "django.contrib.messages.context_processors.messages",
                "scorecard.context_processors.site",
                "scorecard.oidc.single_sign_on",
            ],
        },
    },
    {
        # The Django admin (superusers only) keeps Django's own templates.
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

VAR_DIR.mkdir(parents=True, exist_ok=True)
(VAR_DIR / "static").mkdir(exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'scorecard.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers carry on while a writer commits; IMMEDIATE avoids
    # "database is locked" when two requests upgrade a read to a write.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    # Tests use a file, not SQLite's shared in-memory database, whose table locks ignore the
    # timeout: background jobs and the browser tests' live server write from other threads.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test-{os.getpid()}.sqlite3")}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "organisation.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

# django-axes first: it refuses a locked-out sign-in before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if ENVIRONMENT == "test":
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "scorecard" / "static_build"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Outside production, serve straight from the source folders (no collectstatic needed).
WHITENOISE_USE_FINDERS = not PRODUCTION
# The base template asks for the folder "govuk/assets" (the GOV.UK macros add file names to it),
# which has no manifest entry: serve such names unhashed instead of failing the page.
WHITENOISE_MANIFEST_STRICT = False

# --- Security headers, cookies, sessions and sign-in throttling (docs/decisions/0007) ------------
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Sessions end after a working day, or when the browser closes.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(8 * 60 * 60)))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_SAMESITE = "Lax"
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_flag("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_flag("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_flag("SECURE_HSTS_PRELOAD", True)
    # TLS ends at the load balancer or reverse proxy, which must set this header.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Content-Security-Policy (django-csp): scripts only from this site or with the page's nonce
# (the one inline script of the GOV.UK template), never 'unsafe-inline' or eval.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", csp_constants.NONCE],
        # Altair's SVG charts and GOV.UK components carry style attributes; styles cannot run code.
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

# Sign-in throttling (django-axes): five failures for one user name from one address lock that
# pair out for an hour (that user name from elsewhere still signs in); a successful sign-in
# clears the count. Behind a reverse proxy every request comes from the proxy: TRUSTED_PROXY_COUNT
# (the number of proxies in front, each adding to X-Forwarded-For) takes the client's address
# from the header instead (docs/deployment.md). 0, the default, believes no header.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "scorecard.ops.security.client_address"
AXES_ENABLED = env_flag("AXES_ENABLED", True)
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "60")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "scorecard.ops.security.locked_out"
AXES_VERBOSE = False

# Single sign-on with OpenID Connect (mozilla-django-oidc, docs/decisions/0009): off unless
# SCORECARD_OIDC_CLIENT_ID is set. Endpoints are given, not discovered, so nothing is fetched at
# start-up. People are matched to accounts by email; none is created unless the setting says so.
OIDC_RP_CLIENT_ID = os.environ.get("SCORECARD_OIDC_CLIENT_ID", "")
OIDC_ENABLED = bool(OIDC_RP_CLIENT_ID)
OIDC_PROVIDER_NAME = os.environ.get("SCORECARD_OIDC_PROVIDER_NAME", "your council account")
if OIDC_ENABLED:
    _oidc_missing = [
        name
        for name in (
            "SCORECARD_OIDC_CLIENT_SECRET",
            "SCORECARD_OIDC_AUTHORIZATION_ENDPOINT",
            "SCORECARD_OIDC_TOKEN_ENDPOINT",
            "SCORECARD_OIDC_USER_ENDPOINT",
            "SCORECARD_OIDC_JWKS_ENDPOINT",
        )
        if not os.environ.get(name)
    ]
    if _oidc_missing:
        raise ImproperlyConfigured(
            f"Single sign-on (SCORECARD_OIDC_CLIENT_ID) also needs {', '.join(_oidc_missing)}."
        )
    OIDC_RP_CLIENT_SECRET = os.environ["SCORECARD_OIDC_CLIENT_SECRET"]
    OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ["SCORECARD_OIDC_AUTHORIZATION_ENDPOINT"]
    OIDC_OP_TOKEN_ENDPOINT = os.environ["SCORECARD_OIDC_TOKEN_ENDPOINT"]
    OIDC_OP_USER_ENDPOINT = os.environ["SCORECARD_OIDC_USER_ENDPOINT"]
    OIDC_OP_JWKS_ENDPOINT = os.environ["SCORECARD_OIDC_JWKS_ENDPOINT"]
    OIDC_RP_SIGN_ALGO = os.environ.get("SCORECARD_OIDC_SIGN_ALGORITHM", "RS256")
    OIDC_RP_SCOPES = "openid email profile"
    OIDC_USE_PKCE = True
    OIDC_CREATE_USER = env_flag("SCORECARD_OIDC_CREATE_USERS", False)
    OIDC_AUTHENTICATION_CALLBACK_URL = "oidc_authentication_callback"
    LOGIN_REDIRECT_URL_FAILURE = "/sign-in/"
    AUTHENTICATION_BACKENDS.append("scorecard.oidc.CouncilOIDCBackend")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # django-axes logs every sign-in at INFO; keep its warnings (lockouts) only.
    "loggers": {"axes": {"level": os.environ.get("AXES_LOG_LEVEL", "WARNING")}},
}

# --- Work outside the request (docs/decisions/0032-jobs-on-django-tasks.md) ----------------------
# Imports and exports above the threshold, pack builds and publication's documents are tasks in
# the database, run by `scorecard worker`. The test environment runs a task at once, in the
# process that enqueues it, unless a test asks for the database backend.
TASKS_BACKEND = os.environ.get(
    "SCORECARD_TASKS_BACKEND", "immediate" if ENVIRONMENT == "test" else "database"
)
TASKS = {
    "default": {
        "BACKEND": {
            "database": "django_tasks_db.DatabaseBackend",
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
        }[TASKS_BACKEND]
    }
}
# Called by `scorecard worker` at least once a minute with the council's now: dotted paths to
# functions `fn(now: datetime) -> None`, each of which must be safe to call again.
# The council's schedule (reminders, overdue reviews, digests, alerts) is always run; more can be
# added from the environment.
SCORECARD_PERIODIC: list[str] = ["scorecard.notifications.schedule.run_due"] + [
    path for path in os.environ.get("SCORECARD_PERIODIC", "").split(",") if path
]
# A task left running by a worker that died is run again up to this many times in all.
SCORECARD_TASK_ATTEMPTS = 3
# The worker's niceness: below the web workers, so long work never slows a page.
SCORECARD_WORKER_NICE = int(os.environ.get("SCORECARD_WORKER_NICE", "19"))

# --- Import, export and the REST API (interchange and api apps) ---------------------------------
# Imports and exports bigger than this many rows run outside the request (docs/decisions/0005).
INTERCHANGE_BACKGROUND_ROWS = int(os.environ.get("INTERCHANGE_BACKGROUND_ROWS", "2000"))
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024

# API tokens are stored as SHA-512 digests and shown once (docs/decisions/0020-hashed-api-tokens.md).
REST_KNOX = {
    "TOKEN_TTL": timedelta(days=int(os.environ.get("API_TOKEN_DAYS", "365"))),
    "AUTH_HEADER_PREFIX": "Token",
    "TOKEN_LIMIT_PER_USER": 1,
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "knox.auth.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "EXCEPTION_HANDLER": "scorecard.api.exceptions.api_exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Scorecard API",
    "DESCRIPTION": "Indicators, measurements, statuses, risks, assessments and risk areas.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # No deep links: Swagger UI puts each one inside the operation's button, a link nested in a
    # button that keyboards and screen readers cannot use (axe: nested-interactive).
    "SWAGGER_UI_SETTINGS": {"deepLinking": False},
}

# Email (reminders): printed to the console unless an SMTP server is configured.
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if os.environ.get("EMAIL_HOST")
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_flag("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "scorecard@localhost")

# Every email links to the page it is about: the site's address as people reach it.
SCORECARD_BASE_URL = os.environ.get("SCORECARD_BASE_URL", "http://127.0.0.1:8000")
