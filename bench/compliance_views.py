"""Compliance, consistency and NIP-history pages over 200,000 cases on PostgreSQL.

    python bench/compliance_views.py [--cases 200000] [--requests 100] [--reuse]

At national scale (issue 20): --cases 1000000 --reuse after bench/case_lists.py has filled
`netra_bench_cases` with 1,000,000 cases; the recommendations are added once and kept, so a
rerun with --reuse only measures.

Builds the cases of bench/case_lists.py (or reuses its database with --reuse), then gives every
case past forwarding a recommendation per reported person with one to three catalog codes, and
a decree to most of those the PPK has answered (imposed sanctions varying by region, so the
consistency report has unequal treatment to show). Pages are fetched in process through
Django's test client as BKN (national), a province officer and a regency PPK.
"""

import argparse
import random
import subprocess
import sys
import tempfile
import time

from case_lists import PG_DB, populate
from common import (
    django_ready,
    latency_row,
    load,
    netra_env,
    postgres_database,
    signed_in_client,
    timed_gets,
)


def add_recommendations(rng):
    from datetime import timedelta

    from django.utils import timezone

    from netra.accounts.models import User
    from netra.cases import workflow as wf
    from netra.cases.models import Case, Respondent
    from netra.sanctions import rules
    from netra.sanctions.models import Decree, Recommendation, RecommendationCode

    catalog = rules.shipped_catalog()
    bkn = User.objects.filter(username="bkn-writer").first() or User.objects.create_user(
        "bkn-writer", password="x" * 16, role="bkn"
    )
    answered = {wf.FOLLOWED_UP, wf.CLOSED}
    cases = Case.objects.filter(
        state__in=[wf.RECOMMENDED, wf.FOLLOWED_UP, wf.PPK_OVERDUE, wf.CLOSED], forwarded=True
    )
    started, made = time.perf_counter(), 0
    respondents = dict(Respondent.objects.filter(case__in=cases).values_list("case_id", "pk"))
    from django.db import connection

    with connection.cursor() as cursor:  # a pool of 30,000 NIPs: some employees repeat
        cursor.execute(
            "UPDATE cases_respondent SET nip = '19900101201501' || "
            "lpad((floor(random() * 30000))::int::text, 4, '0')"
        )
    batch = []
    for case_id, state, region_id, due in cases.values_list(
        "pk", "state", "region_id", "due_at"
    ).iterator():
        conduct = [
            rules.Conduct(
                rng.choice(rules.KINDS), timezone.localdate() - timedelta(days=rng.randint(0, 120))
            )
            for _ in range(rng.randint(1, 3))
        ]
        proposal = rules.propose(
            catalog, determination_date=None, employment="PNS", conduct=conduct
        )
        batch.append(
            (
                Recommendation(
                    case_id=case_id,
                    respondent_id=respondents[case_id],
                    verification="Terbukti.",
                    employment="PNS",
                    codes=list(proposal.codes),
                    track=proposal.track,
                    level=proposal.level or "",
                    catalog_version=catalog.version,
                    sanction=rng.choice(proposal.sanction_options),
                    issued_by=bkn,
                    due_at=due or timezone.now(),
                    government_id=region_id,
                    answered_at=timezone.now() if state in answered else None,
                ),
                proposal,
                state,
                region_id,
            )
        )
        if len(batch) == 5_000:
            made += _write(batch, answered, rng, Recommendation, RecommendationCode, Decree)
            batch = []
    made += _write(batch, answered, rng, Recommendation, RecommendationCode, Decree)
    print(f"{made:,} recommendations written in {time.perf_counter() - started:.0f} s")


def _write(batch, answered, rng, Recommendation, RecommendationCode, Decree):
    from datetime import timedelta

    from django.utils import timezone

    created = Recommendation.objects.bulk_create([item[0] for item in batch])
    codes, decrees = [], []
    for recommendation, (_r, proposal, state, region_id) in zip(created, batch, strict=True):
        codes += [
            RecommendationCode(recommendation=recommendation, code=c, government_id=region_id)
            for c in proposal.codes
        ]
        if state in answered:
            imposed = rng.random() < 0.8
            days = rng.randint(0, 60)
            # Regions differ: some impose the recommendation, some something lighter.
            sanction = (
                recommendation.sanction if region_id % 3 else rng.choice(proposal.sanction_options)
            )
            decrees.append(
                Decree(
                    recommendation=recommendation,
                    outcome="imposed" if imposed else "not_imposed",
                    number="800/1/2024" if imposed else "",
                    decided_on=timezone.localdate() - timedelta(days=days) if imposed else None,
                    days_to_decree=days if imposed else None,
                    sanction=sanction if imposed else "",
                    reason="" if imposed else "Terlapor pensiun.",
                    recorded_by_id=recommendation.issued_by_id,
                )
            )
    RecommendationCode.objects.bulk_create(codes)
    Decree.objects.bulk_create(decrees)
    return len(created)


def child(cases, requests):
    django_ready()
    from django.db import connection

    from netra.cases.models import Case
    from netra.sanctions.models import Recommendation

    rng = random.Random(2024)
    if Case.objects.count() < cases:
        populate(cases, 0, rng)
    if not Recommendation.objects.exists():
        add_recommendations(rng)
        from netra.sanctions import tally

        tally.rebuild()  # made in bulk, not through the actions that keep the counts
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")  # as autovacuum would have, on a live database
    print(f"load: {load()}")

    people = {
        "BKN (national)": signed_in_client("bkn", "bkn", []),
        "province officer (Jawa Timur)": signed_in_client("prov", "bawaslu_province", ["35"]),
        "PPK (Jember)": signed_in_client("ppk", "ppk", ["35.09"]),
    }
    nip = Recommendation.objects.values_list("respondent__nip", flat=True).first()
    print(f"\n{'who':32s} {'page':28s} {'p50':>8s} {'p95':>8s} {'max':>8s}")
    for who, client in people.items():
        for what, path, query in [
            ("compliance per PPK", "/sanksi/kepatuhan/", {}),
            ("compliance per province", "/sanksi/kepatuhan/", {"per": "provinsi"}),
            ("consistency", "/sanksi/konsistensi/", {}),
            ("history of one NIP", "/sanksi/riwayat/", {"nip": nip}),
        ]:
            print(
                latency_row(
                    who,
                    what,
                    timed_gets(client, requests, lambda path=path, query=query: (path, query)),
                )
            )
        print(f"{'':32s} load {load()}")
    print(
        f"\n{Recommendation.objects.count():,} recommendations over {Case.objects.count():,} cases"
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=200_000)
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--reuse", action="store_true")
    parser.add_argument("--child", action="store_true")
    args = parser.parse_args()
    if args.child:
        return child(args.cases, args.requests)
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
                "--requests",
                str(args.requests),
            ],
            env=env,
            check=True,
        )


if __name__ == "__main__":
    main()
