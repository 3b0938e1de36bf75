"""The live server schemathesis fuzzes: a real `netra serve` on a port of its own (8710-8719),
on a data directory of its own with the small demo in it, and a signed-in session per persona.

Only with `pytest -m schema` (tests/conftest.py leaves the marker out otherwise). Under
NETRA_REQUIRE_SCHEMA (CI) a skip is a failure, so a missing schemathesis or a server that does
not start can never pass silently.
"""

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

try:
    import schemathesis  # noqa: F401  the `fuzz` extra
except ImportError:
    if os.environ.get("NETRA_REQUIRE_SCHEMA"):
        raise
    # Without the extra the suite does not even collect the fuzzer (plain `pytest` stays
    # runnable after `pip install -e '.[test]'`); `pytest -m schema` then runs no test at all.
    collect_ignore_glob = ["test_*.py"]

ROOT = Path(__file__).resolve().parents[2]
PORTS = range(8710, 8720)
#: Any 32 letters: Django takes the CSRF secret itself in the header as well as a masked one.
CSRF_TOKEN = "f" * 32


def _ours(item):
    return "tests/schema/" in str(item.fspath)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if _ours(item) and report.skipped and os.environ.get("NETRA_REQUIRE_SCHEMA"):
        report.outcome = "failed"
        report.longrepr = f"skipped under NETRA_REQUIRE_SCHEMA: {report.longrepr}"


def _free_port():
    for port in PORTS:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    pytest.skip("no free port in 8710-8719 for the fuzzed server")


def _wait_until_up(url, server, seconds=60):
    import requests

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"netra serve stopped at once (exit {server.returncode})")
        try:
            if requests.get(url, timeout=10).status_code == 200:
                return
        except requests.RequestException:  # not listening yet, or still loading
            pass
        time.sleep(0.2)
    pytest.fail(f"netra serve did not answer {url} within {seconds} s")


@pytest.fixture(scope="session")
def live_netra(tmp_path_factory):
    """(base URL, {persona: session key}, access log): the server runs for the whole session."""
    data = tmp_path_factory.mktemp("schema-data")
    access_log = data / "access.log"
    env = {
        **os.environ,
        "NETRA_DATA_DIR": str(data),
        "NETRA_ACCESS_LOG": str(access_log),
        "DJANGO_SETTINGS_MODULE": "netra.settings",
        "NETRA_ENV": "development",
    }
    # Its own SQLite database in its own data directory, whatever the suite runs on.
    for name in ("DATABASE_URL", "NETRA_VAULT_KEY_FILE", "NETRA_AUDIT_KEY_FILE"):
        env.pop(name, None)
    seeded = subprocess.run(
        [sys.executable, "-m", "tests.schema.seed"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if seeded.returncode:
        pytest.fail(f"seeding the fuzzed server's data failed:\n{seeded.stderr[-3000:]}")
    sessions = json.loads(seeded.stdout.strip().splitlines()[-1])
    port = _free_port()
    log = (data / "server.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "netra.cli", "serve", "--port", str(port), "--workers", "1"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(f"{base}/api/v1/openapi.json", server)
        yield base, sessions, access_log
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()
