"""Time from `netra up` on an empty data directory to the first healthy answer, and again for
a second start on the same directory.

    python bench/netra_up.py [--runs 3]
"""

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time

from common import free_port, netra_env, wait_healthy


def time_up(data_dir):
    port = free_port()
    env = netra_env(data_dir)
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "netra.cli", "up", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        wait_healthy(port, process)
        return time.perf_counter() - start
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
    print(
        f"empty data dir -> serving: median {statistics.median(first):.1f} s "
        f"(runs: {', '.join(f'{t:.1f}' for t in first)}); goal < 20 s"
    )
    print(
        f"second start          : median {statistics.median(second):.1f} s "
        f"(runs: {', '.join(f'{t:.1f}' for t in second)})"
    )


if __name__ == "__main__":
    main()
