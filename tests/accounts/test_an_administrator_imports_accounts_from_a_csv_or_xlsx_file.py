import re

from django.core import mail

from netra.accounts.models import EnrolmentLink, User
from netra.audit.log import verify_chain
from netra.audit.models import AuditEntry

from .account_files import csv_file, upload, xlsx_file

ROWS = [
    ["Wati Susanti", "wati@bawaslu-jember.go.id", "bawaslu_regency", "35.09"],
    ["Budi Santoso", "budi@bawaslu-jatim.go.id", "Bawaslu Provinsi", "35"],
    ["Sari Dewi", "sari@panwascam.id", "Panwascam", "35.09.01; 35.09.02"],
    ["Andi Pratama", "andi@bawaslu.go.id", "Petugas Bawaslu RI", ""],
]


def test_a_good_csv_file_creates_the_accounts_and_sends_each_its_enrolment_link(
    client_for, admin, django_capture_on_commit_callbacks
):
    response = upload(client_for(admin), csv_file(ROWS), django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert response["Location"] == "/akun/pengguna/?tampil=tanpa-autentikator"
    wati = User.objects.get(email="wati@bawaslu-jember.go.id")
    assert wati.username == "wati" and wati.get_full_name() == "Wati Susanti"
    assert wati.role == "bawaslu_regency" and not wati.has_usable_password()
    assert list(wati.regions.values_list("code", flat=True)) == ["35.09"]
    assert User.objects.get(username="budi").role == "bawaslu_province"
    sari = User.objects.get(username="sari")
    assert sari.role == "panwascam"
    assert sorted(sari.regions.values_list("code", flat=True)) == ["35.09.01", "35.09.02"]
    assert User.objects.get(username="andi").role == "bawaslu_ri"
    assert not User.objects.get(username="andi").regions.exists()

    assert sorted(m.to[0] for m in mail.outbox) == sorted(r[1] for r in ROWS)
    letter = next(m for m in mail.outbox if m.to == ["wati@bawaslu-jember.go.id"])
    assert "wati" in letter.body and "kata sandi" in letter.subject.lower()
    link = re.search(r"http\S+/akun/daftar/(\S+)/", letter.body)
    assert link, letter.body
    # Only the token's digest is stored, never the token.
    stored = EnrolmentLink.objects.get(user=wati)
    assert link.group(1) not in stored.digest and len(stored.digest) == 64
    created = AuditEntry.objects.filter(action="account.created", target_id=str(wati.pk)).get()
    assert created.actor == admin and created.data["imported"] is True
    assert AuditEntry.objects.filter(action="account.created").count() == len(ROWS)
    assert verify_chain() is None  # the batch of entries chains like any other


def test_a_good_xlsx_file_with_english_headers_creates_the_accounts(
    client_for, admin, django_capture_on_commit_callbacks
):
    rows = [
        ["Rina Kartika", "Rina.K@Example.ID", "Regency/city Bawaslu officer", "35.09, 35.10"],
        ["Joko Widodo", "joko@example.id", "auditor", "35"],
    ]
    response = upload(
        client_for(admin),
        xlsx_file(rows, header=["Full name", "E-mail", "Role", "Regions"]),
        django_capture_on_commit_callbacks,
    )
    assert response.status_code == 302
    rina = User.objects.get(username="rina.k")
    assert rina.email == "Rina.K@example.id"
    assert sorted(rina.regions.values_list("code", flat=True)) == ["35.09", "35.10"]
    assert User.objects.get(username="joko").role == "auditor"
    assert len(mail.outbox) == 2


def test_usernames_come_from_the_e_mail_and_never_collide(client_for, admin, alice):
    alice.email = "old@example.id"
    alice.save()
    rows = [
        ["Alice Baru", "alice@bawaslu-a.id", "bawaslu_regency", "35.09"],
        ["Alice Lain", "alice@bawaslu-b.id", "bawaslu_regency", "35.09"],
    ]
    assert upload(client_for(admin), csv_file(rows)).status_code == 302
    made = dict(User.objects.filter(email__startswith="alice@").values_list("email", "username"))
    assert made == {"alice@bawaslu-a.id": "alice2", "alice@bawaslu-b.id": "alice3"}


def test_the_office_column_is_taken_when_the_file_has_one(client_for, admin):
    rows = [["Wati Susanti", "wati@example.id", "bkpsdm", "35.09", "BKPSDM Jember"]]
    upload(
        client_for(admin), csv_file(rows, header=["nama", "email", "peran", "wilayah", "kantor"])
    )
    assert User.objects.get(username="wati").office == "BKPSDM Jember"
