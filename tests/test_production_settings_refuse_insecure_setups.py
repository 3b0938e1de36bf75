"""NETRA_ENV=production refuses each insecure setup with one line, from the real commands."""

import secrets
import sys

import pytest

from .production_settings_helpers import HOST, free_port, netra, production_env, run


def _no_secret_key(env, tmp_path):
    del env["NETRA_SECRET_KEY_FILE"]


def _short_secret_key(env, tmp_path):
    env["NETRA_SECRET_KEY"] = secrets.token_urlsafe(30)  # 40 characters


def _no_vault_key(env, tmp_path):
    del env["NETRA_VAULT_KEY_FILE"]


def _vault_key_readable_by_group(env, tmp_path):
    from pathlib import Path

    Path(env["NETRA_VAULT_KEY_FILE"]).chmod(0o640)


def _audit_key_readable_by_others(env, tmp_path):
    from pathlib import Path

    Path(env["NETRA_AUDIT_KEY_FILE"]).chmod(0o644)


def _debug_on(env, tmp_path):
    env["NETRA_DEBUG"] = "1"


def _any_host(env, tmp_path):
    env["NETRA_ALLOWED_HOSTS"] = f"{HOST},*"


def _plain_http(env, tmp_path):
    del env["NETRA_BEHIND_PROXY"]


def _https_switched_off(env, tmp_path):
    env["NETRA_HTTPS"] = "false"


def _sqlite_without_opt_in(env, tmp_path):
    del env["NETRA_SQLITE_SINGLE_OFFICE"]


def _sqlite_url_without_opt_in(env, tmp_path):
    del env["NETRA_SQLITE_SINGLE_OFFICE"]
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'var' / 'other.sqlite3'}"


def _http_csrf_origin(env, tmp_path):
    env["NETRA_CSRF_TRUSTED_ORIGINS"] = f"https://{HOST},http://{HOST}"


def _data_dir_writable_by_others(env, tmp_path):
    (tmp_path / "var").chmod(0o757)


def _no_base_url(env, tmp_path):
    del env["NETRA_BASE_URL"]


def _plain_http_base_url(env, tmp_path):
    env["NETRA_BASE_URL"] = f"http://{HOST}"


CASES = {
    "no secret key": (_no_secret_key, "NETRA_SECRET_KEY"),
    "a secret key under 50 characters": (_short_secret_key, "50 characters"),
    "no vault key": (_no_vault_key, "NETRA_VAULT_KEY_FILE"),
    "a vault key file readable by group": (_vault_key_readable_by_group, "chmod 600"),
    "an audit key file readable by others": (_audit_key_readable_by_others, "chmod 600"),
    "DEBUG on": (_debug_on, "NETRA_DEBUG"),
    "* in the allowed hosts": (_any_host, "NETRA_ALLOWED_HOSTS"),
    "plain HTTP with no TLS proxy declared": (_plain_http, "NETRA_BEHIND_PROXY"),
    "HTTPS switched off": (_https_switched_off, "NETRA_HTTPS"),
    "SQLite without the single-office opt-in": (
        _sqlite_without_opt_in,
        "NETRA_SQLITE_SINGLE_OFFICE",
    ),
    "a SQLite DATABASE_URL without the opt-in": (
        _sqlite_url_without_opt_in,
        "NETRA_SQLITE_SINGLE_OFFICE",
    ),
    "an http:// CSRF trusted origin": (_http_csrf_origin, "http://"),
    "a data directory writable by others": (_data_dir_writable_by_others, "chmod 700"),
    "no base address for e-mail links": (_no_base_url, "NETRA_BASE_URL"),
    "an http:// base address": (_plain_http_base_url, "NETRA_BASE_URL"),
}


def assert_refused_in_one_line(code, out, err, expected):
    assert code != 0, out + err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("netra: ") and expected in lines[0], err
    assert "Traceback" not in err + out


@pytest.mark.parametrize("case", CASES)
def test_it_refuses_to_serve(case, tmp_path):
    env = production_env(tmp_path)
    breaks, expected = CASES[case]
    breaks(env, tmp_path)
    code, out, err = run(netra("serve", "--port", str(free_port())), env)
    assert_refused_in_one_line(code, out, err, expected)


ENTRY_POINTS = {
    "netra up": netra("up", "--no-worker", "--port", "0"),
    "netra worker": netra("worker"),
    "django's own startup": [sys.executable, "-m", "django", "check"],
}


@pytest.mark.parametrize("entry", ENTRY_POINTS)
@pytest.mark.parametrize(
    "case", ["no secret key", "DEBUG on", "plain HTTP with no TLS proxy declared"]
)
def test_every_entry_point_refuses_too(entry, case, tmp_path):
    env = production_env(tmp_path)
    env["DJANGO_SETTINGS_MODULE"] = "netra.settings"
    breaks, expected = CASES[case]
    breaks(env, tmp_path)
    code, out, err = run(ENTRY_POINTS[entry], env)
    assert_refused_in_one_line(code, out, err, expected)


def test_it_names_every_problem_each_on_its_own_line(tmp_path):
    env = production_env(tmp_path)
    _debug_on(env, tmp_path)
    _any_host(env, tmp_path)
    code, out, err = run(netra("serve", "--port", str(free_port())), env)
    assert code != 0
    lines = err.splitlines()
    assert len(lines) == 2 and all(line.startswith("netra: ") for line in lines), err
