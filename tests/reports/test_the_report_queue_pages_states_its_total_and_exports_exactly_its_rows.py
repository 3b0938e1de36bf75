"""The report queue is paged fifty at a time and states its total (exact, or on PostgreSQL
marked as an estimate above a threshold); ?format=csv and ?format=xlsx export exactly the
listed reports, formula-safe, with no reporter identity and no receipt, one audit entry each;
an officer of another region gets an empty queue and an empty export; bad values get a
message and the valid filters still apply."""

import csv
import io
import secrets

from django.db import connection
from django.utils import timezone
from openpyxl import load_workbook

from netra.audit.models import AuditEntry
from netra.regions.models import Election, Region
from netra.reports.models import ReportedPerson, Submission

FORMULA = '=HYPERLINK("http://contoh.id/x","klik")'


def reports(count, code="35.09", person="Budi Santoso", status="received"):
    today = timezone.localdate()
    made = Submission.objects.bulk_create(
        Submission(
            kind="report",
            status=status,
            receipt_hash=secrets.token_hex(32),
            election=Election.objects.get(code="pilkada-2024"),
            region=Region.objects.get(code=code),
            incident_date=today,
            known_date=today,
            description=f"Uraian {i}",
            identity_sealed="SEALED-IDENTITY",
        )
        for i in range(count)
    )
    ReportedPerson.objects.bulk_create(
        ReportedPerson(submission=s, name=person, agency="Dinas") for s in made
    )
    return made


def test_pages_and_the_total(client_for, alice, reference, settings):
    reports(53)
    client = client_for(alice)
    first = client.get("/laporan/")
    assert len(first.context["submissions"]) == 50
    assert "53 laporan dalam daftar" in first.content.decode()
    last = client.get("/laporan/", {"page": 999})
    assert len(last.context["submissions"]) == 3 and last.context["page"].number == 2
    settings.NETRA_EXACT_COUNT_LIMIT = 10
    html = " ".join(client.get("/laporan/").content.decode().split())
    if connection.vendor == "postgresql":  # the planner's estimate
        assert "sekitar" in html and "(perkiraan)" in html
    else:  # SQLite, one office's reports: counted exactly
        assert "53 laporan dalam daftar" in html


def test_the_export_holds_the_listed_rows_only_formula_safe_and_audited(
    client_for, alice, reference
):
    reports(2, person=FORMULA)
    reports(3, person="Sri Rahayu", status="in_review")
    client = client_for(alice)
    query = {"state": "received", "urut": "nomor"}
    listed = [s.pk for s in client.get("/laporan/", query).context["submissions"]]
    assert len(listed) == 2
    response = client.get("/laporan/", {**query, "format": "csv"})
    assert response["Content-Disposition"].startswith("attachment")
    assert "no-store" in response["Cache-Control"]
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "SEALED-IDENTITY" not in text and "Uraian" not in text
    rows = list(csv.reader(io.StringIO(text)))
    assert [int(r[0]) for r in rows[1:]] == listed
    assert rows[1][rows[0].index("Terlapor")] == "'" + FORMULA
    response = client.get("/laporan/", {**query, "format": "xlsx"})
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    sheet = [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]
    assert [int(r[0]) for r in sheet[1:]] == listed
    assert sheet[1][rows[0].index("Terlapor")] == "'" + FORMULA
    entries = AuditEntry.objects.filter(action="reports.queue_exported").order_by("seq")
    assert [(e.actor_label, e.data["rows"], e.data["format"]) for e in entries] == [
        ("alice", 2, "csv"),
        ("alice", 2, "xlsx"),
    ]
    assert entries.last().data["filters"] == {"state": "received", "urut": "nomor"}


def test_the_stranger_gets_an_empty_queue_and_an_empty_export(client_for, charlie, reference):
    reports(2, person="Ahmad Fauzi")
    client = client_for(charlie)
    page = client.get("/laporan/", {"q": "Fauzi"})
    assert list(page.context["submissions"]) == [] and "Ahmad Fauzi" not in page.content.decode()
    response = client.get("/laporan/", {"region": "35.09", "format": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert len(rows) == 1


def test_roles_without_the_queue_get_404(client_for, gita, hadi, reference):
    for user in (gita, hadi):
        assert client_for(user).get("/laporan/", {"format": "csv"}).status_code == 404


def test_bad_values_get_a_message_and_the_valid_filters_apply(client_for, alice, reference):
    reports(1, status="received")
    reports(1, status="in_review")
    client = client_for(alice)
    for query, message in (
        ({"state": "terbang"}, "Tidak ada status bernama ini."),
        ({"region": "12345"}, "Tidak ada wilayah dengan kode ini"),
        ({"conduct": "XX"}, "Tidak ada perbuatan dalam katalog"),
        ({"petugas": "-1"}, "Pilih petugas dari daftar."),
        ({"dari": "kemarin"}, "TTTT-BB-HH"),
        ({"urut": "receipt_hash"}, "tidak dapat diurutkan"),
        ({"format": "docx"}, "CSV atau XLSX"),
    ):
        response = client.get("/laporan/", {"state": "in_review", **query})
        assert response.status_code == 200
        assert message in response.content.decode()
        expected = 2 if "state" in query else 1
        assert len(response.context["submissions"]) == expected


def test_the_auditor_reads_the_queue_and_may_export_but_changes_nothing(
    client_for, make_user, reference
):
    reports(2)
    client = client_for(make_user("audra", "auditor", ["35.09"]))
    page = client.get("/laporan/")
    assert page.status_code == 200 and len(page.context["submissions"]) == 2
    html = page.content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    assert 'method="post"' not in main.lower()
    assert client.get("/laporan/", {"format": "csv"}).status_code == 200
