"""Each region's risk at national scale on PostgreSQL: 200,000 cases over the 514 regencies
and cities and 5,000,000 employees on the roster (bench/insights_scale.py's data), with an
IKP release for every region, an outreach event per regency attended by about half of its
civil servants (some agencies never), and a few monitoring flags per region.

    python bench/risk_scale.py [--cases 200000] [--employees 5000000] [--requests 50] [--reuse]
    python bench/risk_scale.py --cases 5000 --employees 100000 --requests 20   # quick

Measures (1) `risk.refresh.recompute(election)` for the 552 regions of pilkada-2024 (the 514
regencies and cities and the 38 provinces), three times, the median and each component's
part; (2) p50 and p95 of the regions-to-watch page (`/staf/risiko/`: the nation's 514 rows
and its map, and a province's), a region's explanation and `GET /api/v1/risk`, as a national
officer and a provincial one. The statistics' summaries are made first by `refresh_all()`
(its time is printed, it is insights_scale.py's figure). --reuse keeps the database of an
earlier run (`netra_bench_risk`) when it holds the rows.
"""

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import django_ready, fresh_postgres, latency_row, netra_env, timed_gets  # noqa: E402

PG_DB = "netra_bench_risk"
ELECTION = "pilkada-2024"
DURING = "2024-10-01 09:00:00+07"


def populate_ikp(election):
    """An IKP release of every region of ELECTION, through the real import."""
    from netra.accounts.models import User
    from netra.risk import actions
    from netra.risk.components import regions_of

    admin = User.objects.filter(username="bench-admin").first() or User.objects.create_user(
        "bench-admin", password="x" * 16, role="admin"
    )
    lines = ["kode_wilayah,skor,kategori"]
    for number, code in enumerate(sorted(regions_of(election))):
        score = 15 + (number * 37) % 70
        category = "tinggi" if score >= 67 else "sedang" if score >= 34 else "rendah"
        lines.append(f"{code},{score},{category}")
    data = ("\n".join(lines) + "\n").encode()
    return actions.import_ikp(admin, election, data, source="Bangku uji, fiktif", fictional=True)


def populate_outreach_and_flags(election):
    """An outreach event per regency and city attended by about half of its employees (none of
    every third agency), and 1 to 40 monitoring flags per region (a fifth dismissed): written
    in SQL, as the bench only needs the rows."""
    from django.db import connection
    from django.utils import timezone

    from netra.accounts.models import User
    from netra.monitoring.models import Source
    from netra.prevention.models import Event
    from netra.regions.models import Region

    officer = User.objects.get(username="bench-admin")
    regencies = list(Region.objects.filter(level__in=["regency", "city"]))
    began = time.perf_counter()
    Event.objects.bulk_create(
        Event(
            region=region,
            election=election,
            title="Sosialisasi netralitas ASN",
            kind="outreach",
            mode="in_person",
            starts_at=timezone.now(),
            organiser="Bawaslu",
            created_by=officer,
        )
        for region in regencies
    )
    Source.objects.bulk_create(
        Source(region=region, name="Bangku uji", kind="api") for region in regencies
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO prevention_attendance (event_id, name, email, nip, agency_text, guest,"
            " attended, status, employee_id, method, score, candidates)"
            " SELECT ev.id, e.name, '', '', '', false, true, 'matched', e.id, 'nip', 1, '[]'"
            " FROM people_employee e JOIN prevention_event ev ON ev.region_id = e.region_id"
            " WHERE ev.election_id = %s AND e.agency_id %% 3 <> 0 AND e.id %% 4 <> 0",
            [election.pk],
        )
        attendance = cursor.rowcount
        cursor.execute(
            "INSERT INTO monitoring_text (source_id, external_id, kind, url, author, text,"
            " region_id, simhash, label, received_at)"
            " SELECT s.id, 'bench-' || s.id || '-' || g, 'post', '', '', 'Ayo dukung paslon',"
            " s.region_id, 0, '', %s FROM monitoring_source s"
            " CROSS JOIN LATERAL generate_series(1, 1 + (s.id * 7919) %% 40) g"
            " WHERE s.name = 'Bangku uji'",
            [DURING],
        )
        cursor.execute(
            "INSERT INTO monitoring_flag (text_id, region_id, score, codes, evidence, status,"
            " reason, training_label) SELECT t.id, t.region_id, 0.9, '[]', '[]',"
            " CASE WHEN t.id %% 5 = 0 THEN 'dismissed' ELSE 'open' END, '', ''"
            " FROM monitoring_text t WHERE t.external_id LIKE 'bench-%%'",
            [],
        )
        flags = cursor.rowcount
        cursor.execute("ANALYZE")
    print(
        f"{len(regencies)} outreach events, {attendance:,} attendance rows, {flags:,} flags "
        f"written in {time.perf_counter() - began:.0f} s",
        flush=True,
    )


class Parts:
    """Seconds spent in each component's function of components.py (wrapped for the bench)."""

    NAMES = ("_ikp", "_prevention", "_flag_counts", "_report_counts", "_figures")

    def __init__(self):
        from netra.risk import components

        self.seconds = dict.fromkeys(self.NAMES, 0.0)
        for name in self.NAMES:
            setattr(components, name, self._timed(name, getattr(components, name)))

    def _timed(self, name, function):
        def timed(*args, **kwargs):
            began = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.seconds[name] += time.perf_counter() - began

        return timed

    def text(self, runs):
        return ", ".join(f"{n.strip('_')} {s / runs:.2f} s" for n, s in self.seconds.items())


def child(cases, employees, requests):
    django_ready()
    import random

    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from insights_scale import bench_users, populate_cases, populate_employees, region_weights

    from netra.cases.models import Case
    from netra.insights import refresh as insights
    from netra.people.models import Employee
    from netra.regions.models import Election
    from netra.risk import refresh
    from netra.risk.models import IkpRelease, RegionRisk

    rng = random.Random(2024)
    users = bench_users()
    regions, shares = region_weights(rng)
    if Employee.objects.count() < employees:
        populate_employees(employees, rng, regions, shares)
    if Case.objects.count() < cases:
        populate_cases(cases, rng, regions, shares, users)
    election = Election.objects.get(code=ELECTION)
    if not IkpRelease.objects.filter(election=election).exists():
        populate_ikp(election)
        populate_outreach_and_flags(election)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"\n{Case.objects.count():,} cases, {Employee.objects.count():,} employees\n", flush=True)
    began = time.perf_counter()
    insights.refresh_all()
    print(f"statistics' summaries (insights refresh_all): {time.perf_counter() - began:.0f} s")

    parts = Parts()
    runs = []
    for _ in range(3):
        with CaptureQueriesContext(connection) as captured:
            began = time.perf_counter()
            regions_done = refresh.recompute(election)
            runs.append(time.perf_counter() - began)
    scored = RegionRisk.objects.filter(election=election, score__isnull=False).count()
    print(
        f"\nrisk recomputed for {regions_done} regions ({scored} with a score): median "
        f"{statistics.median(runs):.1f} s of {', '.join(f'{r:.1f}' for r in runs)}  "
        f"[goal < 30 s]; {len(captured)} queries; per run: {parts.text(len(runs))}",
        flush=True,
    )

    from common import signed_in_client

    national = signed_in_client("bench-risk-ri", "bawaslu_ri", [])
    province = signed_in_client("bench-risk-jatim", "bawaslu_province", ["35"])
    busiest = (
        RegionRisk.objects.filter(election=election, region__code__startswith="35.")
        .order_by("-score")
        .values_list("region__code", flat=True)
        .first()
    )
    pages = [
        ("national", national, "/staf/risiko/", {"pemilihan": ELECTION}),
        ("national", national, "/staf/risiko/", {"pemilihan": ELECTION, "wilayah": "35"}),
        ("national", national, f"/staf/risiko/{busiest}/", {"pemilihan": ELECTION}),
        ("national", national, "/api/v1/risk", {"election": ELECTION}),
        ("provincial (Jawa Timur)", province, "/staf/risiko/", {"pemilihan": ELECTION}),
        ("provincial (Jawa Timur)", province, "/api/v1/risk", {"election": ELECTION}),
    ]
    print(f"\n{'who':32s} {'what':28s} {'p50':>8s} {'p95':>8s} {'max':>8s}  [goal p95 < 150 ms]")
    for who, client, path, query in pages:
        client.get(path, query)  # the session's and the process's first-request costs
        timings = timed_gets(client, requests, lambda p=path, q=query: (p, q))
        what = path + ("?wilayah=35" if "wilayah" in query else "")
        print(latency_row(who, what, timings), flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=200_000)
    parser.add_argument("--employees", type=int, default=5_000_000)
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--reuse", action="store_true", help="keep an earlier run's database")
    parser.add_argument("--child", action="store_true")
    args = parser.parse_args()
    if args.child:
        return child(args.cases, args.employees, args.requests)
    database = (
        f"postgres://postgres@127.0.0.1:5432/{PG_DB}" if args.reuse else fresh_postgres(PG_DB)
    )
    data_dir = Path(tempfile.gettempdir()) / "netra-bench-risk"
    if not args.reuse:
        shutil.rmtree(data_dir, ignore_errors=True)
    data_dir.mkdir(parents=True, exist_ok=True)
    env = netra_env(data_dir, database, NETRA_ALLOWED_HOSTS="testserver")
    command = [sys.executable, __file__, "--child", "--cases", str(args.cases)]
    command += ["--employees", str(args.employees), "--requests", str(args.requests)]
    subprocess.run(command, env=env, check=True)


if __name__ == "__main__":
    main()
