"""The reverse-proxy tests (issue 19): `netra serve` as an operator runs it, alone and behind
nginx running the shipped deploy/nginx/netra.conf.

They run only when asked for (`pytest -m proxy`, see tests/conftest.py). Without nginx they
skip, and under NETRA_REQUIRE_NGINX (CI) the skip is a failure, so a missing nginx can never
pass silently.
"""

import os
import secrets
import sys
import time

import pytest

from .servers import (
    APP_PORT,
    HTTP_PORT,
    HTTPS_PORT,
    NGINX,
    answered,
    assert_free,
    netra,
    netra_env,
    poll_health,
    render_shipped_config,
    self_signed_certificate,
    start,
    start_nginx,
    stop,
    wait_for_port,
)


def _ours(item):
    return "tests/proxy/" in str(item.fspath)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if _ours(item) and report.skipped and os.environ.get("NETRA_REQUIRE_NGINX"):
        report.outcome = "failed"
        report.longrepr = f"skipped under NETRA_REQUIRE_NGINX: {report.longrepr}"


class App:
    """A running `netra serve` set up for production behind a proxy, as README.md says (on
    SQLite, for one office), with its own data directory, keys and access log: so the tests
    also show that Netra takes HTTPS from the proxy's X-Forwarded-Proto."""

    def __init__(self, directory):
        from netra.audit.chain import create_key_file as create_audit_key
        from netra.reports.vault import create_key_file as create_vault_key

        self.directory = directory
        self.data_dir = directory / "data"
        self.static_parent = directory / "www"
        self.access_log = directory / "access.log"
        keys = directory / "keys"
        keys.mkdir(mode=0o700)
        secret_key = keys / "secret_key"
        secret_key.write_text(secrets.token_urlsafe(50))
        secret_key.chmod(0o600)
        self.env = netra_env(
            self.data_dir,
            NETRA_ENV="production",
            NETRA_BEHIND_PROXY="1",
            NETRA_SQLITE_SINGLE_OFFICE="1",
            NETRA_SECRET_KEY_FILE=str(secret_key),
            NETRA_VAULT_KEY_FILE=str(create_vault_key(keys / "vault.key")),
            NETRA_AUDIT_KEY_FILE=str(create_audit_key(keys / "audit.key")),
            NETRA_BASE_URL=f"https://127.0.0.1:{HTTPS_PORT}",
            NETRA_ACCESS_LOG=str(self.access_log),
            NETRA_STATIC_ROOT=str(self.static_parent / "static"),
        )
        self.process = None

    def manage(self, *args, timeout=300):
        return netra(self.env, "manage", *args, timeout=timeout)

    def shell(self, code, timeout=120):
        """Run CODE in the installation's Django shell; what it prints."""
        return self.manage("shell", "--no-imports", "-c", code, timeout=timeout).strip()

    def requests_logged(self):
        return self.access_log.read_text().splitlines() if self.access_log.exists() else []

    def logged_since(self, count, until, seconds=10):
        """The access log's lines after the first COUNT, once UNTIL(lines) holds: gunicorn
        writes a line after sending the answer, so a client may read it first."""
        deadline = time.monotonic() + seconds
        while True:
            lines = self.requests_logged()[count:]
            if until(lines) or time.monotonic() > deadline:
                return lines
            time.sleep(0.1)


@pytest.fixture(scope="session")
def netra_app(tmp_path_factory):
    assert_free(APP_PORT)
    app = App(tmp_path_factory.mktemp("proxy-netra"))
    app.manage("migrate", "--verbosity", "0")
    app.manage("load_reference_data")
    app.manage("collectstatic", "--noinput", "--verbosity", "0")
    log = open(app.directory / "serve.log", "wb")  # noqa: SIM115 - open as long as it serves
    # The defaults an office runs with: 2 processes of 4 threads.
    app.process = start(
        [sys.executable, "-m", "netra.cli", "serve", "--port", str(APP_PORT)],
        env=app.env,
        log=log,
    )
    try:
        wait_for_port(APP_PORT, app.process)
        # The port opens before the processes have loaded Django.
        for _ in range(60):
            if answered(poll_health(APP_PORT, 1)):
                break
        else:
            raise AssertionError((app.directory / "serve.log").read_text())
        yield app
    finally:
        stop(app.process)
        log.close()


@pytest.fixture(scope="session")
def nginx(request, tmp_path_factory):
    """nginx on HTTP_PORT and HTTPS_PORT in front of netra_app, in the foreground, with its
    prefix, pid, logs and temporary files in a directory of its own."""
    if not NGINX.exists():
        pytest.skip(f"nginx not found at {NGINX}: apt-get install nginx-light")
    # Only now: without nginx there is no need to wait for the app.
    netra_app = request.getfixturevalue("netra_app")
    assert_free(HTTP_PORT, HTTPS_PORT)
    prefix = tmp_path_factory.mktemp("proxy-nginx")
    cert, key = self_signed_certificate(prefix)
    site = render_shipped_config(
        app_port=APP_PORT,
        http_port=HTTP_PORT,
        https_port=HTTPS_PORT,
        cert=cert,
        key=key,
        static_parent=netra_app.static_parent,
    )
    process = start_nginx(prefix, site)
    try:
        wait_for_port(HTTPS_PORT, process)
        wait_for_port(HTTP_PORT, process)
        process.prefix = prefix
        yield process
    finally:
        stop(process)
