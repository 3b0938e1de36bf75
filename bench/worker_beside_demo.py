"""`netra demo` beside a running `netra up` on the embedded SQLite database: is the worker
still alive, and does /healthz report it "ok", after each try? Also counts how often the
supervisor had to restart it (each restart is logged by `netra up`).

    python bench/worker_beside_demo.py [--tries 5] [--employees 10000]
"""

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

from common import free_port, netra_env, wait_healthy


def health(port):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as response:
        return json.load(response)


def one_try(employees):
    with tempfile.TemporaryDirectory() as tmp:
        data = os.path.join(tmp, "var")
        port = free_port()
        env = netra_env(data)
        log = open(os.path.join(tmp, "up.log"), "w+")
        up = subprocess.Popen(
            [sys.executable, "-m", "netra.cli", "up", "--port", str(port)],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            wait_healthy(port, up)
            started = time.perf_counter()
            demo = subprocess.run(
                [sys.executable, "-m", "netra.cli", "demo", "--employees", str(employees)],
                env=env,
                capture_output=True,
                text=True,
            )
            demo_seconds = time.perf_counter() - started
            # The worker beats every 10 s; give it two beats to show it is alive.
            deadline = time.monotonic() + 25
            status = health(port)["worker"]
            while status != "ok" and time.monotonic() < deadline:
                time.sleep(1)
                status = health(port)["worker"]
        finally:
            os.killpg(up.pid, signal.SIGTERM)
            up.wait(timeout=30)
        log.seek(0)
        restarts = log.read().count("worker stopped")
        return {
            "demo_ok": demo.returncode == 0,
            "demo_s": demo_seconds,
            "worker": status,
            "restarts": restarts,
        }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tries", type=int, default=5)
    parser.add_argument("--employees", type=int, default=10_000)
    args = parser.parse_args()
    results = []
    for number in range(1, args.tries + 1):
        result = one_try(args.employees)
        results.append(result)
        print(
            f"try {number}: demo {'ok' if result['demo_ok'] else 'FAILED'} in "
            f"{result['demo_s']:.0f} s, worker {result['worker']}, "
            f"restarts {result['restarts']}",
            flush=True,
        )
    ok = sum(r["worker"] == "ok" and r["demo_ok"] for r in results)
    died = sum(r["restarts"] > 0 for r in results)
    print(
        f"worker alive and reported ok after netra demo beside netra up: {ok} of {args.tries}"
        f"; tries where the worker had to be restarted: {died}"
    )


if __name__ == "__main__":
    main()
