"""Coverage of a region with 50,000 employees and 200,000 attendance rows, on PostgreSQL.

    python bench/prevention_coverage.py [--employees 50000] [--rows 200000] [--reuse]

Times the coverage computation alone and the whole prevention page (coverage, timeline,
circulars, rendering) as the region's BKPSDM officer.
"""

import argparse
import random
import subprocess
import sys
import tempfile
import time

from common import (
    django_ready,
    fresh_postgres,
    latency_row,
    netra_env,
    signed_in_client,
    timed_gets,
)
from synthetic import AGENCIES, roster_rows

PG_DB = "netra_bench_prevention"


def populate(employees, rows, rng):
    from django.utils import timezone

    from netra.accounts.models import User
    from netra.lib.names import name_key
    from netra.people.models import Agency, Employee
    from netra.prevention.models import Attendance, Event, Pledge
    from netra.regions.models import Region

    region = Region.objects.get(code="35.09")
    agencies = [
        Agency.objects.create(name=f"{name} {i}", name_key=name_key(f"{name} {i}"), region=region)
        for i in range(4)
        for name in AGENCIES
    ]
    started = time.perf_counter()
    now = timezone.now()
    Employee.objects.bulk_create(
        [
            Employee(
                nip=row[0],
                name=row[1],
                name_key=name_key(row[1]),
                name_phonetic="",
                employment_type=row[2].lower(),
                agency=rng.choice(agencies),
                region=region,
                updated_at=now,
            )
            for row in roster_rows(employees)
        ],
        batch_size=10_000,
    )
    ids = list(Employee.objects.values_list("id", flat=True))
    officer = User.objects.create_user("writer", password="x" * 16, role="bkpsdm")
    events = [
        Event.objects.create(
            region=region,
            title=f"Sosialisasi {i}",
            kind="outreach",
            mode="online",
            starts_at=now,
            organiser="BKPSDM",
            created_by=officer,
        )
        for i in range(100)
    ]
    # Reach only part of the roster: a fifth of the employees stays unreached.
    reachable = ids[: int(len(ids) * 0.8)]
    batch = []
    for _ in range(rows):
        matched = rng.random() < 0.85
        batch.append(
            Attendance(
                event=rng.choice(events),
                name="Peserta",
                status=("matched" if matched else "unmatched"),
                employee_id=rng.choice(reachable) if matched else None,
                attended=rng.random() < 0.9,
                minutes=60,
            )
        )
        if len(batch) == 20_000:
            Attendance.objects.bulk_create(batch)
            batch = []
    Attendance.objects.bulk_create(batch)
    Pledge.objects.bulk_create(
        [
            Pledge(employee_id=pid, method="online", reference=f"B{n}")
            for n, pid in enumerate(rng.sample(ids, len(ids) // 3))
        ]
    )
    print(
        f"{employees:,} employees, {rows:,} attendance rows and "
        f"{len(ids) // 3:,} pledges written in {time.perf_counter() - started:.0f} s"
    )


def child(employees, rows, requests):
    django_ready()
    from django.db import connection

    from netra.people.models import Employee
    from netra.prevention.coverage import coverage
    from netra.regions.models import Region

    rng = random.Random(2024)
    if Employee.objects.count() < employees:
        populate(employees, rows, rng)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    region = Region.objects.get(code="35.09")
    timings = []
    for _ in range(requests):
        began = time.perf_counter()
        figures = coverage(region)
        timings.append((time.perf_counter() - began) * 1000)
    print(f"\n{'who':32s} {'what':28s} {'p50':>8s} {'p95':>8s} {'max':>8s}")
    print(latency_row("(function)", "coverage of 35.09", timings))
    client = signed_in_client("bkpsdm", "bkpsdm", ["35.09"])
    print(
        latency_row(
            "BKPSDM officer (Jember)",
            "prevention page",
            timed_gets(client, requests, lambda: ("/pencegahan/", {})),
        )
    )
    total = figures["total"]
    print(
        f"\nreached {total['reached']:,} of {total['total']:,} ({total['reached_pct']}%), "
        f"pledged {total['pledged']:,}; {len(figures['unreached'])} agencies never reached"
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--employees", type=int, default=50_000)
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--reuse", action="store_true")
    parser.add_argument("--child", action="store_true")
    args = parser.parse_args()
    if args.child:
        return child(args.employees, args.rows, args.requests)
    database = (
        f"postgres://postgres@127.0.0.1:5432/{PG_DB}" if args.reuse else fresh_postgres(PG_DB)
    )
    with tempfile.TemporaryDirectory() as data_dir:
        env = netra_env(data_dir, database, NETRA_ALLOWED_HOSTS="testserver")
        subprocess.run(
            [
                sys.executable,
                __file__,
                "--child",
                "--employees",
                str(args.employees),
                "--rows",
                str(args.rows),
                "--requests",
                str(args.requests),
            ],
            env=env,
            check=True,
        )


if __name__ == "__main__":
    main()
