"""`netra audit verify` throughput: entries per second over a chain of N entries.

    python bench/audit_verify.py [--entries 2000000] [--only sqlite|postgres]

The chain is written in bulk with the same digest function the application uses (a faithful
chain, so verification walks it all), then verified with `verify_chain`.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time

from common import fresh_postgres, netra_env

PG_DB = "netra_bench_audit"


def child(entries):
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "netra.settings")
    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from netra.audit.log import GENESIS, _digest, verify_chain
    from netra.audit.models import AuditEntry, AuditHead

    call_command("migrate", verbosity=0)
    prev, batch, start = GENESIS, [], time.perf_counter()
    for i in range(entries):
        at = timezone.now()
        data = {"i": i}
        digest = _digest(prev, at, "bench", "bench.event", "cases.case", str(i % 200_000),
                         "35.09", data)
        batch.append(AuditEntry(at=at, actor_label="bench", action="bench.event",
                                target_type="cases.case", target_id=str(i % 200_000),
                                region_code="35.09", data=data, prev_hash=prev, hash=digest))
        prev = digest
        if len(batch) == 20_000:
            AuditEntry.objects.bulk_create(batch)
            batch = []
    AuditEntry.objects.bulk_create(batch)
    AuditHead.objects.update_or_create(pk=1, defaults={"last_hash": prev})
    written = time.perf_counter() - start
    start = time.perf_counter()
    broken = verify_chain()
    seconds = time.perf_counter() - start
    assert broken is None
    print(f"{connection.vendor:10s} {entries:,} entries written in {written:.0f} s; verified in "
          f"{seconds:.1f} s = {entries / seconds:,.0f} entries/s")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=2_000_000)
    parser.add_argument("--only", choices=["sqlite", "postgres"])
    parser.add_argument("--child", action="store_true")
    args = parser.parse_args()
    if args.child:
        return child(args.entries)
    for db in ["sqlite", "postgres"]:
        if args.only and args.only != db:
            continue
        with tempfile.TemporaryDirectory() as data_dir:
            env = netra_env(data_dir, fresh_postgres(PG_DB) if db == "postgres" else None)
            subprocess.run([sys.executable, __file__, "--child", "--entries", str(args.entries)],
                           env=env, check=True)


if __name__ == "__main__":
    main()
