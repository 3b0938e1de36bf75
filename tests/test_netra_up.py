"""`netra up` as an operator runs it: a real process, a real port, twice."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def embedded_env(data_dir):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "NETRA_"))}
    env["NETRA_DATA_DIR"] = str(data_dir)
    return env


def start(data_dir, port):
    return subprocess.Popen(
        [sys.executable, "-m", "netra.cli", "up", "--port", str(port)],
        env=embedded_env(data_dir),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )


def wait_healthy(port, process, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(process.stdout.read())
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as r:
                return json.load(r)
        except OSError:
            time.sleep(0.3)
    raise AssertionError("netra up did not serve in time")


def stop(process):
    os.killpg(process.pid, signal.SIGTERM)
    try:
        output, _ = process.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        output, _ = process.communicate()
    return output


def test_it_serves_with_reference_data_and_prints_the_admin_password_only_once(tmp_path):
    data = tmp_path / "var"
    port = free_port()
    first = start(data, port)
    try:
        health = wait_healthy(port, first)
        assert (health["status"], health["database"]) == ("ok", "ok")
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/regions?level=province") as r:
            assert len(json.load(r)) == 38
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/") as r:
            assert "ASN melayani semua" in r.read().decode()
    finally:
        output = stop(first)
    assert "38 provinsi, 514 kabupaten/kota" in output
    assert "password:" in output
    key = (data / "secret_key").read_text()

    second = start(data, port)
    try:
        wait_healthy(port, second)
    finally:
        output = stop(second)
    assert "password:" not in output
    assert (data / "secret_key").read_text() == key


@pytest.mark.parametrize("bad_dir", ["/proc/netra-cannot-exist", "/dev/null/var"])
def test_an_unusable_data_directory_is_one_clear_line(bad_dir):
    result = subprocess.run(
        [sys.executable, "-m", "netra.cli", "up"],
        env=embedded_env(bad_dir),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0
    assert "NETRA_DATA_DIR" in result.stderr


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = embedded_env(tmp_path) | {"NETRA_ENV": "production"}
    result = subprocess.run(
        [sys.executable, "-m", "netra.cli", "up"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "NETRA_SECRET_KEY" in result.stderr and "Traceback" not in result.stderr
