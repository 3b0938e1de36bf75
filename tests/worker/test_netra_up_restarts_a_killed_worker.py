"""`netra up` as an operator runs it: its worker killed with kill -9 comes back by itself, and
/healthz reports it "ok" again."""

import json
import os
import signal
import sqlite3
import time
import urllib.request

from ..test_netra_up import free_port, start, stop, wait_healthy


def health(port):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:
        return json.load(response)


def workers(data):
    with sqlite3.connect(data / "netra.sqlite3", timeout=10) as db:
        return db.execute(
            "SELECT worker_id, pid FROM worker_heartbeat ORDER BY beat_at DESC"
        ).fetchall()


def wait_for(condition, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError("timed out")


def test_a_worker_killed_with_sigkill_is_restarted_and_reported_ok(tmp_path):
    data = tmp_path / "var"
    port = free_port()
    process = start(data, port)
    try:
        wait_healthy(port, process)
        first = wait_for(lambda: workers(data))[0]
        os.kill(first[1], signal.SIGKILL)
        second = wait_for(lambda: [w for w in workers(data) if w[0] != first[0]])[0]
        assert second[1] != first[1]
        assert wait_for(lambda: health(port)["worker"] == "ok")
    finally:
        output = stop(process)
    assert "worker stopped (killed by SIGKILL)" in output
