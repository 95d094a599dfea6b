"""Settings for legache, read from the environment with safe development defaults.

Production sets DJANGO_DEBUG=0, DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS, DATABASE_URL
(PostgreSQL) and REDIS_URL: gunicorn runs several worker processes, and the sign-in limits
and cached pages need a cache they all share (`check --deploy` warns without one). Sessions
live in the database alone.
"""

import os
import tempfile
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from legache.site_address import site_url

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", True)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off. Generate one with: "
            "python -c 'import secrets; print(secrets.token_urlsafe(50))'"
        )
    # Development only: never used with DEBUG off (see above).
    SECRET_KEY = "django-insecure-development-key-do-not-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]" if DEBUG else "")
# Links in account mail (reset, verification) point here, never at the request's Host header
# (legache/site_address.py): required with DEBUG off, http://127.0.0.1:8000 in development.
LEGACHE_SITE_URL = site_url(os.environ, DEBUG)
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    # Before auth and allauth: its `createsuperuser` and its account templates win.
    "accounts",
    "assessments",
    "runlog",
    "helplines",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.forms",  # the widget templates, for the form renderer below
    "django_htmx",
    "simple_history",
    "allauth",
    "allauth.account",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before anything reads a body: size, multipart and charset limits (legache/limits.py).
    "legache.limits.RequestLimitsMiddleware",
    # Database errors from a view: the branded error page with 503 (legache/middleware.py).
    "legache.middleware.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Records which editor made each content change (the admin's history and revert).
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
]

ROOT_URLCONF = "legache.urls"
WSGI_APPLICATION = "legache.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Background work (bulk imports): Django's tasks framework on a real backend, the database,
# run by `manage.py db_worker` (`make run` starts one; production runs it as a second process
# from the same image). Tests run tasks at once (tests/conftest.py).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Forms render through TEMPLATES, so templates/forms/field.html can escape editor help text.
FORM_RENDERER = "legache.forms.EscapingFormRenderer"

# Databases: SQLite file by default; PostgreSQL in production through DATABASE_URL.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=600,
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL + IMMEDIATE transactions + a busy timeout: concurrent gunicorn writers queue for
    # the lock instead of failing with "database is locked" (see engineering notes).
    # Persistent connections matter here too: opening a SQLite file, setting its pragmas and
    # checkpointing the WAL on close cost more than a whole simple request.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000;"
        ),
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis shared by every worker and host when configured, else per-process memory.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "legache.cache.SharedRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "legache",
            # Connect and read timeouts of 0.25 s unless OPTIONS say otherwise: an outage
            # costs a request at most that, then the cache degrades (legache/cache.py).
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
# Uploaded activity files (kept with their runs so a later importer can read them again):
# the local disk by default; an S3-compatible store in production, where every host and
# worker must see the same files.
MEDIA_ROOT = Path(os.environ.get("LEGACHE_MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "media/"  # never served: files go back to their runner only through a view
if os.environ.get("LEGACHE_S3_BUCKET"):
    DEFAULT_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["LEGACHE_S3_BUCKET"],
            "endpoint_url": os.environ.get("LEGACHE_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("LEGACHE_S3_REGION") or None,
            "access_key": os.environ.get("LEGACHE_S3_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("LEGACHE_S3_SECRET_ACCESS_KEY") or None,
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
else:
    DEFAULT_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": DEFAULT_STORAGE,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Security headers, on every response.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CSP = {
    "default-src": [CSP.NONE],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "font-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
}
# Sessions live in the database alone, even with Redis: the database decides whether a session
# exists, on every request (one SELECT by primary key). A copy in Redis (`cached_db`) would
# outlive a sign-out that missed Redis during a stall and be served by other workers and hosts
# (tests/test_session_stall.py); the cache stays for what may be stale or is counted there.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

if not DEBUG:
    # Behind a TLS-terminating proxy that sets X-Forwarded-Proto.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", 60 * 60 * 24 * 365))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# Accounts: django-allauth, sign-in by email. The admin signs in through the same page
# (legache/urls.py), so one rate limit guards runners and editors alike.
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "runlog:home"
ACCOUNT_LOGOUT_REDIRECT_URL = "home"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_UNIQUE_EMAIL = True
# Sign-up answers the same for a known and an unknown address: a known one gets a mail telling
# its owner someone tried, and the page says "verify your address" either way. allauth can
# only do that with mandatory verification (with "optional" it must say the address is taken),
# so verification is mandatory and not configurable; the link signs the runner in.
if os.environ.get("LEGACHE_EMAIL_VERIFICATION", "mandatory") != "mandatory":
    raise ImproperlyConfigured(
        "LEGACHE_EMAIL_VERIFICATION is no longer configurable: verification is mandatory, "
        "so that sign-up does not tell who has an account. Remove the variable."
    )
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
# Every password check (sign-in, password change, re-authentication, deleting the account)
# counts against the same sign-in limit below (accounts/adapter.py).
ACCOUNT_FORMS = {"change_password": "accounts.password_forms.ChangePasswordForm"}
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[legache] "
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
# Pages, messages and mail name a runner by their email, never by the username allauth makes up.
ACCOUNT_USER_DISPLAY = "accounts.adapter.user_display"
# A mail to the runner when their password or address changes (templates/account/email/).
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.RunnerSignupForm"
ACCOUNT_LOGOUT_ON_GET = False
# 10 failed sign-ins for one account, or from one address (an IPv6 /64 counts as one),
# within 15 minutes: a polite 429. Counted in the cache: Redis, shared by every worker.
ACCOUNT_RATE_LIMITS = {"login_failed": "10/15m/ip,10/15m/key"}

# Mail through Django 6.1's MAILERS: the console in development; SMTP when
# LEGACHE_SMTP_HOST is set.
DEFAULT_FROM_EMAIL = os.environ.get("LEGACHE_FROM_EMAIL", "legache <no-reply@localhost>")
if os.environ.get("LEGACHE_SMTP_HOST"):
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": os.environ["LEGACHE_SMTP_HOST"],
                "port": int(os.environ.get("LEGACHE_SMTP_PORT", "587")),
                "username": os.environ.get("LEGACHE_SMTP_USER", ""),
                "password": os.environ.get("LEGACHE_SMTP_PASSWORD", ""),
                "use_tls": env_bool("LEGACHE_SMTP_TLS", True),
                "timeout": 10,
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}

# Request bodies: every form here is a few kilobytes and no view takes files, so refuse more
# before anything reads it (legache/limits.py). Django's field-count limits stay as they are.
LEGACHE_MAX_BODY_BYTES = int(os.environ.get("LEGACHE_MAX_BODY_BYTES", 64 * 1024))
DATA_UPLOAD_MAX_MEMORY_SIZE = LEGACHE_MAX_BODY_BYTES
# Uploaded files too big to keep in memory wait in a temporary file while their request runs.
# A worker killed mid-request leaves its file behind: a folder of our own, so `manage.py
# purge` (run where it can see this folder) deletes those older than a day and touches
# nothing else. The default is per system user and private to it: the image's build step
# runs as root, and a folder it made would not be writable by the user that serves.
FILE_UPLOAD_TEMP_DIR = os.environ.get("LEGACHE_UPLOAD_TEMP_DIR") or os.path.join(
    tempfile.gettempdir(), f"legache-uploads-{os.getuid()}"
)
os.makedirs(FILE_UPLOAD_TEMP_DIR, mode=0o700, exist_ok=True)

# `manage.py purge` deletes unfinished assessments nobody owns once untouched this long.
LEGACHE_UNFINISHED_RETENTION_DAYS = int(os.environ.get("LEGACHE_UNFINISHED_RETENTION_DAYS", 30))

# Addresses of our own reverse proxies. Only they are believed about X-Forwarded-For, so
# the sign-in limits count real client addresses behind a proxy and forged ones nowhere.
TRUSTED_PROXIES = env_list("DJANGO_TRUSTED_PROXIES", "")


# Tap-to-call numbers on the warning pages live in the admin's Countries table (helplines);
# the runner's country is detected or chosen. When it cannot be, this one (an ISO code such
# as GB) is shown; empty: 112, "or your local emergency number". Refuses the retired
# LEGACHE_EMERGENCY_NUMBERS and LEGACHE_HEALTH_LINES.
# Checked at start-up by the helplines app (a malformed value stops it).
LEGACHE_DEFAULT_COUNTRY = os.environ.get("LEGACHE_DEFAULT_COUNTRY", "").strip()

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}
