"""A correct production setup starts, passes `check --deploy`, sends HSTS, redirects plain HTTP
and serves the API docs from the package, never from a CDN."""

import os
import signal
import stat
import subprocess
import sys
import time
import urllib.error
import urllib.request

from .production_settings_helpers import HOST, free_port, netra, production_env, run


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(port, path, *, https=True):
    headers = {"Host": HOST}
    if https:
        headers["X-Forwarded-Proto"] = "https"  # what the TLS proxy adds
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers=headers)
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=5) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def wait_serving(port, process, seconds=40):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(process.communicate()[1])
        try:
            return fetch(port, "/api/v1/docs")
        except OSError:
            time.sleep(0.2)
    raise AssertionError("netra serve did not answer in time")


def test_it_serves_with_hsts_an_https_redirect_and_local_api_docs(tmp_path):
    env = production_env(tmp_path)
    port = free_port()
    process = subprocess.Popen(
        netra("serve", "--port", str(port), "--workers", "1"),
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        status, headers, page = wait_serving(port, process)
        assert status == 200
        assert (
            headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
        )
        assert "/static/ninja/swagger-ui-bundle.js" in page
        assert "cdn" not in page.lower() and "https://" not in page
        status, _headers, script = fetch(port, "/static/ninja/swagger-ui-bundle.js")
        assert status == 200 and len(script) > 100_000

        status, headers, _page = fetch(port, "/api/v1/docs", https=False)
        assert status == 301 and headers["Location"] == f"https://{HOST}/api/v1/docs"
        # A load balancer's probe speaks plain HTTP to the app and must not be redirected.
        status, _headers, _page = fetch(port, "/healthz", https=False)
        assert status != 301
        # The database that probe opened is the office's alone.
        database = tmp_path / "var" / "netra.sqlite3"
        assert database.exists() and stat.S_IMODE(database.stat().st_mode) == 0o600
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.communicate(timeout=20)


def test_djangos_deployment_check_is_clean(tmp_path):
    env = production_env(tmp_path)
    env["DJANGO_SETTINGS_MODULE"] = "netra.settings"
    code, out, err = run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"], env
    )
    assert code == 0, out + err
    assert "no issues (0 silenced)" in out
