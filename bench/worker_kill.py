"""Kill -9 the worker while it runs roster imports, again and again, and count the tasks left
stuck once the supervisor has restarted it and the leases have passed.

    python bench/worker_kill.py [--jobs 6] [--rows 30000] [--kills 5]

SQLite in a temporary data directory; the lease is shortened to 4 s (NETRA_WORKER_LEASE_SECONDS)
so that the run takes a minute or two instead of the production minute per kill.
"""

import argparse
import csv
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import netra_env

HERE = Path(__file__).resolve().parent

SETUP = """
import sys
sys.path.insert(0, {bench!r})
import django, os
django.setup()
from django.core.files import File
from django.core.management import call_command
call_command("migrate", verbosity=0)
from netra.regions.reference import load_reference_data
load_reference_data()
from netra.regions.models import Region
from netra.people.actions import queue_roster_import
region = Region.objects.get(code="35.09")
for path in {paths!r}:
    with open(path, "rb") as fh:
        queue_roster_import(None, region, File(fh, name=os.path.basename(path)), True)
"""


def make_files(folder, jobs, rows):
    sys.path.insert(0, str(HERE))
    from synthetic import HEADER, roster_rows

    paths = []
    for number in range(jobs):
        path = Path(folder) / f"roster-{number}.csv"
        with path.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            writer.writerow(HEADER)
            writer.writerows(roster_rows(rows, seed=number))
        paths.append(str(path))
    return paths


def tasks(db):
    with sqlite3.connect(db, timeout=30) as connection:
        return connection.execute(
            "SELECT t.status, t.worker_ids, h.pid FROM django_tasks_database_dbtaskresult t "
            "LEFT JOIN worker_heartbeat h ON h.worker_id = json_extract(t.worker_ids, '$[#-1]')"
        ).fetchall()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--jobs", type=int, default=6)
    parser.add_argument("--rows", type=int, default=30_000)
    parser.add_argument("--kills", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "var"
        env = netra_env(
            data,
            NETRA_WORKER_LEASE_SECONDS="4",
            NETRA_WORKER_BEAT_SECONDS="1",
            DJANGO_SETTINGS_MODULE="netra.settings",
        )
        paths = make_files(tmp, args.jobs, args.rows)
        subprocess.run(
            [sys.executable, "-m", "netra.cli", "manage", "check"],
            env=env,
            check=True,
            capture_output=True,
        )
        subprocess.run(
            [sys.executable, "-c", SETUP.format(bench=str(HERE), paths=paths)], env=env, check=True
        )
        db = data / "netra.sqlite3"
        log = open(Path(tmp) / "worker.log", "w+")
        worker = subprocess.Popen(
            [sys.executable, "-m", "netra.cli", "worker"],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        kills = 0
        started = time.monotonic()
        try:
            while kills < args.kills and time.monotonic() - started < 300:
                running = [pid for status, _, pid in tasks(db) if status == "RUNNING" and pid]
                if running:
                    time.sleep(0.5)  # mid-import
                    try:
                        os.kill(running[0], signal.SIGKILL)
                        kills += 1
                    except ProcessLookupError:
                        pass
                time.sleep(1.5)
            deadline = time.monotonic() + 300
            while time.monotonic() < deadline:
                open_tasks = [row for row in tasks(db) if row[0] in ("READY", "RUNNING")]
                if not open_tasks:
                    break
                time.sleep(1)
            seconds = time.monotonic() - started
        finally:
            os.killpg(worker.pid, signal.SIGTERM)
            worker.wait(timeout=60)
        rows = tasks(db)
        with sqlite3.connect(db) as connection:
            imports = dict(
                connection.execute(
                    "SELECT status, count(*) FROM people_rosterimport GROUP BY status"
                ).fetchall()
            )
        log.seek(0)
        restarts = log.read().count("worker stopped")
    stuck = sum(1 for row in rows if row[0] in ("READY", "RUNNING"))
    done = sum(1 for row in rows if row[0] == "SUCCESSFUL")
    failed = sum(1 for row in rows if row[0] == "FAILED")
    print(
        f"{args.jobs} roster imports of {args.rows:,} rows; {kills} kill -9 of the worker "
        f"mid-import; {restarts} restarts by the supervisor; {seconds:.0f} s in all"
    )
    print(f"tasks done {done}, failed {failed}, stuck after kill -9 and restart: {stuck}")
    print(f"roster import jobs by status: {imports}")


if __name__ == "__main__":
    main()
