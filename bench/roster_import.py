"""Roster import throughput: rows/s for a 1,000,000-row CSV on SQLite and PostgreSQL, and
PostgreSQL's own COPY of the same file for comparison.

    python bench/roster_import.py [--rows 1000000] [--only sqlite|postgres]

Each database runs in its own process with a fresh database (SQLite in a temporary data dir,
PostgreSQL as database `netra_bench` on 127.0.0.1:5432). The import is the real path used by
`netra roster import`: every row checked, then written in one transaction.
"""

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import fresh_postgres, netra_env

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"


def make_csv(rows):
    sys.path.insert(0, str(HERE))
    from synthetic import HEADER, roster_rows

    OUT.mkdir(exist_ok=True)
    path = OUT / f"roster-{rows}.csv"
    if not path.exists():
        with path.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            writer.writerow(HEADER)
            writer.writerows(roster_rows(rows))
    return path


def run_import(path):
    """In a child process: migrate, load regions, import PATH into Kabupaten Jember; time it."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "netra.settings")
    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    from netra.people import actions
    from netra.people.models import Employee
    from netra.regions.models import Region
    from netra.regions.reference import load_reference_data

    load_reference_data()
    region = Region.objects.get(code="35.09")
    phases = {}
    real_check = actions.check_file

    def timed_check(*args, **kwargs):
        start = time.perf_counter()
        result = real_check(*args, **kwargs)
        phases["check_s"] = time.perf_counter() - start
        return result

    actions.check_file = timed_check
    start = time.perf_counter()
    result = actions.import_roster_file(path, region=region, actor=None, limit_bytes=0)
    total = time.perf_counter() - start
    assert not result.rejected and result.imported == Employee.objects.count(), result.summary()
    start = time.perf_counter()
    again = actions.import_roster_file(path, region=region, actor=None, limit_bytes=0)
    reimport = time.perf_counter() - start
    assert again.created == 0 and again.updated == 0
    out = {
        "vendor": connection.vendor,
        "rows": result.imported,
        "seconds": round(total, 2),
        "rows_per_s": round(result.imported / total),
        "check_s": round(phases["check_s"], 2),
        "write_s": round(total - phases["check_s"], 2),
        "reimport_unchanged_s": round(reimport, 2),
    }
    if connection.vendor == "postgresql":
        out["copy"] = raw_copy(path)
    print("RESULT " + json.dumps(out))


def raw_copy(path):
    """PostgreSQL's own COPY of the same CSV into a plain text table."""
    from django.db import connection

    with connection.cursor() as cursor:
        raw = cursor.cursor
        raw.execute("DROP TABLE IF EXISTS bench_raw_copy")
        raw.execute(
            "CREATE UNLOGGED TABLE bench_raw_copy (nip text, nama text, jenis text, "
            "jabatan text, jenis_jabatan text, unit_kerja text, aktif text)"
        )
        start = time.perf_counter()
        with raw.copy("COPY bench_raw_copy FROM STDIN WITH (FORMAT csv, HEADER true)") as copy:
            with open(path, "rb") as fh:
                while chunk := fh.read(1 << 20):
                    copy.write(chunk)
        seconds = time.perf_counter() - start
        raw.execute("SELECT count(*) FROM bench_raw_copy")
        rows = raw.fetchone()[0]
        raw.execute("DROP TABLE bench_raw_copy")
    return {"rows": rows, "seconds": round(seconds, 2), "rows_per_s": round(rows / seconds)}


def child(db, path):
    with tempfile.TemporaryDirectory() as data_dir:
        env = netra_env(data_dir, fresh_postgres("netra_bench") if db == "postgres" else None)
        done = subprocess.run(
            [sys.executable, __file__, "--child", str(path)],
            env=env,
            capture_output=True,
            text=True,
        )
        if done.returncode:
            sys.exit(done.stderr)
        line = next(out for out in done.stdout.splitlines() if out.startswith("RESULT "))
        return json.loads(line[7:])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--only", choices=["sqlite", "postgres"])
    parser.add_argument("--child")
    args = parser.parse_args()
    if args.child:
        return run_import(Path(args.child))
    path = make_csv(args.rows)
    print(f"file: {path.name}, {path.stat().st_size / 2**20:.0f} MB, {args.rows:,} rows")
    for db in ["sqlite", "postgres"]:
        if args.only and db != args.only:
            continue
        r = child(db, path)
        # On PostgreSQL chunks are written while the file is still being checked, so "check"
        # includes overlapped writing and "rest" is the writing and commit after the last row.
        print(
            f"{db:9s} import: {r['rows_per_s']:>9,} rows/s  ({r['seconds']} s: check "
            f"{r['check_s']} s, rest {r['write_s']} s); unchanged re-import "
            f"{r['reimport_unchanged_s']} s"
        )
        if "copy" in r:
            c = r["copy"]
            print(
                f"{'':9s} raw COPY: {c['rows_per_s']:>7,} rows/s  ({c['seconds']} s); "
                f"import / COPY = {r['rows_per_s'] / c['rows_per_s']:.2f}"
            )


if __name__ == "__main__":
    main()
