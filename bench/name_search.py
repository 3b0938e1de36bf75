"""Employee name search latency over 5,000,000 employees on PostgreSQL.

    python bench/name_search.py [--employees 5000000] [--queries 1000] [--keep]

At national scale (issue 20): --employees 5600000; the database is kept at the end, and
--keep measures it again without loading (when it holds at least that many employees).

Builds database `netra_bench_search` (reused with --keep when it already holds the rows), with
employees spread over all 514 regencies/cities, then times `search_employees` (the code behind
the roster page and /api/v1/employees) for a national user (BKN) and a regency-scoped one, on a
mix of queries: full names, old/new spelling variants, names still being typed, one common
first name, and NIPs. Prints p50/p95/p99 in milliseconds.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import fresh_postgres  # noqa: E402
from common import load as machine_load  # noqa: E402

DB = "netra_bench_search"


def setup_django():
    os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{DB}"
    os.environ.setdefault("NETRA_DATA_DIR", "/tmp/netra-bench-search")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "netra.settings")
    import django

    django.setup()


def load(count):
    sys.path.insert(0, str(HERE))
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone
    from synthetic import AGENCIES, nip_for, person_name

    from netra.lib.names import name_key, phonetic_index
    from netra.people.models import Agency, Employee
    from netra.regions.models import Region
    from netra.regions.reference import load_reference_data

    call_command("migrate", verbosity=0)
    load_reference_data()
    if Employee.objects.count() >= count:
        print(f"reusing {Employee.objects.count():,} employees")
        fill_vocabulary()
        return
    regions = list(Region.objects.filter(level__in=["regency", "city"]))
    Agency.objects.bulk_create(
        [Agency(region=r, name=a, name_key=name_key(a)) for r in regions for a in AGENCIES],
        ignore_conflicts=True,
    )
    agency_ids = {
        (r, k): pk for r, k, pk in Agency.objects.values_list("region_id", "name_key", "id")
    }
    rng = random.Random(7)
    now = timezone.now()
    start = time.perf_counter()
    with connection.cursor() as cursor:
        raw = cursor.cursor
        raw.execute("TRUNCATE people_employee CASCADE")
        raw.execute("DROP INDEX IF EXISTS employee_phonetic_gin")
        columns = (
            "nip, name, name_key, name_phonetic, employment_type, position, position_class, "
            "agency_id, region_id, email, active, updated_at"
        )
        with raw.copy(f"COPY people_employee ({columns}) FROM STDIN") as copy:
            for i in range(count):
                region = regions[int(rng.paretovariate(1.2)) % len(regions)]
                name = person_name(rng)
                agency = rng.choice(AGENCIES)
                copy.write_row(
                    (
                        nip_for(i, "PNS"),
                        name,
                        name_key(name),
                        phonetic_index(name),
                        "pns",
                        "Pengolah Data",
                        "pelaksana",
                        agency_ids[(region.pk, name_key(agency))],
                        region.pk,
                        "",
                        True,
                        now,
                    )
                )
        print(f"loaded {count:,} employees in {time.perf_counter() - start:.0f} s")
        start = time.perf_counter()
        raw.execute(
            "CREATE INDEX employee_phonetic_gin ON people_employee "
            "USING gin (to_tsvector('simple', name_phonetic))"
        )
        raw.execute("ANALYZE people_employee")
        print(f"indexed in {time.perf_counter() - start:.0f} s")
    fill_vocabulary()


def fill_vocabulary():
    """The name codes RosterWriter would have recorded, had the rows come through an import."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO people_namecode (code) SELECT DISTINCT unnest(string_to_array("
            "trim(name_phonetic), ' ')) AS code FROM people_employee ON CONFLICT DO NOTHING"
        )
        cursor.execute("DELETE FROM people_namecode WHERE code LIKE '%%x%%'")


def variant(name):
    swaps = [("u", "oe"), ("y", "j"), ("kh", "h"), ("mad", "mmad"), ("ah", "a"), ("c", "tj")]
    for old, new in swaps:
        if old in name:
            return name.replace(old, new, 1)
    return name + "h"


def queries(count):
    from netra.lib.names import strip_titles
    from netra.people.models import Employee

    rng = random.Random(11)
    sample = list(Employee.objects.order_by("?").values_list("name", "nip")[:count])
    out = []
    for i, (name, nip) in enumerate(sample):
        plain = strip_titles(name)
        kind = i % 5
        if kind == 0:
            out.append(("full name", plain))
        elif kind == 1:
            out.append(("spelling variant", variant(plain.lower())))
        elif kind == 2:
            first, *rest = plain.split()
            out.append(("being typed", f"{first} {rest[-1][:3]}" if rest else first[:3]))
        elif kind == 3:
            out.append(("one common first name", rng.choice(["Siti", "Muhammad", "Budi", "Sri"])))
        else:
            out.append(("NIP", nip))
    return out


def measure(user, qs, repeat_warm=True):
    from netra.people.search import search_employees

    for _kind, q in qs[:50]:
        search_employees(user, q)  # warm the caches, as a running server would be
    timings = {}
    for kind, q in qs:
        start = time.perf_counter()
        search_employees(user, q)
        timings.setdefault(kind, []).append((time.perf_counter() - start) * 1000)
    every = sorted(t for ts in timings.values() for t in ts)
    return every, timings


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--employees", type=int, default=5_000_000)
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--keep", action="store_true", help="reuse the database if filled")
    args = parser.parse_args()
    if not args.keep:
        fresh_postgres(DB)
    setup_django()
    load(args.employees)
    from netra.accounts.models import User
    from netra.regions.models import Region

    national, _ = User.objects.get_or_create(username="bench-bkn", defaults={"role": "bkn"})
    regional, _ = User.objects.get_or_create(
        username="bench-jember", defaults={"role": "bawaslu_regency"}
    )
    regional.regions.set([Region.objects.get(code="35.09")])
    # The province with the largest roster: too big to scan, so the index serves it too.
    from django.db.models import Count

    from netra.people.models import Employee

    busiest = (
        Employee.objects.values("region__code")
        .annotate(n=Count("id"))
        .order_by("-n")
        .first()["region__code"]
    )
    province = Region.objects.get(code=busiest.split(".")[0])
    provincial, _ = User.objects.get_or_create(
        username="bench-province", defaults={"role": "bawaslu_province"}
    )
    provincial.regions.set([province])
    rows = Employee.objects.filter(region__code__startswith=province.code + ".").count()
    qs = queries(args.queries)
    for label, user in [
        ("national (BKN)", national),
        ("regency (Jember)", regional),
        (f"province ({province.name}, {rows:,} employees)", provincial),
    ]:
        every, by_kind = measure(user, qs)
        print(
            f"{label}: {len(every)} queries, p50 {pct(every, 50):.1f} ms, "
            f"p95 {pct(every, 95):.1f} ms, p99 {pct(every, 99):.1f} ms, "
            f"max {every[-1]:.1f} ms (load {machine_load()})"
        )
        for kind, ts in by_kind.items():
            print(f"    {kind:22s} p50 {statistics.median(ts):6.1f} ms   p95 {pct(ts, 95):6.1f} ms")


if __name__ == "__main__":
    main()
