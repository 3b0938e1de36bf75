"""The dashboard over 200,000 cases and 50,000 reports, and the audit-log page over
2,000,000 entries, filtered, on PostgreSQL.

    python bench/dashboard_and_audit_log.py [--cases 200000] [--reports 50000]
                                            [--audit 2000000] [--requests 200] [--reuse]
    python bench/dashboard_and_audit_log.py --sqlite --cases 2000 --reports 500 \
                                            --audit 20000 --requests 5   # checks the script

Cases are written as bench/case_lists.py writes them (every regency and city, every state,
deadlines around today), a tenth of them assigned to the measured officers; reports spread
over every regency and city (and their districts) in every status. Audit entries are written
unchained (the page reads them; it does not verify them, and `audit verify` has its own figure
in case_lists.py): times spread over two years in the order of their ids, 500 actors, 40
actions, cases, reports, accounts and employees as objects, every regency and city.

Pages are fetched in process through Django's test client (routing, access layer, queries and
template rendering; no network): the dashboard as each kind of user, and the audit-log page
as an administrator (every entry) and as regional auditors, with each filter and with two.
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

PG_DB = "netra_bench_dashboard"
ACTIONS = [
    f"{kind}.{verb}"
    for kind in ("case", "report", "account", "roster", "prevention")
    for verb in ("transition", "note", "assigned", "opened", "updated", "viewed", "sent", "done")
]
TARGETS = ["cases.case"] * 6 + ["reports.submission"] * 2 + ["accounts.user", "people.employee"]


def populate_cases(cases, rng, officers):
    from case_lists import populate

    from netra.cases.models import Case

    populate(cases, 0, rng)
    ids = list(Case.objects.values_list("pk", flat=True))
    for officer in officers:
        chosen = rng.sample(ids, len(ids) // (10 * len(officers)))
        Case.objects.filter(pk__in=chosen).update(assigned_to=officer)


def populate_reports(reports, rng):
    import secrets
    from datetime import date

    from netra.regions.models import Election, Region
    from netra.reports.models import Submission

    election = Election.objects.get(code="pilkada-2024")
    regions = list(Region.objects.filter(level__in=["regency", "city"]))
    districts = {}
    for district in Region.objects.filter(level="district").only("pk", "parent_id"):
        districts.setdefault(district.parent_id, []).append(district.pk)
    statuses = [s for s, _label in Submission.Status.choices]
    start = time.perf_counter()
    batch = []
    for _ in range(reports):
        region = rng.choice(regions)
        batch.append(
            Submission(
                kind="report",
                status=rng.choice(statuses),
                receipt_hash=secrets.token_hex(32),
                election=election,
                region=region,
                district_id=rng.choice(districts.get(region.pk, [None])),
                incident_date=date(2024, 11, 1),
                known_date=date(2024, 11, 2),
                description="Laporan uji (data bangku uji).",
            )
        )
    Submission.objects.bulk_create(batch, batch_size=5000)
    print(f"{reports:,} reports written in {time.perf_counter() - start:.0f} s")


def populate_audit(entries):
    import hashlib
    from datetime import timedelta

    from django.db import connection
    from django.utils import timezone

    from netra.audit.models import AuditEntry
    from netra.regions.models import Region

    codes = list(
        Region.objects.filter(level__in=["regency", "city"]).values_list("code", flat=True)
    )
    if connection.vendor == "postgresql":
        return populate_audit_in_sql(entries, codes)
    first = timezone.now() - timedelta(days=730)
    step = timedelta(days=730) / entries
    start = time.perf_counter()
    for begin in range(1, entries + 1, 20_000):
        batch = []
        for i in range(begin, min(entries, begin + 19_999) + 1):
            batch.append(
                AuditEntry(
                    at=first + step * i,
                    actor_label=f"petugas{(i * 7919) % 500}",
                    action=ACTIONS[(i * 104729) % len(ACTIONS)],
                    target_type=TARGETS[(i * 31) % len(TARGETS)],
                    target_id=str(1 + (i * 15485863) % 200_000),
                    region_code=codes[(i * 611953) % len(codes)],
                    data={"from": "study", "to": "forwarded"},
                    prev_hash=hashlib.sha256(b"p%d" % i).hexdigest(),
                    hash=hashlib.sha256(b"h%d" % i).hexdigest(),
                )
            )
        AuditEntry.objects.bulk_create(batch)
    print(f"{entries:,} audit entries written in {time.perf_counter() - start:.0f} s")


def populate_audit_in_sql(entries, codes):
    """Entries like those of populate_audit, in one statement on PostgreSQL, each field drawn
    apart (a hash of the row number per field), so that filters combine as in life."""
    from django.db import connection

    start = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO audit_auditentry (at, actor_label, action, target_type, target_id,
                                          region_code, data, prev_hash, hash)
            SELECT now() - interval '730 days' + (i * interval '730 days') / %(n)s,
                   'petugas' || (hashtext('a' || i) & 2147483647) %% 500,
                   (%(actions)s::text[])[1 + (hashtext('b' || i) & 2147483647) %% %(n_actions)s],
                   (%(targets)s::text[])[1 + (hashtext('c' || i) & 2147483647) %% %(n_targets)s],
                   (1 + (hashtext('d' || i) & 2147483647) %% 200000)::text,
                   (%(codes)s::text[])[1 + (hashtext('e' || i) & 2147483647) %% %(n_codes)s],
                   '{"from": "study", "to": "forwarded"}'::jsonb,
                   encode(sha256(('p' || i)::bytea), 'hex'),
                   encode(sha256(('h' || i)::bytea), 'hex')
            FROM generate_series(1, %(n)s) AS i
            """,
            {
                "n": entries,
                "actions": ACTIONS,
                "n_actions": len(ACTIONS),
                "targets": TARGETS,
                "n_targets": len(TARGETS),
                "codes": codes,
                "n_codes": len(codes),
            },
        )
    print(f"{entries:,} audit entries written in SQL in {time.perf_counter() - start:.0f} s")


def child(cases, reports, audit_entries, requests):
    django_ready()
    from datetime import timedelta

    from django.db import connection
    from django.utils import timezone

    from netra.audit.models import AuditEntry
    from netra.cases import workflow as wf
    from netra.cases.models import Case
    from netra.reports.models import Submission

    rng = random.Random(2024)
    people = {
        "regency officer (Jember)": signed_in_client("reg", "bawaslu_regency", ["35.09"]),
        "province officer (Jawa Timur)": signed_in_client("prov", "bawaslu_province", ["35"]),
        "Bawaslu RI (national)": signed_in_client("ri", "bawaslu_ri", []),
        "BKN (national, forwarded)": signed_in_client("bkn", "bkn", []),
        "PPK (Jember)": signed_in_client("ppk", "ppk", ["35.09"]),
        "district supervisor": signed_in_client("pwc", "panwascam", ["35.09.01"]),
        "administrator (national)": signed_in_client("adm", "admin", []),
    }
    if Case.objects.count() < cases:
        from netra.accounts.models import User

        officers = list(User.objects.filter(username__in=["reg", "prov", "ri"]))
        populate_cases(cases, rng, officers)
    if Submission.objects.count() < reports:
        populate_reports(reports, rng)
    if AuditEntry.objects.count() < audit_entries:
        populate_audit(audit_entries)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    open_cases = Case.objects.exclude(state=wf.CLOSED).count()
    print(
        f"{Case.objects.count():,} cases ({open_cases:,} open), "
        f"{Submission.objects.count():,} reports, {AuditEntry.objects.count():,} audit entries"
    )

    print(f"\n{'who':32s} {'what':28s} {'p50':>8s} {'p95':>8s} {'max':>8s}")
    for who, client in people.items():
        timings = timed_gets(client, requests, lambda: ("/dasbor/", {}))
        print(latency_row(who, "dashboard", timings))

    auditors = {
        "administrator (national)": (people["administrator (national)"], "adm"),
        "auditor (Jawa Timur)": (signed_in_client("aud-prov", "auditor", ["35"]), "aud-prov"),
        "auditor (Jember)": (signed_in_client("aud-reg", "auditor", ["35.09"]), "aud-reg"),
    }
    today = timezone.localdate()

    def week():
        start = today - timedelta(days=rng.randint(7, 700))
        return {"dari": start.isoformat(), "sampai": (start + timedelta(days=6)).isoformat()}

    def actor():
        return {"pelaku": f"petugas{rng.randrange(500)}"}

    def action():
        return {"aksi": rng.choice(ACTIONS)}

    def target():
        return {"jenis": "cases.case", "objek": str(rng.randint(1, 200_000))}

    def second_pages(username):
        """Page 2 of actors' entries as USERNAME reads them: after the 50th newest it sees,
        as the page's "older" link says."""
        from netra.accounts.access import restrict_audit_entries
        from netra.accounts.models import User

        seen = restrict_audit_entries(AuditEntry.objects.all(), User.objects.get(username=username))
        pages = []
        for n in range(500):
            label = f"petugas{n}"
            newest = seen.filter(actor_label=label).order_by("-at", "-pk")
            fiftieth = list(newest.values_list("pk", flat=True)[49:50])
            pages.extend({"pelaku": label, "sebelum": str(pk)} for pk in fiftieth)
            if len(pages) >= 50:
                break
        if not pages:  # a regional auditor sees too few of any one actor's: page 2 of all
            after = seen.order_by("-at", "-pk").values_list("pk", flat=True)[49:50]
            pages = [{"sebelum": str(pk)} for pk in after] or [{}]
        return pages

    filters = [
        ("newest", lambda: {}),
        ("actor", actor),
        ("action", action),
        ("object (a case)", target),
        ("date (a week)", week),
        ("action + week", lambda: {**action(), **week()}),
        ("actor + action", lambda: {**actor(), **action()}),
    ]

    def anywhere(username):
        """Pages starting anywhere in the log (after a random entry USERNAME sees)."""
        from netra.accounts.access import restrict_audit_entries
        from netra.accounts.models import User

        seen = restrict_audit_entries(AuditEntry.objects.all(), User.objects.get(username=username))
        last = AuditEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 1
        found = []
        for _ in range(25):  # 900 ids a query: within SQLite's limit too
            sample = [rng.randint(1, last) for _ in range(900)]
            found.extend(seen.filter(pk__in=sample).values_list("pk", flat=True))
            if len(found) >= 200:
                break
        return [{"sebelum": str(pk)} for pk in found] or [{}]

    for who, (client, username) in auditors.items():
        pages, deep = second_pages(username), anywhere(username)
        for what, query in [
            *filters,
            ("actor, page 2", lambda pages=pages: rng.choice(pages)),
            ("any page (deep)", lambda deep=deep: rng.choice(deep)),
        ]:

            def next_request(query=query):
                return "/audit/", query()

            timings = timed_gets(client, requests, next_request)
            print(latency_row(who, f"audit log: {what}", timings))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=200_000)
    parser.add_argument("--reports", type=int, default=50_000)
    parser.add_argument("--audit", type=int, default=2_000_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="keep the database of an earlier run if it holds the data",
    )
    parser.add_argument(
        "--sqlite",
        action="store_true",
        help="a quick check of the script itself on SQLite (use small numbers); no figures",
    )
    parser.add_argument("--child", action="store_true")
    args = parser.parse_args()
    if args.child:
        return child(args.cases, args.reports, args.audit, args.requests)
    if args.sqlite:
        database = None
    elif args.reuse:
        database = f"postgres://postgres@127.0.0.1:5432/{PG_DB}"
    else:
        database = fresh_postgres(PG_DB)
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
