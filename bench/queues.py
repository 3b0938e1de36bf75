"""The report queue and the case list (issue 14) over 200,000 cases and 50,000 reports on
PostgreSQL: a search plus two filters, for every kind of user, and the export of 10,000
filtered cases to XLSX (time, streamed, memory growth).

    python bench/queues.py [--cases 200000] [--reports 50000] [--requests 100] [--reuse]

Cases and reports are spread over every regency and city, in every state, over 700 days; each
has one reported person with a synthetic name, NIP and agency (bench/synthetic.py); each
case's person is also on a roster of as many employees (its phonetic name index). Pages are
fetched in process through Django's test client (routing, access layer, queries, rendering; no
network). Memory is the process's resident set, sampled every 5 ms during the export.
"""

import argparse
import random
import subprocess
import sys
import tempfile
import threading
import time

from common import (
    django_ready,
    fresh_postgres,
    latency_row,
    netra_env,
    signed_in_client,
    timed_gets,
)
from synthetic import AGENCIES, COMMON_LAST, nip_for, person_name

PG_DB = "netra_bench_queues"
ACCOUNTS = [
    "Memasang baliho calon di depan kantor dinas",
    "Mengunggah foto bersama calon dengan pose dua jari di media sosial",
    "Menghadiri deklarasi pasangan calon memakai seragam dinas",
    "Membagikan bahan kampanye kepada warga saat jam kerja",
    "Menyukai dan membagikan unggahan tim kampanye",
    "Menjadi anggota tim pemenangan pasangan calon",
]


def populate(cases, reports, rng):
    import secrets
    from datetime import timedelta

    from django.db.models import F
    from django.utils import timezone

    from netra.cases import workflow as wf
    from netra.cases.models import Case, Respondent
    from netra.lib.names import name_key, phonetic_index
    from netra.people.models import Employee
    from netra.regions.models import Election, Region
    from netra.reports.conduct import CONDUCT
    from netra.reports.models import ReportedPerson, Submission

    election = Election.objects.get(code="pilkada-2024")
    regions = list(
        Region.objects.filter(level__in=["regency", "city"]).values_list("pk", flat=True)
    )
    # bulk_create skips Case.save, which keeps a case's province: a regency's is its parent.
    province_of = dict(Region.objects.filter(pk__in=regions).values_list("pk", "parent_id"))
    after = {wf.FORWARDED, wf.BKN_VERIFICATION, wf.RECOMMENDED, wf.FOLLOWED_UP, wf.PPK_OVERDUE}
    clocked = set(wf.CLOCK_STEP) | {wf.RECOMMENDED}
    now = timezone.now()
    start = time.perf_counter()
    for first in range(0, cases, 10_000):
        batch, people = [], []
        for i in range(first, min(cases, first + 10_000)):
            state = rng.choice(wf.STATES)
            opened = now - timedelta(days=rng.uniform(0, 700))
            batch.append(
                Case(
                    number=f"{i:06d}/Reg/LP/PB/Kab/X/2024" if state != wf.RECEIVED else "",
                    source="finding",
                    election=election,
                    region_id=(region_id := rng.choice(regions)),
                    province_id=province_of[region_id],
                    summary=f"{rng.choice(ACCOUNTS)} (data uji {i}).",
                    state=state,
                    received_at=opened,
                    due_at=now + timedelta(hours=rng.uniform(-400, 200))
                    if state in clocked
                    else None,
                    forwarded=state in after or (state == wf.CLOSED and rng.random() < 0.3),
                )
            )
            people.append((person_name(rng), nip_for(i, "PNS"), rng.choice(AGENCIES)))
        created = Case.objects.bulk_create(batch)
        # Each reported person is on the roster (a 200,000-employee roster for 200,000
        # cases), so that a name search also walks the roster's phonetic index.
        employees = Employee.objects.bulk_create(
            Employee(
                nip=nip,
                name=name,
                name_key=name_key(name),
                name_phonetic=phonetic_index(name),
                employment_type="pns",
                region_id=c.region_id,
                updated_at=now,
            )
            for c, (name, nip, _agency) in zip(created, people, strict=True)
        )
        Respondent.objects.bulk_create(
            Respondent(
                case=c,
                employee=e,
                name=name,
                nip=nip,
                agency=agency,
                subject_type="pns",
                government_id=c.region_id,
            )
            for c, e, (name, nip, agency) in zip(created, employees, people, strict=True)
        )
    Case.objects.update(opened_at=F("received_at"))
    print(f"{cases:,} cases written in {time.perf_counter() - start:.0f} s", flush=True)

    start = time.perf_counter()
    districts = {}
    for pk, parent in Region.objects.filter(level="district").values_list("pk", "parent_id"):
        districts.setdefault(parent, []).append(pk)
    statuses = [s for s, _label in Submission.Status.choices]
    keys = list(CONDUCT)
    for first in range(0, reports, 10_000):
        batch, people = [], []
        for i in range(first, min(reports, first + 10_000)):
            region = rng.choice(regions)
            day = (now - timedelta(days=rng.uniform(0, 700))).date()
            batch.append(
                Submission(
                    kind="report",
                    status=rng.choice(statuses),
                    receipt_hash=secrets.token_hex(32),
                    election=election,
                    region_id=region,
                    district_id=rng.choice(districts.get(region, [None])),
                    incident_date=day,
                    known_date=day,
                    description=f"{rng.choice(ACCOUNTS)} (data uji {i}).",
                    conduct=rng.sample(keys, rng.randint(1, 2)),
                )
            )
            people.append((person_name(rng), nip_for(1_000_000 + i, "PNS"), rng.choice(AGENCIES)))
        created = Submission.objects.bulk_create(batch)
        ReportedPerson.objects.bulk_create(
            ReportedPerson(submission=s, name=name, nip=nip, agency=agency)
            for s, (name, nip, agency) in zip(created, people, strict=True)
        )
    # submitted_at is auto_now_add: spread it like the incidents.
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE reports_submission SET submitted_at = known_date + interval '10 hours'"
        )
        # One case in four was opened from a report: its conduct comes from there.
        cursor.execute(
            """UPDATE cases_case c SET submission_id = s.id, source = 'report'
               FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM reports_submission) s,
                    (SELECT id, row_number() OVER (ORDER BY id) AS n FROM cases_case) k
               WHERE c.id = k.id AND k.n = s.n"""
        )
    print(f"{reports:,} reports written in {time.perf_counter() - start:.0f} s", flush=True)


class RssSampler(threading.Thread):
    """The highest resident set of this process (MB) while it runs, sampled every 5 ms."""

    def __init__(self):
        super().__init__(daemon=True)
        self.peak, self.running = rss_mb(), True

    def run(self):
        while self.running:
            self.peak = max(self.peak, rss_mb())
            time.sleep(0.005)

    def stop(self):
        self.running = False
        self.join()
        return self.peak


def rss_mb():
    import os

    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def export(client, query):
    """Seconds, megabytes and peak RSS growth (MB) of one XLSX export of QUERY."""
    import gc

    gc.collect()
    before = rss_mb()
    sampler = RssSampler()
    sampler.start()
    began = time.perf_counter()
    response = client.get("/kasus/", {**query, "format": "xlsx"})
    assert response.status_code == 200, response.status_code
    size = sum(len(chunk) for chunk in response.streaming_content)
    seconds = time.perf_counter() - began
    return seconds, size / 2**20, sampler.stop() - before


def child(cases, reports, requests):
    django_ready()
    from datetime import timedelta

    from django.db import connection
    from django.utils import timezone

    from netra.cases import workflow as wf
    from netra.cases.models import Case
    from netra.reports.models import Submission

    rng = random.Random(2024)
    if Case.objects.count() < cases or Submission.objects.count() < reports:
        populate(cases, reports, rng)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")

    people = {
        "regency officer (Jember)": signed_in_client("reg", "bawaslu_regency", ["35.09"]),
        "province officer (Jawa Timur)": signed_in_client("prov", "bawaslu_province", ["35"]),
        "Bawaslu RI (national)": signed_in_client("ri", "bawaslu_ri", []),
        "BKN (national, forwarded)": signed_in_client("bkn", "bkn", []),
        "PPK (Jember)": signed_in_client("ppk", "ppk", ["35.09"]),
    }
    open_states = [s for s in wf.STATES if s != wf.CLOSED]
    today = timezone.localdate()

    def case_search():
        # A surname, a step and a date range: a search and two filters.
        start = today - timedelta(days=rng.randint(30, 700))
        return (
            "/kasus/",
            {
                "q": rng.choice(COMMON_LAST),
                "state": rng.choice(open_states),
                "dari": str(start),
                "sampai": str(start + timedelta(days=180)),
            },
        )

    def case_nip():
        return ("/kasus/", {"q": nip_for(rng.randrange(cases), "PNS"), "election": "pilkada-2024"})

    def case_words():
        return (
            "/kasus/",
            {"q": "baliho dinas", "conduct": "DIS-01", "urut": "-diterima", "region": "35"},
        )

    def report_search():
        return (
            "/laporan/",
            {
                "q": rng.choice(COMMON_LAST),
                "state": rng.choice(["received", "in_review", "needs_information"]),
                "conduct": rng.choice(["DIS-01", "DIS-02", "ETIK-03", "DIS-08"]),
            },
        )

    def report_default():
        return ("/laporan/", {"page": rng.randint(1, 5)})

    print(f"\n{'who':32s} {'what':28s} {'p50':>8s} {'p95':>8s} {'max':>8s}", flush=True)
    for who, client in people.items():
        runs = [
            ("cases: name+step+dates", case_search),
            ("cases: NIP+election", case_nip),
            ("cases: words+conduct+region", case_words),
            ("cases: default, pages 1-5", lambda: ("/kasus/", {"page": rng.randint(1, 5)})),
        ]
        if who.startswith(("regency", "province", "Bawaslu")):
            runs += [
                ("reports: name+status+conduct", report_search),
                ("reports: default, pages 1-5", report_default),
            ]
        for what, next_request in runs:
            print(latency_row(who, what, timed_gets(client, requests, next_request)), flush=True)

    for who in ("Bawaslu RI (national)", "regency officer (Jember)"):
        import re

        page = people[who].get("/kasus/").content.decode()
        shown = re.search(r'id="list-total">([^<]*?)\s*(·|</p>)', page).group(1)
        print(f"total shown to {who}: {' '.join(shown.split())}", flush=True)

    # The export: about 10,000 cases (a national user, 35 days of received cases).
    national = people["Bawaslu RI (national)"]
    start = today - timedelta(days=200)
    window = {"dari": str(start), "sampai": str(start + timedelta(days=34))}
    small = {"dari": str(start), "sampai": str(start + timedelta(days=6))}

    def rows(days):
        return Case.objects.filter(
            received_at__date__gte=start, received_at__date__lte=start + timedelta(days=days)
        ).count()

    export(national, small)  # warm up (openpyxl imported, plans cached)
    for label, query in ((f"{rows(6):,} rows", small), (f"{rows(34):,} rows", window)):
        seconds, size, growth = export(national, query)
        print(
            f"export XLSX, {label:16s}: {seconds:5.2f} s, {size:4.1f} MB file, "
            f"peak RSS growth {growth:5.1f} MB",
            flush=True,
        )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=200_000)
    parser.add_argument("--reports", type=int, default=50_000)
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="keep the database of an earlier run if it holds the data",
    )
    parser.add_argument("--child", action="store_true")
    args = parser.parse_args()
    if args.child:
        return child(args.cases, args.reports, args.requests)
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
            ],
            env=env,
            check=True,
        )


if __name__ == "__main__":
    main()
