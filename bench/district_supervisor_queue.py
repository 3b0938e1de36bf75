"""The district supervisor's (Panwascam) pages (issue 14) over 200,000 cases and 50,000 reports
on PostgreSQL, the same data as bench/queues.py: its report queue with a search and two filters,
its default queue pages, a report's page and its dashboard, for a supervisor of one district and
one of three; beside them the regency officer of the same regency, for comparison.

    python bench/district_supervisor_queue.py [--cases 200000] [--reports 50000]
        [--busy 5000] [--requests 100] [--reuse]

BUSY of the reports are moved into Jember (a third of them into Kalisat), so that a district
supervisor's queue is as long as a hotspot's, not the three reports an even spread gives.

Pages are fetched in process through Django's test client (routing, access layer, queries,
rendering; no network), as in bench/queues.py.
"""

import argparse
import random
import subprocess
import sys
import tempfile

from common import (
    django_ready,
    fresh_postgres,
    latency_row,
    netra_env,
    signed_in_client,
    timed_gets,
)
from queues import populate
from synthetic import COMMON_LAST

PG_DB = "netra_bench_panwascam"


def concentrate(busy):
    """Move BUSY reports into Jember, a third of them into Kalisat and the rest over its other
    districts: a Pilkada hotspot, where a district supervisor's queue is long (the even spread
    of bench/queues.py gives a district about three reports)."""
    from netra.regions.models import Region
    from netra.reports.models import Submission

    jember = Region.objects.get(code="35.09")
    kalisat = Region.objects.get(code="35.09.27")
    have = Submission.objects.filter(region=jember).count()
    if have >= busy:
        return
    others = list(Region.objects.filter(parent=jember).exclude(pk=kalisat.pk))
    moved = list(
        Submission.objects.exclude(region=jember)
        .order_by("pk")
        .values_list("pk", flat=True)[: busy - have]
    )
    third = len(moved) // 3
    Submission.objects.filter(pk__in=moved[:third]).update(region=jember, district=kalisat)
    for n, district in enumerate(others):
        share = moved[third + n :: len(others)]
        Submission.objects.filter(pk__in=share).update(region=jember, district=district)
    print(f"{len(moved):,} reports moved into Jember, {third:,} of them into Kalisat", flush=True)


def child(cases, reports, requests, busy):
    django_ready()
    from django.db import connection

    from netra.accounts.access import restrict_reports
    from netra.accounts.models import User
    from netra.cases.models import Case
    from netra.reports.models import Submission

    rng = random.Random(2024)
    if Case.objects.count() < cases or Submission.objects.count() < reports:
        populate(cases, reports, rng)
    concentrate(busy)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")

    accounts = {
        "Panwascam, 1 district (Kalisat)": ("pw1", "panwascam", ["35.09.27"]),
        "Panwascam, 3 districts": ("pw3", "panwascam", ["35.09.27", "35.09.28", "35.09.29"]),
        "regency officer (Jember)": ("reg", "bawaslu_regency", ["35.09"]),
    }
    people = {who: signed_in_client(*account) for who, account in accounts.items()}

    def search():
        return (
            "/laporan/",
            {
                "q": rng.choice(COMMON_LAST),
                "state": rng.choice(["received", "in_review", "needs_information"]),
                "conduct": rng.choice(["DIS-01", "DIS-02", "ETIK-03", "DIS-08"]),
            },
        )

    print(f"\n{'who':32s} {'what':28s} {'p50':>8s} {'p95':>8s} {'max':>8s}", flush=True)
    for who, client in people.items():
        reached = restrict_reports(
            Submission.objects.all(), User.objects.get(username=accounts[who][0])
        )
        own = list(reached.values_list("pk", flat=True)[:200])
        print(f"{who}: {reached.count():,} reports in reach", flush=True)
        runs = [
            ("reports: name+status+conduct", search),
            ("reports: default, pages 1-2", lambda: ("/laporan/", {"page": rng.randint(1, 2)})),
            ("a report's page", lambda own=own: (f"/laporan/{rng.choice(own)}/", {})),
            ("dashboard", lambda: ("/dasbor/", {})),
        ]
        for what, next_request in runs:
            print(latency_row(who, what, timed_gets(client, requests, next_request)), flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=200_000)
    parser.add_argument("--reports", type=int, default=50_000)
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--busy", type=int, default=5000, help="reports concentrated in Jember")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="keep the database of an earlier run if it holds the data",
    )
    parser.add_argument("--child", action="store_true")
    args = parser.parse_args()
    if args.child:
        return child(args.cases, args.reports, args.requests, args.busy)
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
                "--reports",
                str(args.reports),
                "--requests",
                str(args.requests),
                "--busy",
                str(args.busy),
            ],
            env=env,
            check=True,
        )


if __name__ == "__main__":
    main()
