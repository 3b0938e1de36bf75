"""Case list and overdue list latency over 200,000 cases and 2,000,000 audit entries on
PostgreSQL, and `netra audit verify` throughput over that chain.

    python bench/case_lists.py [--cases 200000] [--audit 2000000] [--requests 200] [--reuse]

At national scale (issue 20): --cases 1000000 --audit 0 (no audit chain, no verify). The
database `netra_bench_cases` is kept at the end; --reuse measures it again without writing
(topping it up when it holds fewer rows than asked), so a rerun on a quiet machine is
`python bench/case_lists.py --cases 1000000 --audit 0 --reuse`. Cases are written set-based
in SQL (1,000,000 in a few minutes).

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
    latency_row,
    load,
    netra_env,
    postgres_database,
    signed_in_client,
    timed_gets,
)

PG_DB = "netra_bench_cases"


def populate(cases, audit_entries, rng):
    """Top the database up to CASES cases (one reported person each) and AUDIT_ENTRIES audit
    entries: what an earlier run left is kept (--reuse)."""
    from netra.audit.models import AuditEntry
    from netra.cases.models import Case

    have = Case.objects.count()
    if have < cases:
        add_cases(have, cases - have, rng)
    have = AuditEntry.objects.count()
    if have < audit_entries:
        add_audit(have, audit_entries - have, cases)


def add_cases(first, count, rng, batch=100_000):
    """COUNT cases numbered from FIRST, written set-based (INSERT ... SELECT over
    generate_series, 100,000 rows a statement): a state drawn uniformly, a region among every
    regency and city, opened up to 700 days ago, a deadline between 400 hours ago and 200
    hours ahead for the states with a legal clock (and recommended), forwarded for the states
    after forwarding and 30% of the closed ones; one reported person each."""
    from django.db import connection, transaction

    from netra.cases import workflow as wf
    from netra.regions.models import Election, Region

    election = Election.objects.get(code="pilkada-2024")
    drawn = list(
        Region.objects.filter(level__in=["regency", "city"]).values_list("pk", "parent_id")
    )
    regions = [pk for pk, _province in drawn]
    provinces = [province for _pk, province in drawn]  # a regency's or city's parent
    after = [wf.FORWARDED, wf.BKN_VERIFICATION, wf.RECOMMENDED, wf.FOLLOWED_UP, wf.PPK_OVERDUE]
    clocked = [*wf.CLOCK_STEP, wf.RECOMMENDED]
    start = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("SELECT setseed(%s)", [rng.random()])
    for low in range(first, first + count, batch):
        high = min(first + count, low + batch) - 1
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT coalesce(max(id), 0) FROM cases_case")
            (before,) = cursor.fetchone()
            cursor.execute(
                """
                WITH drawn AS (
                    SELECT i,
                           (%(states)s::text[])[1 + floor(random() * %(n_states)s)::int] AS state,
                           1 + floor(random() * %(n_regions)s)::int AS k,
                           now() - random() * interval '700 days' AS opened,
                           random() AS due, random() AS share
                    FROM generate_series(%(low)s, %(high)s) AS i
                )
                INSERT INTO cases_case (number, source, summary, state, version, received_at,
                                        due_at, extended, forwarded, opened_at, election_id,
                                        region_id, province_id)
                SELECT CASE WHEN state = %(received)s THEN ''
                            ELSE lpad(i::text, 6, '0') || '/Reg/LP/PB/Kab/X/2024' END,
                       'report', 'Dugaan pelanggaran netralitas ASN (data uji).', state, 0,
                       opened,
                       CASE WHEN state = ANY(%(clocked)s::text[])
                            THEN now() + (due * 600 - 400) * interval '1 hour' END,
                       false,
                       state = ANY(%(after)s::text[]) OR (state = %(closed)s AND share < 0.3),
                       opened, %(election)s, (%(regions)s::bigint[])[k],
                       (%(provinces)s::bigint[])[k]
                FROM drawn ORDER BY i
                """,
                {
                    "states": wf.STATES,
                    "n_states": len(wf.STATES),
                    "regions": regions,
                    "provinces": provinces,
                    "n_regions": len(regions),
                    "low": low,
                    "high": high,
                    "received": wf.RECEIVED,
                    "clocked": clocked,
                    "after": after,
                    "closed": wf.CLOSED,
                    "election": election.pk,
                },
            )
            cursor.execute(
                "INSERT INTO cases_respondent (name, nip, subject_type, agency, position, "
                "case_id, government_id) SELECT 'Pegawai Uji', '', 'pns', '', '', id, region_id "
                "FROM cases_case WHERE id > %s ORDER BY id",
                [before],
            )
        print(f"  {high + 1:,} cases ({time.perf_counter() - start:.0f} s)", flush=True)
    print(f"{count:,} cases written in {time.perf_counter() - start:.0f} s")


def add_audit(first, count, cases):
    from django.utils import timezone

    from netra.audit.log import bulk_append
    from netra.audit.models import AuditEntry

    now = timezone.now()
    start, batch = time.perf_counter(), []
    for i in range(first, first + count):
        batch.append(
            AuditEntry(
                at=now,
                actor_label="bench",
                action="case.transition",
                target_type="cases.case",
                target_id=str(1 + i % cases),
                region_code="35.09",
                data={"from": "study", "to": "forwarded"},
            )
        )
        if len(batch) == 20_000:
            bulk_append(batch)  # signed and chained as record() does
            batch = []
    bulk_append(batch)
    print(f"{count:,} audit entries written in {time.perf_counter() - start:.0f} s")


def child(cases, audit_entries, requests):
    django_ready()
    from django.db import connection

    from netra.audit.log import verify_chain
    from netra.cases import workflow as wf
    from netra.cases.models import Case

    rng = random.Random(2024)
    populate(cases, audit_entries, rng)
    with connection.cursor() as cursor:
        # A live table is vacuumed by autovacuum; a freshly written one is not yet, and its
        # index-only scans (the lists' capped counts) would visit the table for every row.
        cursor.execute("VACUUM ANALYZE")
    print(f"{Case.objects.count():,} cases; load: {load()}")

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
        print(f"{'':32s} load {load()}")

    if not audit_entries:
        return
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
        help="keep the database of an earlier run (topped up to --cases and --audit); it is "
        "kept at the end either way",
    )
    parser.add_argument("--child", action="store_true")
    args = parser.parse_args()
    if args.child:
        return child(args.cases, args.audit, args.requests)
    database = postgres_database(PG_DB, args.reuse)
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
