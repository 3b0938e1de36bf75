"""Case list and overdue list latency over 200,000 cases and 2,000,000 audit entries on
PostgreSQL, and `netra audit verify` throughput over that chain.

    python bench/case_lists.py [--cases 200000] [--audit 2000000] [--requests 200]

Cases are spread over every regency and city, in every state, with deadlines around today;
each has one reported person employed by its region's government. Pages are fetched in
process through Django's test client (routing, access layer, queries and template rendering;
no network), as each kind of user: a regency officer, a province officer, Bawaslu RI, BKN and
a regency PPK.
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

PG_DB = "netra_bench_cases"


def populate(cases, audit_entries, rng):
    from datetime import timedelta

    from django.utils import timezone

    from netra.audit.log import bulk_append
    from netra.audit.models import AuditEntry
    from netra.cases import workflow as wf
    from netra.cases.models import Case, Respondent
    from netra.regions.models import Election, Region

    election = Election.objects.get(code="pilkada-2024")
    regions = list(
        Region.objects.filter(level__in=["regency", "city"]).values_list("pk", flat=True)
    )
    after = {wf.FORWARDED, wf.BKN_VERIFICATION, wf.RECOMMENDED, wf.FOLLOWED_UP, wf.PPK_OVERDUE}
    clocked = set(wf.CLOCK_STEP) | {wf.RECOMMENDED}
    now = timezone.now()
    start = time.perf_counter()
    for first in range(0, cases, 10_000):
        batch = []
        for i in range(first, min(cases, first + 10_000)):
            state = rng.choice(wf.STATES)
            opened = now - timedelta(days=rng.uniform(0, 700))
            batch.append(
                Case(
                    number=f"{i:06d}/Reg/LP/PB/Kab/X/2024" if state != wf.RECEIVED else "",
                    source="report",
                    election=election,
                    region_id=rng.choice(regions),
                    summary="Dugaan pelanggaran netralitas ASN (data uji).",
                    state=state,
                    received_at=opened,
                    opened_at=opened,
                    due_at=now + timedelta(hours=rng.uniform(-400, 200))
                    if state in clocked
                    else None,
                    forwarded=state in after or (state == wf.CLOSED and rng.random() < 0.3),
                )
            )
        created = Case.objects.bulk_create(batch)
        Respondent.objects.bulk_create(
            [
                Respondent(
                    case=c,
                    name="Pegawai Uji",
                    nip="",
                    subject_type="pns",
                    government_id=c.region_id,
                )
                for c in created
            ]
        )
    # opened_at is auto_now_add: set the spread afterwards in one statement per batch is slow;
    # a single UPDATE from received_at keeps it realistic.
    Case.objects.update(opened_at=models_f("received_at"))
    print(f"{cases:,} cases written in {time.perf_counter() - start:.0f} s")

    start, batch = time.perf_counter(), []
    for i in range(audit_entries):
        data = {"from": "study", "to": "forwarded"}
        target = str(1 + i % cases)
        batch.append(
            AuditEntry(
                at=now,
                actor_label="bench",
                action="case.transition",
                target_type="cases.case",
                target_id=target,
                region_code="35.09",
                data=data,
            )
        )
        if len(batch) == 20_000:
            bulk_append(batch)  # signed and chained as record() does
            batch = []
    bulk_append(batch)
    print(f"{audit_entries:,} audit entries written in {time.perf_counter() - start:.0f} s")


def models_f(name):
    from django.db.models import F

    return F(name)


def child(cases, audit_entries, requests):
    django_ready()
    from django.db import connection

    from netra.audit.log import verify_chain
    from netra.cases import workflow as wf
    from netra.cases.models import Case

    rng = random.Random(2024)
    if Case.objects.count() < cases:
        populate(cases, audit_entries, rng)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")

    people = {
        "regency officer (Jember)": signed_in_client("reg", "bawaslu_regency", ["35.09"]),
        "province officer (Jawa Timur)": signed_in_client("prov", "bawaslu_province", ["35"]),
        "Bawaslu RI (national)": signed_in_client("ri", "bawaslu_ri", []),
        "BKN (national, forwarded)": signed_in_client("bkn", "bkn", []),
        "PPK (Jember)": signed_in_client("ppk", "ppk", ["35.09"]),
    }
    states = [""] * 4 + wf.STATES
    print(f"\n{'who':32s} {'what':28s} {'p50':>8s} {'p95':>8s} {'max':>8s}")
    for who, client in people.items():
        for what, next_request in [
            (
                "case list, pages 1-20",
                lambda: ("/kasus/", {"page": rng.randint(1, 20), "state": rng.choice(states)}),
            ),
            ("overdue list", lambda: ("/kasus/", {"lewat": "on", "page": rng.randint(1, 3)})),
            ("API overdue (100)", lambda: ("/api/v1/cases", {"overdue": "true", "limit": 100})),
        ]:
            print(latency_row(who, what, timed_gets(client, requests, next_request)))

    began = time.perf_counter()
    assert verify_chain() is None
    seconds = time.perf_counter() - began
    print(
        f"\naudit verify: {audit_entries:,} entries in {seconds:.1f} s = "
        f"{audit_entries / seconds:,.0f} entries/s"
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=200_000)
    parser.add_argument("--audit", type=int, default=2_000_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="keep the database of an earlier run if it holds the cases",
    )
    parser.add_argument("--child", action="store_true")
    args = parser.parse_args()
    if args.child:
        return child(args.cases, args.audit, args.requests)
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
                "--cases",
                str(args.cases),
                "--audit",
                str(args.audit),
                "--requests",
                str(args.requests),
            ],
            env=env,
            check=True,
        )


if __name__ == "__main__":
    main()
