"""The weekly digest round and one periodic PDF at national scale on PostgreSQL.

    python bench/risk_digest_and_report.py [--cases 200000] [--runs 3]
    python bench/risk_digest_and_report.py --cases 5000 --runs 1     # quick

What the digest and the report read, written for the bench only: CASES case facts (CaseFact)
of the pilkada-2024 election over its regencies and cities (lognormal shares, received over
the last 20 weeks, each taken as far as a weighted final step, with deadlines, some overdue,
BKN's recommendations and the PPKs' answers), the statistics' rows made from them as the
refresh makes them (insights/funnel.py), a fictional IKP for every regency and city and each
region's risk recomputed by the real code (risk/refresh.py), and one Bawaslu officer with an
address per regency, city and province office (552).

Measures, each RUNS times (median and spread):
- the digest round for every office (`send_digests`), first the week before (every digest a
  region's first) and then this week, when each digest compares with last week's, the week's
  rows deleted between runs; mail goes to the file backend of a fresh data directory, as in
  the default install; with the number of queries of one round;
- one periodic PDF (`report.make`, HTML and WeasyPrint) of the busiest regency and of its
  province over the last 31 days, with the HTML alone apart.

Goals (issue 18): the digest round for all regions under 60 s; one PDF under 5 s.
"""

import argparse
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import django_ready, fresh_postgres, netra_env  # noqa: E402

PG_DB = "netra_bench_risk_digest"
ELECTION = "pilkada-2024"
#: How far a case got (weights), and the moments it reached on the way.
ENDS = {
    "received": 8,
    "registered": 20,
    "study": 12,
    "forwarded": 10,
    "bkn_verification": 6,
    "recommended": 8,
    "followed_up": 10,
    "ppk_overdue": 4,
    "closed": 22,
}
REACHED = {
    "received": [],
    "registered": ["registered"],
    "study": ["registered"],
    "forwarded": ["registered", "violation", "forwarded"],
    "bkn_verification": ["registered", "violation", "forwarded"],
    "recommended": ["registered", "violation", "forwarded", "recommended"],
    "followed_up": ["registered", "violation", "forwarded", "recommended", "decided"],
    "ppk_overdue": ["registered", "violation", "forwarded", "recommended"],
    "closed": ["registered", "closed"],
}
SOURCES = {"report": 6, "finding": 3, "adopted": 1}
KINDS = ["social_media", "campaign_event", "facilities", "partisan_statement"]
AGENCIES = ["Dinas Pendidikan", "Dinas Kesehatan", "Sekretariat Daerah", "Kecamatan"]


def _weighted(rng, weights):
    items = list(weights)
    return rng.choices(items, [weights[i] for i in items])[0]


def _copy(table, columns, rows):
    from django.db import connection

    count = 0
    with connection.cursor() as cursor:
        with cursor.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
                count += 1
    return count


def populate_facts(count, rng, election, now):
    from netra.regions.models import Region

    regions = list(
        Region.objects.filter(level__in=["regency", "city"], elections=election).order_by("code")
    )
    weights = [rng.lognormvariate(0, 0.8) for _ in regions]

    def rows():
        for number in range(count):
            region = rng.choices(regions, weights)[0]
            received = now - timedelta(days=rng.uniform(0, 140))
            end = _weighted(rng, ENDS)
            moments, at = {}, received
            for stage in REACHED[end]:
                at = min(now, at + timedelta(days=rng.uniform(0.5, 9)))
                moments[stage] = at
            open_case = end not in ("closed", "followed_up")
            due = at + timedelta(days=rng.uniform(-6, 10)) if open_case else None
            answers = []
            if "recommended" in moments:
                answered = "decided" in moments
                answers.append(
                    {
                        "government": region.code,
                        "answered": answered,
                        "days": rng.randint(1, 30) if answered else None,
                    }
                )
            yield (
                1_000_000 + number,
                f"{number:06d}/Reg/{region.code}/2024" if "registered" in moments else "",
                election.pk,
                region.code,
                region.code[:2],
                _weighted(rng, SOURCES),
                end,
                json.dumps(rng.sample(KINDS, rng.randint(1, 2))),
                received,
                moments.get("registered"),
                moments.get("violation"),
                moments.get("forwarded"),
                moments.get("recommended"),
                moments.get("decided"),
                None,
                moments.get("closed"),
                due,
                json.dumps([rng.choice(AGENCIES)]),
                json.dumps(["Guru Ahli Muda"]),
                json.dumps(answers),
            )

    columns = [
        "case_id",
        "number",
        "election_id",
        "region_code",
        "province_code",
        "source",
        "state",
        "kinds",
        "received_at",
        "registered_at",
        "violation_at",
        "forwarded_at",
        "recommended_at",
        "decided_at",
        "sanctioned_at",
        "closed_at",
        "due_at",
        "agencies",
        "positions",
        "answers",
    ]
    return _copy("insights_casefact", columns, rows())


def make_figures(election, now):
    """The statistics' rows of every regency, province and the nation, as the refresh makes
    them from the facts."""
    from collections import defaultdict

    from netra.insights import funnel
    from netra.insights.models import CaseFact, RegionFigures

    columns = [column for _stage, column in funnel.STAGES]
    columns += ["state", "due_at", "kinds", "agencies", "positions", "answers", "region_code"]
    by_office = defaultdict(list)
    for fact in (
        CaseFact.objects.filter(election_id=election.pk).values(*columns).iterator(chunk_size=5000)
    ):
        by_office[fact["region_code"]].append(fact)
    rows, provinces = [], defaultdict(list)
    for code, facts in by_office.items():
        figures = funnel.of_cases(facts, now)
        rows.append(
            RegionFigures(
                election_id=election.pk, level="regency", code=code, refreshed_at=now, **figures
            )
        )
        provinces[code[:2]].append(figures)
    parts = []
    for code, many in provinces.items():
        parts.append(funnel.merged(many))
        rows.append(
            RegionFigures(
                election_id=election.pk, level="province", code=code, refreshed_at=now, **parts[-1]
            )
        )
    rows.append(
        RegionFigures(
            election_id=election.pk,
            level="national",
            code="",
            refreshed_at=now,
            **funnel.merged(parts),
        )
    )
    RegionFigures.objects.all().delete()
    RegionFigures.objects.bulk_create(rows, batch_size=500)
    return by_office


def make_risk(election, rng, now):
    from netra.regions.models import Region
    from netra.risk import refresh
    from netra.risk.models import IkpRelease, IkpScore

    release = IkpRelease.objects.create(
        election=election,
        source="Bangku uji, fiktif",
        fictional=True,
        sha256="0" * 64,
        rows=0,
        imported_at=now,
    )
    regions = Region.objects.filter(level__in=["regency", "city"], elections=election)
    scores = []
    for region in regions:
        score = round(rng.uniform(20, 90), 2)
        category = "tinggi" if score >= 67 else "sedang" if score >= 34 else "rendah"
        scores.append(IkpScore(release=release, region=region, score=score, category=category))
    IkpScore.objects.bulk_create(scores)
    return refresh.recompute(election, now)


def make_officers():
    from netra.accounts.models import User
    from netra.regions.models import Region

    offices = list(Region.objects.filter(level__in=["province", "regency", "city"]))
    users = [
        User(
            username=f"bench-{region.code}",
            email=f"bawaslu-{region.code}@bawaslu.example",
            role="bawaslu_province" if region.level == "province" else "bawaslu_regency",
            password="!",
        )
        for region in offices
    ]
    User.objects.bulk_create(users, ignore_conflicts=True)
    ids = dict(User.objects.filter(username__startswith="bench-").values_list("username", "id"))
    through = User.regions.through
    through.objects.bulk_create(
        [through(user_id=ids[f"bench-{r.code}"], region_id=r.pk) for r in offices],
        ignore_conflicts=True,
    )
    return len(offices)


def nudge_risk(rng):
    """A week later: every region's score and components moved a little."""
    from netra.risk.models import RegionRisk

    rows = list(RegionRisk.objects.all())
    for row in rows:
        if row.score is not None:
            row.score = round(min(100, max(0, row.score + rng.uniform(-6, 6))), 1)
        row.components = {
            name: None if value is None else round(min(100, max(0, value + rng.uniform(-8, 8))), 1)
            for name, value in row.components.items()
        }
    RegionRisk.objects.bulk_update(rows, ["score", "components"], batch_size=500)


def timed(function):
    began = time.perf_counter()
    result = function()
    return time.perf_counter() - began, result


def spread(seconds):
    return (
        f"median {statistics.median(seconds):.2f} s (runs {', '.join(f'{s:.2f}' for s in seconds)})"
    )


def child(cases, runs):
    django_ready()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from netra.regions.models import Election, Region
    from netra.risk import digest, report
    from netra.risk.models import RiskDigest

    rng = random.Random(2024)
    election = Election.objects.get(code=ELECTION)
    now = timezone.now()
    seconds, written = timed(lambda: populate_facts(cases, rng, election, now))
    print(f"case facts: {written} written in {seconds:.1f} s")
    seconds, by_office = timed(lambda: make_figures(election, now))
    print(f"statistics' rows made in {seconds:.1f} s")
    seconds, regions = timed(lambda: make_risk(election, rng, now))
    print(f"risk recomputed for {regions} regions in {seconds:.1f} s")
    print(f"officers: {make_officers()} offices with one each")

    last_week = now - timedelta(days=7)
    first = []
    for _ in range(runs):
        RiskDigest.objects.filter(week=digest.week_of(last_week)).delete()
        seconds, sent = timed(lambda: digest.send_digests(last_week))
        first.append(seconds)
    print(f"digest round, first digests: {sent} sent, {spread(first)}")
    nudge_risk(rng)
    second = []
    for _ in range(runs):
        RiskDigest.objects.filter(week=digest.week_of(now)).delete()
        seconds, sent = timed(lambda: digest.send_digests(now))
        second.append(seconds)
    print(f"digest round, compared with last week: {sent} sent, {spread(second)}")
    RiskDigest.objects.filter(week=digest.week_of(now)).delete()
    with CaptureQueriesContext(connection) as queries:
        digest.send_digests(now)
    print(f"queries of one round: {len(queries)} ({len(queries) / max(1, sent):.1f} per digest)")

    busiest = max(by_office, key=lambda code: len(by_office[code]))
    start, end = timezone.localdate(now) - timedelta(days=30), timezone.localdate(now)
    for code in (busiest, busiest[:2]):
        region = Region.objects.get(code=code)
        html_seconds, pdf_seconds = [], []
        for _ in range(runs):
            seconds, _html = timed(lambda region=region: report.html(region, start, end))
            html_seconds.append(seconds)
            seconds, pdf = timed(lambda region=region: report.make(region, start, end))
            pdf_seconds.append(seconds)
        facts = sum(len(v) for k, v in by_office.items() if k == code or k[:2] == code)
        print(
            f"periodic PDF of {region.name} ({code}, {facts} cases in all, {len(pdf) // 1024} KB): "
            f"{spread(pdf_seconds)}; its HTML alone {spread(html_seconds)}"
        )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", action="store_true")
    args = parser.parse_args()
    if args.child:
        return child(args.cases, args.runs)
    database = fresh_postgres(PG_DB)
    data_dir = Path(tempfile.gettempdir()) / "netra-bench-risk-digest"
    shutil.rmtree(data_dir, ignore_errors=True)
    data_dir.mkdir(parents=True)
    env = netra_env(data_dir, database)
    command = [sys.executable, __file__, "--child", "--cases", str(args.cases)]
    subprocess.run(command + ["--runs", str(args.runs)], env=env, check=True)


if __name__ == "__main__":
    main()
