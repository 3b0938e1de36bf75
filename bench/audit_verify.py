"""`netra audit verify` throughput: entries per second over a chain of N entries, and how fast
`record()` appends one entry in its own transaction.

    python bench/audit_verify.py [--entries 2000000] [--records 2000] [--only sqlite|postgres]

The chain is written in bulk through `bulk_append`, which signs every entry with the audit key
as `record()` does (a faithful chain, so verification walks and checks it all), then verified
with `verify`, which also reads the head row and the newest checkpoint.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time

from common import fresh_postgres, netra_env

PG_DB = "netra_bench_audit"


def child(entries, records):
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "netra.settings")
    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.utils import timezone

    from netra.audit.log import bulk_append, record, verify, write_checkpoint
    from netra.audit.models import AuditEntry

    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    for first in range(0, entries, 20_000):
        bulk_append(
            [
                AuditEntry(
                    at=timezone.now(),
                    actor_label="bench",
                    action="bench.event",
                    target_type="cases.case",
                    target_id=str(i % 200_000),
                    region_code="35.09",
                    data={"i": i},
                )
                for i in range(first, min(entries, first + 20_000))
            ]
        )
    written = time.perf_counter() - start
    write_checkpoint()
    start = time.perf_counter()
    for i in range(records):
        with transaction.atomic():
            record(None, "bench.record", region="35.09", data={"i": i})
    appended = time.perf_counter() - start
    start, cpu = time.perf_counter(), time.process_time()
    result = verify()
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    assert result.broken is None, result.broken
    assert result.entries == entries + records
    rate = f"record() {records / appended:,.0f} entries/s; " if records else ""
    # CPU seconds too: on a shared machine the wall clock measures the neighbours as well.
    print(
        f"{connection.vendor:10s} {entries:,} entries written in {written:.0f} s; {rate}"
        f"verified {result.entries:,} in {seconds:.1f} s = {result.entries / seconds:,.0f} "
        f"entries/s ({cpu:.1f} s of CPU here = {result.entries / cpu:,.0f} entries/CPU-s)"
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=2_000_000)
    parser.add_argument("--records", type=int, default=2_000)
    parser.add_argument("--only", choices=["sqlite", "postgres"])
    parser.add_argument("--child", action="store_true")
    args = parser.parse_args()
    if args.child:
        return child(args.entries, args.records)
    for db in ["sqlite", "postgres"]:
        if args.only and args.only != db:
            continue
        with tempfile.TemporaryDirectory() as data_dir:
            env = netra_env(data_dir, fresh_postgres(PG_DB) if db == "postgres" else None)
            subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--child",
                    "--entries",
                    str(args.entries),
                    "--records",
                    str(args.records),
                ],
                env=env,
                check=True,
            )


if __name__ == "__main__":
    main()
