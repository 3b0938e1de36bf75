"""An administrator's first week on PostgreSQL: importing 2,000 accounts, mailing their
enrolment links, refusing a 2,000-row file for its last row, the accounts page, and moving a
transferred officer's 2,000 open cases and 500 reports.

    python bench/account_import_and_transfer.py [--rows 2000] [--cases 2000] [--reports 500]

Everything goes through the pages (Django's test client, in process) but the mailing, which is
the worker's task function called directly (mail to memory). A database of its own,
netra_bench_accounts, made afresh each run.
"""

import argparse
import hashlib
import random
import subprocess
import sys
import tempfile
import time

from common import django_ready, fresh_postgres, latency_row, netra_env, timed_gets

PG_DB = "netra_bench_accounts"


def account_file(rows, rng, bad_last=False):
    from netra.regions.models import Region

    regencies = list(
        Region.objects.filter(code__startswith="35.")
        .exclude(level="district")
        .values_list("code", flat=True)
    )
    districts = list(
        Region.objects.filter(code__startswith="35.09.", level="district").values_list(
            "code", flat=True
        )
    )
    lines = ["nama;surel;peran;wilayah"]
    for i in range(rows):
        if i % 4 == 0:
            role, regions = "Panwascam", " ".join(rng.sample(districts, 2))
        else:
            role, regions = "Bawaslu Kabupaten", rng.choice(regencies)
        lines.append(f"Petugas Nomor {i};petugas{i}@bawaslu.example;{role};{regions}")
    if bad_last:
        lines[-1] = lines[-1].rsplit(";", 1)[0] + ";35"
    return ("\n".join(lines) + "\n").encode()


def timed(label, call):
    began = time.perf_counter()
    result = call()
    print(f"{label:60s} {time.perf_counter() - began:7.2f} s")
    return result


def child(rows, cases, reports):
    django_ready()
    from django.conf import settings
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client
    from django.utils import timezone

    from netra.accounts.models import User
    from netra.accounts.notifications import send_enrolment_links_now
    from netra.cases.models import Case
    from netra.regions.models import Election, Region
    from netra.reports.models import Submission

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    rng = random.Random(14)
    admin = User.objects.create_user("bench-admin", role="admin")
    client = Client()
    client.force_login(admin)

    assert client.get("/akun/pengguna/impor/").status_code == 200  # warm: not the first request
    bad = account_file(rows, rng, bad_last=True)
    response = timed(
        f"refusing a {rows}-row file for its last row ({len(bad) // 1024} KiB)",
        lambda: client.post("/akun/pengguna/impor/", {"file": SimpleUploadedFile("akun.csv", bad)}),
    )
    assert response.status_code == 200 and "Kesalahan dalam berkas: 1." in response.text
    assert not User.objects.filter(username="petugas0").exists()

    good = account_file(rows, rng)
    response = timed(
        f"importing {rows} accounts (check, create, audit, queue the mail)",
        lambda: client.post(
            "/akun/pengguna/impor/", {"file": SimpleUploadedFile("akun.csv", good)}
        ),
    )
    assert response.status_code == 302, response.content[-400:]
    ids = list(User.objects.filter(username__startswith="petugas").values_list("pk", flat=True))
    assert len(ids) == rows
    sent = timed(
        f"issuing and mailing {rows} enrolment links (the worker's task)",
        lambda: send_enrolment_links_now(ids, admin.pk),
    )
    assert sent == rows

    timings = timed_gets(client, 50, lambda: ("/akun/pengguna/", {"tampil": ""}))
    print(latency_row("administrator", f"accounts page ({rows + 1})", timings))
    timings = timed_gets(client, 50, lambda: ("/akun/pengguna/", {"tampil": "tanpa-autentikator"}))
    print(latency_row("administrator", "without an authenticator", timings))

    jember = Region.objects.get(code="35.09")
    election = Election.objects.get(code="pilkada-2024")
    leaving = User.objects.create_user("bench-leaving", role="bawaslu_regency")
    leaving.regions.set([jember])
    taking = User.objects.create_user("bench-taking", role="bawaslu_regency")
    taking.regions.set([jember])
    now = timezone.now()
    Case.objects.bulk_create(
        Case(
            source="finding",
            election=election,
            region=jember,
            province_id=jember.parent_id,  # bulk_create skips Case.save
            summary=f"Temuan {i}",
            received_at=now,
            assigned_to=leaving,
            state="closed" if i % 10 == 0 else "registered",
        )
        for i in range(cases + cases // 9)
    )
    Submission.objects.bulk_create(
        Submission(
            kind="report",
            receipt_hash=hashlib.sha256(f"bench-{i}".encode()).hexdigest(),
            region=jember,
            incident_date=now.date(),
            known_date=now.date(),
            description="Laporan uji",
            assigned_to=leaving,
        )
        for i in range(reports)
    )
    open_cases = Case.objects.filter(assigned_to=leaving).exclude(state="closed").count()
    timings = timed_gets(client, 20, lambda: (f"/akun/pengguna/{leaving.pk}/mutasi/", {}))
    print(latency_row("administrator", f"transfer page ({open_cases}+{reports})", timings))
    response = timed(
        f"moving {open_cases} open cases and {reports} reports, and deactivating",
        lambda: client.post(
            f"/akun/pengguna/{leaving.pk}/mutasi/",
            {"do": "deactivate", "successor": taking.pk, "reason": "Mutasi (bench)"},
        ),
    )
    assert response.status_code == 302, response.content[-400:]
    assert Case.objects.filter(assigned_to=taking).count() == open_cases
    assert Submission.objects.filter(assigned_to=taking).count() == reports


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=2000)
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--reports", type=int, default=500)
    parser.add_argument("--child", action="store_true")
    args = parser.parse_args()
    if args.child:
        return child(args.rows, args.cases, args.reports)
    database = fresh_postgres(PG_DB)
    with tempfile.TemporaryDirectory() as data_dir:
        env = netra_env(data_dir, database, NETRA_ALLOWED_HOSTS="testserver")
        subprocess.run(
            [
                sys.executable,
                __file__,
                "--child",
                "--rows",
                str(args.rows),
                "--cases",
                str(args.cases),
                "--reports",
                str(args.reports),
            ],
            env=env,
            check=True,
        )


if __name__ == "__main__":
    main()
