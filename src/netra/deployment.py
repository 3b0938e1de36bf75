"""The setups production refuses to start with (NETRA_ENV=production).

settings.py calls `production_problems` with its own values while it loads, so that every
entry point (`netra up`, `serve`, `worker`, gunicorn on netra.wsgi, `django-admin`) refuses the
same setups, each with one line the operator can act on. Plain Python, no Django import.
"""

import os
import stat
from pathlib import Path

MIN_SECRET_KEY_LENGTH = 50
KEY_HINT = 'python -c "import secrets; print(secrets.token_urlsafe(50))"'


def _mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


def private_file_problem(variable, path):
    """A key file anyone but the service account can read (or change) is no secret."""
    try:
        mode = _mode(path)
    except OSError as error:
        return f"{variable} {path} cannot be read ({error.strerror})."
    if mode & 0o077:
        return f"{variable} {path} is open to group or others (mode {mode:04o}); chmod 600 {path}."
    return None


def _open_directory_problem(variable, path):
    try:
        mode = _mode(path)
    except OSError:
        return None  # not there yet: netra creates it 0700
    if mode & 0o002:
        return f"{variable} {path} is writable by others (mode {mode:04o}); chmod 700 {path}."
    return None


def _secret_key_problem(key):
    if not key:
        return "NETRA_SECRET_KEY or NETRA_SECRET_KEY_FILE must be set when NETRA_ENV=production."
    if len(key) < MIN_SECRET_KEY_LENGTH:
        return (
            f"the secret key has {len(key)} characters; production needs at least "
            f"{MIN_SECRET_KEY_LENGTH} characters, at random ({KEY_HINT})."
        )
    # Django's own deployment check also wants variety and no generated "insecure" key.
    if len(set(key)) < 5 or key.startswith("django-insecure-"):
        return f"the secret key is not random; make a new one ({KEY_HINT})."
    return None


def production_problems(
    *,
    secret_key,
    secret_key_file,
    vault_key_file,
    audit_key_file,
    debug,
    allowed_hosts,
    https,
    behind_proxy,
    database_engine,
    sqlite_single_office,
    csrf_trusted_origins,
    data_dir,
    media_root,
    base_url,
    base_url_set,
):
    """One line per insecure setting; empty when production may start.

    SECRET_KEY_FILE, VAULT_KEY_FILE and AUDIT_KEY_FILE are the paths the environment named
    (None when it named none); the audit key file is checked once it exists, since the audit
    log creates it.
    """
    problems = [_secret_key_problem(secret_key)]
    if secret_key_file:
        problems.append(private_file_problem("NETRA_SECRET_KEY_FILE", secret_key_file))
    if not vault_key_file:
        problems.append("NETRA_VAULT_KEY_FILE must be set when NETRA_ENV=production.")
    else:
        problems.append(private_file_problem("NETRA_VAULT_KEY_FILE", vault_key_file))
    if audit_key_file and Path(audit_key_file).exists():
        problems.append(private_file_problem("NETRA_AUDIT_KEY_FILE", audit_key_file))
    if debug:
        problems.append(
            "NETRA_DEBUG is on; its error pages show settings and data: turn it off in production."
        )
    if "*" in allowed_hosts:
        problems.append("NETRA_ALLOWED_HOSTS contains *; name the hosts that serve Netra.")
    if not https:
        problems.append("NETRA_HTTPS is off; production serves HTTPS only.")
    elif not behind_proxy:
        problems.append(
            "netra serves plain HTTP; put a TLS-terminating proxy in front and set "
            "NETRA_BEHIND_PROXY=1 (it must send X-Forwarded-Proto and "
            "X-Forwarded-For)."
        )
    if database_engine == "django.db.backends.sqlite3" and not sqlite_single_office:
        problems.append(
            "production on SQLite serves one office from one machine; set "
            "DATABASE_URL to PostgreSQL, or NETRA_SQLITE_SINGLE_OFFICE=1 to accept "
            "that."
        )
    plain = [origin for origin in csrf_trusted_origins if not origin.startswith("https://")]
    if plain:
        problems.append(
            f"NETRA_CSRF_TRUSTED_ORIGINS has {', '.join(plain)}; production "
            "trusts https:// origins only."
        )
    if not base_url_set:
        problems.append(
            "NETRA_BASE_URL must be set when NETRA_ENV=production: e-mails link to it "
            "(e.g. https://netra.bawaslu.go.id)."
        )
    elif not base_url.startswith("https://"):
        problems.append(f"NETRA_BASE_URL is {base_url}; production links to https:// only.")
    problems.append(_open_directory_problem("NETRA_DATA_DIR", data_dir))
    if Path(media_root) != Path(data_dir) / "media":
        problems.append(_open_directory_problem("NETRA_MEDIA_ROOT", media_root))
    return [problem for problem in problems if problem]
