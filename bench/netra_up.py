"""Time from `netra up` on an empty data directory to the first healthy answer, and again for
a second start on the same directory.

    python bench/netra_up.py [--runs 3]
"""

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def time_up(data_dir):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["NETRA_DATA_DIR"] = data_dir
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "netra.cli", "up", "--port", str(port)],
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    try:
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1):
                    return time.perf_counter() - start
            except OSError:
                if process.poll() is not None or time.perf_counter() - start > 120:
                    raise SystemExit("netra up did not come up")
                time.sleep(0.05)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    first, second = [], []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as data_dir:
            first.append(time_up(data_dir))
            second.append(time_up(data_dir))
    print(f"empty data dir -> serving: median {statistics.median(first):.1f} s "
          f"(runs: {', '.join(f'{t:.1f}' for t in first)}); goal < 20 s")
    print(f"second start          : median {statistics.median(second):.1f} s "
          f"(runs: {', '.join(f'{t:.1f}' for t in second)})")


if __name__ == "__main__":
    main()
