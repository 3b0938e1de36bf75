"""Netra settings, read from the environment only.

The embedded default (no environment at all) is a single machine with SQLite and files under
``$NETRA_DATA_DIR`` (``./var``). A production deployment sets ``NETRA_ENV=production``,
``DATABASE_URL`` (PostgreSQL) and a secret key, and may run several app and worker processes.
Secrets may come from ``*_FILE`` variables so that they never appear in process listings.
"""

import os
from pathlib import Path

import dj_database_url
from csp import constants as csp

from netra.privacy import periods as retention_periods  # Django-free: read before setup

BASE_DIR = Path(__file__).resolve().parent


def env(name, default=None):
    return os.environ.get(name, default)


def envbool(name, default="False"):
    return env(name, default).strip().lower() in ("1", "true", "yes", "on")


def envint(name, default):
    return int(env(name, str(default)))


def envsecret(name):
    """The value of NAME, or the content of the file named by NAME_FILE."""
    value = env(name)
    if value:
        return value
    path = env(f"{name}_FILE")
    if path:
        try:
            return Path(path).read_text().strip()
        except OSError as error:
            # One line for the operator, not a traceback (see netra/deployment.py).
            raise SystemExit(
                f"netra: {name}_FILE {path} cannot be read ({error.strerror})."
            ) from None
    return None


NETRA_ENV = env("NETRA_ENV", "embedded")
PRODUCTION = NETRA_ENV == "production"
DATA_DIR = Path(env("NETRA_DATA_DIR", "var")).resolve()
SECRET_KEY_FILE = DATA_DIR / "secret_key"


def _secret_key():
    key = envsecret("NETRA_SECRET_KEY")
    if key:
        return key
    if PRODUCTION:
        return ""  # refused below, with the other production problems
    if SECRET_KEY_FILE.exists():
        return SECRET_KEY_FILE.read_text().strip()
    # Only tests and one-off scripts get here: `netra` itself writes the key file first, so
    # every app process of an installation shares one key.
    from django.utils.crypto import get_random_string

    return get_random_string(64)


SECRET_KEY = _secret_key()
DEBUG = envbool("NETRA_DEBUG")
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"] + [
    h.strip() for h in env("NETRA_ALLOWED_HOSTS", "").split(",") if h.strip()
]
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in env("NETRA_CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # Only for its templates and static files: the API docs load Swagger UI from the
    # package, never from a CDN.
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "netra.audit",
    "netra.regions",
    "netra.accounts",
    "netra.people",
    "netra.reports",
    "netra.cases",
    "netra.sanctions",
    "netra.prevention",
    "netra.monitoring",
    "netra.insights",
    "netra.risk",
    "netra.privacy",
    "netra.web",
    "netra.worker",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outside every middleware that answers on its own (static files, refused input, private
    # downloads), so that each of those responses carries the policy too.
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "netra.web.middleware.RefuseOversizedBodiesMiddleware",
    "netra.web.middleware.RefuseNulBytesMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "netra.common.downloads.PrivateDownloadsMiddleware",
    "netra.accounts.middleware.PasswordChangeRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

# Content-Security-Policy (django-csp): no script but Netra's own static files, no plugins, no
# framing, forms only to Netra. Styles come from the static CSS; the one inline <style> left
# is each tile map's (its sizes are computed per map, and the same SVG goes into PDFs), allowed
# by the nonce of its own response. django-csp adds the nonce only to responses that read
# request.csp_nonce, so every other page allows no inline style at all.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [csp.SELF],
        "script-src": [csp.SELF],
        "style-src": [csp.SELF, csp.NONCE],
        "img-src": [csp.SELF],
        "object-src": [csp.NONE],
        "base-uri": [csp.SELF],
        "frame-ancestors": [csp.NONE],
        "form-action": [csp.SELF],
    }
}

ROOT_URLCONF = "netra.urls"
WSGI_APPLICATION = "netra.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "netra.web.context.navigation",
            ],
        },
    },
]

SQLITE_OPTIONS = {
    # WAL lets the worker write while pages read; IMMEDIATE avoids "database is locked" on
    # upgrade from a read to a write lock inside a transaction. The busy timeout comes first,
    # so that switching a new file to WAL also waits for a process that holds it.
    "init_command": (
        "PRAGMA busy_timeout=10000; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
        "PRAGMA cache_size=-65536;"
    ),
    "transaction_mode": "IMMEDIATE",
}

DATABASE_URL = env("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
    if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
        DATABASES["default"]["OPTIONS"] = SQLITE_OPTIONS
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "netra.sqlite3",
            "OPTIONS": SQLITE_OPTIONS,
        }
    }
IS_POSTGRES = DATABASES["default"]["ENGINE"].startswith("django.db.backends.postgresql")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "web:dashboard"
LOGOUT_REDIRECT_URL = "web:home"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
SESSION_COOKIE_AGE = envint("NETRA_SESSION_SECONDS", 8 * 3600)
SESSION_COOKIE_HTTPONLY = True
# Production serves HTTPS only, through a TLS-terminating proxy (see the checks at the end).
NETRA_HTTPS = envbool("NETRA_HTTPS", "True")
SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Behind a reverse proxy the client address is the last X-Forwarded-For hop the proxy added.
NETRA_BEHIND_PROXY = PRODUCTION and envbool("NETRA_BEHIND_PROXY")
if NETRA_BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
if PRODUCTION:
    SECURE_SSL_REDIRECT = True
    # A load balancer probes the app itself over plain HTTP.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_HSTS_SECONDS = envint("NETRA_HSTS_SECONDS", 365 * 24 * 3600)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("NETRA_HSTS_INCLUDE_SUBDOMAINS", "True")
    # The header alone enrols nothing; it lets the operator submit the domain to browsers'
    # preload lists.
    SECURE_HSTS_PRELOAD = envbool("NETRA_HSTS_PRELOAD", "True")

# Login throttling: failures per username and per client address within the window.
NETRA_LOGIN_MAX_FAILURES = envint("NETRA_LOGIN_MAX_FAILURES", 5)
NETRA_LOGIN_MAX_FAILURES_PER_ADDRESS = envint("NETRA_LOGIN_MAX_FAILURES_PER_ADDRESS", 50)
NETRA_LOGIN_WINDOW_SECONDS = envint("NETRA_LOGIN_WINDOW_SECONDS", 900)

LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Asia/Jakarta"
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Only for `collectstatic` in production; otherwise files are served from the package.
STATIC_ROOT = env("NETRA_STATIC_ROOT") or None
# Serve straight from the package in the embedded default; production may run collectstatic.
WHITENOISE_USE_FINDERS = True
MEDIA_ROOT = Path(env("NETRA_MEDIA_ROOT", DATA_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Stored files and their directories are the service account's alone.
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700
FILE_UPLOAD_TEMP_DIR = env("NETRA_UPLOAD_TEMP_DIR") or None
# Uploads bigger than this stream to a temporary file instead of memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Roster files above this size are refused before any row is read.
NETRA_ROSTER_MAX_BYTES = envint("NETRA_ROSTER_MAX_MB", 150) * 1024 * 1024
# An administrator's file of staff accounts (accounts/importer.py), and how long the enrolment
# link mailed to each new account works.
NETRA_ACCOUNT_IMPORT_MAX_BYTES = envint("NETRA_ACCOUNT_IMPORT_MAX_MB", 2) * 1024 * 1024
NETRA_ENROLMENT_LINK_HOURS = envint("NETRA_ENROLMENT_LINK_HOURS", 72)

# The identity vault's key file (see reports/vault.py); generated into the data directory for the
# embedded default, required from the environment in production.
NETRA_VAULT_KEY_FILE = Path(env("NETRA_VAULT_KEY_FILE", DATA_DIR / "vault.key"))
# The audit chain's HMAC key (see audit/chain.py), kept like the vault key; the signed
# checkpoints of the chain's head go outside the database too, written daily by the worker.
NETRA_AUDIT_KEY_FILE = Path(env("NETRA_AUDIT_KEY_FILE", DATA_DIR / "audit.key"))
NETRA_AUDIT_CHECKPOINT_DIR = Path(env("NETRA_AUDIT_CHECKPOINT_DIR", DATA_DIR / "audit-checkpoints"))
NETRA_AUDIT_CHECKPOINT_HOURS = envint("NETRA_AUDIT_CHECKPOINT_HOURS", 24)
NETRA_EVIDENCE_MAX_BYTES = envint("NETRA_EVIDENCE_MAX_MB", 20) * 1024 * 1024
NETRA_EVIDENCE_MAX_FILES = envint("NETRA_EVIDENCE_MAX_FILES", 10)
# Decoding budget per image (reports/decoding.py): pixels summed over an animation's frames
# (a larger JPEG is decoded at 1/2, 1/4 or 1/8 of its sides), and frames. Each file is decoded
# in one of NETRA_EVIDENCE_DECODERS pre-started child processes per web process, with this
# much extra memory and CPU time.
NETRA_EVIDENCE_MAX_PIXELS = envint("NETRA_EVIDENCE_MAX_MEGAPIXELS", 50) * 1_000_000
NETRA_EVIDENCE_MAX_FRAMES = envint("NETRA_EVIDENCE_MAX_FRAMES", 1000)
NETRA_EVIDENCE_DECODERS = envint("NETRA_EVIDENCE_DECODERS", 2)
NETRA_EVIDENCE_DECODE_MEMORY = envint("NETRA_EVIDENCE_DECODE_MEMORY_MB", 512) * 1024 * 1024
NETRA_EVIDENCE_DECODE_CPU_SECONDS = envint("NETRA_EVIDENCE_DECODE_CPU_SECONDS", 5)
# Case attachments per staff member per hour (reporters count against the submission limit).
NETRA_EVIDENCE_ATTACHMENTS_PER_HOUR = envint("NETRA_EVIDENCE_ATTACHMENTS_PER_HOUR", 200)
# Argon2id for receipt codes. A code carries 66 bits of chance, far beyond guessing even with
# the database and the salt in hand, so the hash need not be password-strength; 8 MiB and one
# pass (about 4 ms) keep submissions fast. Raise both for more margin.
NETRA_RECEIPT_HASH_MEMORY_KIB = envint("NETRA_RECEIPT_HASH_MEMORY_KIB", 8 * 1024)
NETRA_RECEIPT_HASH_TIME_COST = envint("NETRA_RECEIPT_HASH_TIME_COST", 1)
NETRA_SUBMISSIONS_PER_HOUR = envint("NETRA_SUBMISSIONS_PER_HOUR", 20)
NETRA_RECEIPT_MAX_FAILURES = envint("NETRA_RECEIPT_MAX_FAILURES", 10)
# Name suggestions on the public form per address in 10 minutes: enough to type a few names,
# too few to page through a roster.
NETRA_SUGGESTIONS_PER_ADDRESS = envint("NETRA_SUGGESTIONS_PER_ADDRESS", 40)

# Retention of personal data (UU 27/2022): NETRA_RETENTION_<KIND>_DAYS for identity,
# evidence, cases, texts, sessions and requests; docs/privacy.md gives each default's basis.
try:
    NETRA_RETENTION = retention_periods.from_environment(os.environ)
except retention_periods.BadPeriod as error:
    raise SystemExit(f"netra: {error}.") from None
# Data-subject requests: hours to answer (UU 27/2022 Pasal 32 ayat 2: 3 x 24 hours), and
# requests per address and hour.
NETRA_PRIVACY_REQUEST_HOURS = envint("NETRA_PRIVACY_REQUEST_HOURS", 72)
NETRA_PRIVACY_REQUESTS_PER_HOUR = envint("NETRA_PRIVACY_REQUESTS_PER_HOUR", 10)

# The work lists (report queue, case list): up to this many rows a list's total is counted
# exactly; above it PostgreSQL's planner estimate is shown, marked as one (SQLite: always exact).
NETRA_EXACT_COUNT_LIMIT = envint("NETRA_EXACT_COUNT_LIMIT", 10_000)

# Register number of a case (nomor registrasi); fields: seq, level, region, month (roman), year.
NETRA_REGISTER_NUMBER_FORMAT = env(
    "NETRA_REGISTER_NUMBER_FORMAT", "{seq:03d}/Reg/LP/PB/{level}/{region}/{month}/{year}"
)

# Days the PPK has to impose a recommended sanction before the case shows as overdue
# (no verified legal period; a 2020 statement said 10 days).
NETRA_PPK_PERIOD_DAYS = envint("NETRA_PPK_PERIOD_DAYS", 10)
# Attendance files of one upload, together (video-meeting exports and sign-in sheets).
NETRA_ATTENDANCE_MAX_BYTES = envint("NETRA_ATTENDANCE_MAX_MB", 50) * 1024 * 1024
# E-pledges: codes per NIP per hour (three times as many per address), and their lifetime.
NETRA_PLEDGE_CODES_PER_HOUR = envint("NETRA_PLEDGE_CODES_PER_HOUR", 5)
NETRA_PLEDGE_CODE_MINUTES = envint("NETRA_PLEDGE_CODE_MINUTES", 15)
# How often each news feed is read (minutes).
NETRA_FEED_MINUTES = envint("NETRA_FEED_MINUTES", 30)
# How often the worker checks deadlines (reminders, PPK overdue).
NETRA_TICK_SECONDS = envint("NETRA_TICK_SECONDS", 300)
# The worker: how often it beats its heartbeat, how long a running task stays its own without
# a beat (then another worker takes it), how many claims a task gets, when /healthz calls a
# silent worker stale, and how often the periodic round wakes.
NETRA_WORKER_BEAT_SECONDS = envint("NETRA_WORKER_BEAT_SECONDS", 10)
NETRA_WORKER_LEASE_SECONDS = envint("NETRA_WORKER_LEASE_SECONDS", 60)
NETRA_TASK_MAX_ATTEMPTS = envint("NETRA_TASK_MAX_ATTEMPTS", 3)
NETRA_WORKER_STALE_SECONDS = envint("NETRA_WORKER_STALE_SECONDS", 120)
NETRA_ROUND_SECONDS = envint("NETRA_ROUND_SECONDS", 30)

TASKS = {
    "default": {
        "BACKEND": env("NETRA_TASK_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

if env("NETRA_EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = env("NETRA_EMAIL_HOST")
    EMAIL_PORT = envint("NETRA_EMAIL_PORT", 587)
    EMAIL_HOST_USER = env("NETRA_EMAIL_USER", "")
    EMAIL_HOST_PASSWORD = envsecret("NETRA_EMAIL_PASSWORD") or ""
    EMAIL_USE_TLS = envbool("NETRA_EMAIL_TLS", "True")
else:
    # An office without a mail server still sees what would have been sent.
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = DATA_DIR / "outbox"
DEFAULT_FROM_EMAIL = env("NETRA_EMAIL_FROM", "netra@localhost")
# Where users reach this installation: e-mails carry full links built on it
# (netra/common/links.py). Production requires an https:// address.
NETRA_BASE_URL = env("NETRA_BASE_URL", "http://127.0.0.1:8000").rstrip("/")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("NETRA_LOG_LEVEL", "WARNING")},
    # A request for a host name that is not ours (scanners do it all day) gets the 400 page;
    # its traceback in the log on every request would drown what matters.
    "loggers": {"django.security.DisallowedHost": {"handlers": [], "propagate": False}},
}
# The page a form whose CSRF check failed shows: in the user's language, with a way back.
CSRF_FAILURE_VIEW = "netra.web.views.csrf_failure"


# Production refuses insecure setups, each with one line (netra/deployment.py). Last, so that
# every value above is final.
if PRODUCTION:
    from netra.deployment import production_problems

    _problems = production_problems(
        secret_key=SECRET_KEY,
        secret_key_file=None if env("NETRA_SECRET_KEY") else env("NETRA_SECRET_KEY_FILE"),
        vault_key_file=env("NETRA_VAULT_KEY_FILE"),
        audit_key_file=globals().get("NETRA_AUDIT_KEY_FILE") or env("NETRA_AUDIT_KEY_FILE"),
        debug=DEBUG,
        allowed_hosts=ALLOWED_HOSTS,
        https=NETRA_HTTPS,
        behind_proxy=NETRA_BEHIND_PROXY,
        database_engine=DATABASES["default"]["ENGINE"],
        sqlite_single_office=envbool("NETRA_SQLITE_SINGLE_OFFICE"),
        csrf_trusted_origins=CSRF_TRUSTED_ORIGINS,
        data_dir=DATA_DIR,
        media_root=MEDIA_ROOT,
        base_url=NETRA_BASE_URL,
        base_url_set=bool(env("NETRA_BASE_URL")),
    )
    if _problems:
        raise SystemExit("\n".join(f"netra: {problem}" for problem in _problems))
