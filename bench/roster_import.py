"""Roster import throughput for a 1,000,000-row CSV, with PostgreSQL's raw COPY of the same file
measured in the same run (the machine is shared, so only same-run ratios compare).

    python bench/roster_import.py [--rows 1000000] [--only sqlite|postgres] [--before]

PostgreSQL, one fresh database `netra_bench`, in this order:
  raw COPY of the file into a table with a primary key (before and after the imports);
  the first load into an empty roster; the unchanged re-import; a re-import with 1% of rows
  changed; a file with 1% invalid rows (refused, error report written); with --before, the
  previous pipelined import (check_file + RosterWriter, still the demo's writer) on the same
  data: first load and unchanged re-import.
SQLite, in a temporary data dir: the first load and the unchanged re-import.
Every figure is printed with the load average at the time (os.getloadavg, 1 minute).
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


def variant(path, kind):
    """The same file with every 100th row changed (a new position) or made invalid (birth
    month 13 in its NIP)."""
    out = path.with_name(f"{path.stem}-{kind}.csv")
    if out.exists():
        return out
    with path.open(newline="", encoding="utf-8") as src, out.open("w", newline="") as dst:
        reader, writer = csv.reader(src), csv.writer(dst)
        writer.writerow(next(reader))
        for i, row in enumerate(reader):
            if i % 100 == 50:
                if kind == "changed":
                    row[3] = row[3] + " Pertama"
                else:
                    row[0] = row[0][:4] + "13" + row[0][6:]
            writer.writerow(row)
    return out


def load():
    return round(os.getloadavg()[0], 2)


def timed(fn, *args, **kwargs):
    start, before = time.perf_counter(), load()
    result = fn(*args, **kwargs)
    return result, round(time.perf_counter() - start, 2), max(before, load())


def run_child(path):
    """In a child process: migrate, load regions, then every measurement; print RESULT."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "netra.settings")
    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    from netra.people import actions, staged
    from netra.people.models import Employee
    from netra.regions.models import Region
    from netra.regions.reference import load_reference_data

    load_reference_data()
    region = Region.objects.get(code="35.09")
    postgres = connection.vendor == "postgresql"
    timings = {}
    if postgres:
        real = staged.import_file

        def keep_timings(*args, **kwargs):
            outcome = real(*args, **kwargs)
            timings["last"] = {k: round(v, 2) for k, v in outcome.get("timings", {}).items()}
            return outcome

        actions.staged.import_file = keep_timings

    def one(label, file, **kwargs):
        result, seconds, busy = timed(
            actions.import_roster_file, file, region=region, actor=None, limit_bytes=0, **kwargs
        )
        figure = {
            "seconds": seconds,
            "load": busy,
            "rows": result.total_rows,
            "rows_per_s": round(result.total_rows / seconds),
            "created": result.created,
            "updated": result.updated,
            "invalid": result.invalid,
            "rejected": result.rejected,
            "phases": timings.pop("last", {}),
        }
        out[label] = figure
        print(label, json.dumps(figure), file=sys.stderr, flush=True)
        return result

    out = {"vendor": connection.vendor}
    if postgres:
        out["copy_before"] = raw_copy(path)
    first = one("first_load", path)
    assert not first.rejected and first.created == Employee.objects.count(), first.summary()
    again = one("unchanged", path)
    assert again.created == 0 and again.updated == 0
    if postgres:
        changed = one("changed_1pct", variant(path, "changed"))
        assert changed.updated == first.created // 100, changed.summary()
        start = time.perf_counter()
        refused = one("invalid_1pct", variant(path, "invalid"))
        report = OUT / "roster-invalid-errors.csv"
        refused.write_error_report(report)
        out["invalid_1pct"]["with_report_s"] = round(time.perf_counter() - start, 2)
        out["invalid_1pct"]["listed"] = len(refused.errors)
        assert refused.rejected and refused.invalid == first.created // 100
        out["copy_after"] = raw_copy(path)
        if os.environ.get("BENCH_BEFORE"):
            with connection.cursor() as cursor:
                cursor.execute("TRUNCATE people_employee, people_namecode, people_agency CASCADE")
            for key in ("before_first_load", "before_unchanged"):
                _result, seconds, busy = timed(previous_import, path, region)
                rate = round(first.total_rows / seconds)
                out[key] = {"seconds": seconds, "load": busy, "rows_per_s": rate}
    print("RESULT " + json.dumps(out))


def previous_import(path, region):
    """The PostgreSQL import before the set-based one (commit d456106's actions.py, without the
    actor's reach): every row checked in Python, chunks written by RosterWriter's helper thread
    while the next are checked."""
    from django.db import transaction

    from netra.people.actions import district_maps
    from netra.people.importer import check_file
    from netra.people.writer import RosterWriter

    lookup, district_ids = district_maps(region)
    with transaction.atomic():
        with RosterWriter(region, district_ids) as writer:
            check_file(
                path,
                district_codes=lookup,
                on_chunk=lambda rows, agencies, _errors: writer.add(rows, agencies),
            )
            return writer.finish()


def raw_copy(path):
    """PostgreSQL's own COPY of the same CSV into a table with a primary key."""
    from django.db import connection

    with connection.cursor() as cursor:
        raw = cursor.cursor
        raw.execute("DROP TABLE IF EXISTS bench_raw_copy")
        raw.execute(
            "CREATE TABLE bench_raw_copy (nip text PRIMARY KEY, nama text, jenis text, "
            "jabatan text, jenis_jabatan text, unit_kerja text, aktif text)"
        )
        start, before = time.perf_counter(), load()
        with raw.copy("COPY bench_raw_copy FROM STDIN WITH (FORMAT csv, HEADER true)") as copy:
            with open(path, "rb") as fh:
                while chunk := fh.read(1 << 20):
                    copy.write(chunk)
        seconds = time.perf_counter() - start
        raw.execute("SELECT count(*) FROM bench_raw_copy")
        rows = raw.fetchone()[0]
        raw.execute("DROP TABLE bench_raw_copy")
    return {
        "rows": rows,
        "seconds": round(seconds, 2),
        "rows_per_s": round(rows / seconds),
        "load": max(before, load()),
    }


def child(db, path, before):
    with tempfile.TemporaryDirectory() as data_dir:
        env = netra_env(data_dir, fresh_postgres("netra_bench") if db == "postgres" else None)
        if before:
            env["BENCH_BEFORE"] = "1"
        done = subprocess.run(
            [sys.executable, __file__, "--child", str(path)],
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        if done.returncode:
            sys.exit(f"the {db} run failed")
        line = next(out for out in done.stdout.splitlines() if out.startswith("RESULT "))
        return json.loads(line[7:])


def report(db, r):
    def line(label, f, extra=""):
        print(
            f"{db:9s} {label:28s} {f['seconds']:7.2f} s  {f.get('rows_per_s', 0):>9,} rows/s  "
            f"load {f['load']:5.2f}{extra}"
        )

    copy = None
    if "copy_before" in r:
        copy = (r["copy_before"]["seconds"] + r["copy_after"]["seconds"]) / 2
        line("raw COPY (primary key), before", r["copy_before"])
        line("raw COPY (primary key), after", r["copy_after"])

    def ratio(f):
        return f"  = {copy / f['seconds']:.2f}x COPY" if copy else ""

    line("first load", r["first_load"], ratio(r["first_load"]))
    line("unchanged re-import", r["unchanged"], ratio(r["unchanged"]))
    if "changed_1pct" in r:
        line("re-import, 1% changed", r["changed_1pct"], ratio(r["changed_1pct"]))
        f = r["invalid_1pct"]
        line(
            "1% invalid, refused",
            f,
            f"  ({f['invalid']:,} errors, {f['listed']:,} listed; with the report "
            f"{f['with_report_s']} s)",
        )
    for key in ("before_first_load", "before_unchanged"):
        if key in r:
            now = r[key.replace("before_", "")]
            line(
                f"previous import: {key[7:]}",
                r[key],
                f"  (now {r[key]['seconds'] / now['seconds']:.1f}x faster)",
            )
    for key in ("first_load", "unchanged", "changed_1pct", "invalid_1pct"):
        if r.get(key, {}).get("phases"):
            print(f"{'':9s} phases of {key}: {r[key]['phases']}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--only", choices=["sqlite", "postgres"])
    parser.add_argument("--before", action="store_true", help="also time the previous import")
    parser.add_argument("--child")
    args = parser.parse_args()
    if args.child:
        return run_child(Path(args.child))
    path = make_csv(args.rows)
    variant(path, "changed")
    variant(path, "invalid")
    print(f"file: {path.name}, {path.stat().st_size / 2**20:.0f} MB, {args.rows:,} rows")
    for db in ["postgres", "sqlite"]:
        if args.only and db != args.only:
            continue
        report(db, child(db, path, args.before))


if __name__ == "__main__":
    main()
