"""An employee's whole record (/pegawai/<id>/) over 200,000 cases on PostgreSQL.

    python bench/employee_record.py [--cases 200000] [--requests 100] [--reuse]

Builds the cases of bench/case_lists.py with the recommendations and decrees of
bench/compliance_views.py (in a database of its own, netra_bench_employee_record), then one
Jember employee with a heavy record: named on 300 cases of Jember (linked to the roster) and on
the cases whose reported person carries the employee's NIP unlinked, attending 2,000 events,
with both kinds of pledge. The page is fetched in process through Django's test client by each
kind of user that reaches the employee. Every section shows 20 items and counts the rest.
"""

import argparse
import random
import subprocess
import sys
import tempfile

from case_lists import populate
from common import (
    django_ready,
    fresh_postgres,
    latency_row,
    netra_env,
    signed_in_client,
    timed_gets,
)
from compliance_views import add_recommendations

PG_DB = "netra_bench_employee_record"
NIP = "199001012015010042"  # one of the pool compliance_views gives the reported persons


def heavy_employee(rng):
    from datetime import timedelta

    from django.utils import timezone

    from netra.accounts.models import User
    from netra.cases import workflow as wf
    from netra.cases.models import Case, Respondent
    from netra.lib.names import name_key, phonetic_index
    from netra.people.models import Agency, Employee
    from netra.prevention.models import Attendance, Event, Pledge
    from netra.regions.models import Election, Region
    from netra.sanctions.models import Decree, Recommendation

    found = Employee.objects.filter(nip=NIP).first()
    if found is not None:
        return found
    jember = Region.objects.get(code="35.09")
    agency, _ = Agency.objects.get_or_create(
        region=jember, name_key="dinas pendidikan", defaults={"name": "Dinas Pendidikan"}
    )
    employee = Employee.objects.create(
        nip=NIP,
        name="Ahmad Fauzi",
        name_key=name_key("Ahmad Fauzi"),
        name_phonetic=phonetic_index("Ahmad Fauzi"),
        employment_type="pns",
        agency=agency,
        region=jember,
        updated_at=timezone.now(),
    )
    election = Election.objects.get(code="pilkada-2024")
    now = timezone.now()
    cases = Case.objects.bulk_create(
        [
            Case(
                source="finding",
                election=election,
                region=jember,
                province_id=jember.parent_id,  # bulk_create skips Case.save
                summary="Temuan (data uji).",
                state=(state := rng.choice(wf.STATES)),
                received_at=now - timedelta(days=rng.uniform(0, 700)),
                forwarded=state in wf.PPK_STATES,
            )
            for _ in range(300)
        ]
    )
    Respondent.objects.bulk_create(
        [
            Respondent(case=c, employee=employee, name=employee.name, nip=NIP, government=jember)
            for c in cases
        ]
    )
    bkn = User.objects.filter(username="bkn-writer").first() or User.objects.create_user(
        "bkn-writer", password="x" * 16, role="bkn"
    )
    recommended = Recommendation.objects.bulk_create(
        [
            Recommendation(
                case_id=r.case_id,
                respondent=r,
                verification="Terbukti.",
                sanction="Teguran tertulis",
                issued_by=bkn,
                due_at=now,
                government=jember,
            )
            for r in Respondent.objects.filter(employee=employee, case__state__in=wf.PPK_STATES)
        ]
    )
    Decree.objects.bulk_create(
        [
            Decree(recommendation=r, outcome="imposed", number="800/1", recorded_by=bkn)
            for r in recommended[::2]
        ]
    )
    organiser = User.objects.filter(username="bkd-writer").first() or User.objects.create_user(
        "bkd-writer", password="x" * 16, role="bkpsdm"
    )
    events = Event.objects.bulk_create(
        [
            Event(
                region=jember,
                title=f"Sosialisasi ke-{i}",
                kind="outreach",
                mode="online",
                organiser="BKPSDM",
                starts_at=now - timedelta(hours=i),
                created_by=organiser,
            )
            for i in range(2_000)
        ]
    )
    Attendance.objects.bulk_create(
        [
            Attendance(event=e, name=employee.name, status="matched", employee=employee)
            for e in events
        ]
    )
    for method in ("online", "signed_list"):
        Pledge.objects.create(employee=employee, method=method, reference=f"IKR-{method}")
    return employee


def child(cases, requests):
    django_ready()
    from django.db import connection

    from netra.accounts.models import User
    from netra.cases.models import Case, Respondent
    from netra.sanctions.models import Recommendation
    from netra.web.employee_record import record_of

    rng = random.Random(2024)
    if Case.objects.count() < cases:
        populate(cases, 0, rng)
    if not Recommendation.objects.exists():
        add_recommendations(rng)
    employee = heavy_employee(rng)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")

    people = {
        "regency officer (Jember)": signed_in_client("reg", "bawaslu_regency", ["35.09"]),
        "province officer (Jawa Timur)": signed_in_client("prov", "bawaslu_province", ["35"]),
        "Bawaslu RI (national)": signed_in_client("ri", "bawaslu_ri", []),
        "BKN (national, forwarded)": signed_in_client("bkn", "bkn", []),
        "PPK (Jember)": signed_in_client("ppk", "ppk", ["35.09"]),
        "BKPSDM (Jember)": signed_in_client("bkd", "bkpsdm", ["35.09"]),
    }
    usernames = {"regency officer (Jember)": "reg", "province officer (Jawa Timur)": "prov"}
    usernames |= {"Bawaslu RI (national)": "ri", "BKN (national, forwarded)": "bkn"}
    usernames |= {"PPK (Jember)": "ppk", "BKPSDM (Jember)": "bkd"}
    path = f"/pegawai/{employee.pk}/"
    print(f"\n{'who':32s} {'what':28s} {'p50':>8s} {'p95':>8s} {'max':>8s}")
    for who, client in people.items():
        record = record_of(employee, User.objects.get(username=usernames[who]))
        counts = ", ".join(
            f"{name} {section.total}" for name, section in record.items() if section is not None
        )
        print(latency_row(who, "employee record", timed_gets(client, requests, lambda: (path, {}))))
        print(f"{'':32s} {counts}")
    unlinked = Respondent.objects.filter(nip=NIP, employee__isnull=True).count()
    print(
        f"\n{Case.objects.count():,} cases, {Recommendation.objects.count():,} recommendations; "
        f"the employee is named on 300 cases by the roster and {unlinked} by NIP only"
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
                "--requests",
                str(args.requests),
            ],
            env=env,
            check=True,
        )


if __name__ == "__main__":
    main()
