import pytest
from django.core import mail

from netra.audit.models import AuditEntry
from netra.reports.models import Submission

from .helpers import REPORTER_NAME, REPORTER_NIK, file_report, photo_with_gps


@pytest.fixture
def submission(client, media_root):
    file_report(client, files=[photo_with_gps()])
    return Submission.objects.get()


def test_an_officer_of_the_region_sees_it_in_her_queue(client_for, alice, submission):
    page = client_for(alice).get("/laporan/").content.decode()
    assert f'href="/laporan/{submission.pk}/"' in page


def test_an_officer_of_another_region_gets_404(client_for, charlie, submission):
    client = client_for(charlie)
    assert f"/laporan/{submission.pk}/" not in client.get("/laporan/").content.decode()
    assert client.get(f"/laporan/{submission.pk}/").status_code == 404
    evidence = submission.evidence.get()
    assert client.get(f"/laporan/bukti/{evidence.pk}/").status_code == 404
    assert client.post(f"/laporan/{submission.pk}/identitas/").status_code == 404


def test_the_identity_stays_closed_until_opened_and_the_opening_is_audited(
    client_for, alice, submission
):
    client = client_for(alice)
    assert REPORTER_NAME not in client.get(f"/laporan/{submission.pk}/").content.decode()
    page = client.post(f"/laporan/{submission.pk}/identitas/").content.decode()
    assert REPORTER_NAME in page and REPORTER_NIK in page
    entry = AuditEntry.objects.get(action="report.identity_opened")
    assert entry.actor == alice and entry.target_id == str(submission.pk)
    assert REPORTER_NAME not in str(entry.data)


def test_an_auditor_reads_but_cannot_open_the_identity(make_user, client_for, submission):
    auditor = make_user("indah", "auditor", ["35.09"])
    client = client_for(auditor)
    assert client.get(f"/laporan/{submission.pk}/").status_code == 200
    assert client.post(f"/laporan/{submission.pk}/identitas/").status_code == 404


def test_evidence_is_served_to_staff_as_a_download(client_for, alice, submission):
    evidence = submission.evidence.get()
    response = client_for(alice).get(f"/laporan/bukti/{evidence.pk}/")
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment")
    assert b"SpyPhone" not in b"".join(response.streaming_content)


def test_the_public_cannot_fetch_evidence(client, submission):
    response = client.get(f"/laporan/bukti/{submission.evidence.get().pk}/")
    assert response.status_code == 302 and "/akun/masuk/" in response.url


def test_officers_of_the_region_are_told_by_email_without_details(
    make_user, client, django_capture_on_commit_callbacks
):
    officer = make_user("wati", "bawaslu_regency", ["35.09"])
    officer.email = "wati@bawaslu.go.id"
    officer.save()
    far = make_user("jambi", "bawaslu_regency", ["15.71"])
    far.email = "jambi@bawaslu.go.id"
    far.save()
    with django_capture_on_commit_callbacks(execute=True):
        file_report(client)
    assert [m.to for m in mail.outbox] == [["wati@bawaslu.go.id"]]
    assert REPORTER_NAME not in mail.outbox[0].body
    assert "pose dua jari" not in mail.outbox[0].body


def test_a_similar_second_report_is_flagged_and_the_officer_decides(
    client_for, alice, client, submission, django_capture_on_commit_callbacks
):
    # The flag is the worker's, a moment after the commit: its task runs here.
    with django_capture_on_commit_callbacks(execute=True):
        file_report(
            client, description="Kepala Dinas unggah foto dengan calon, pose dua jari di FB."
        )
    second = Submission.objects.latest("submitted_at")
    assert (second.duplicate_of, second.duplicate) == (submission, "suspected")
    flagged = AuditEntry.objects.get(action="report.duplicate_suspected")
    assert (flagged.target_id, flagged.data) == (str(second.pk), {"of": submission.pk})
    client_for(alice).post(f"/laporan/{second.pk}/duplikat/", {"confirmed": "1"})
    second.refresh_from_db()
    assert second.duplicate == "confirmed"


def test_a_report_about_someone_else_is_not_a_duplicate(
    client, submission, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as queued:
        file_report(
            client,
            person_name="Bambang Susilo",
            person_nip="",
            description="Camat membagikan sembako atas nama calon nomor urut 1.",
        )
    assert queued  # the worker's screening ran, and found nothing
    assert Submission.objects.latest("submitted_at").duplicate_of is None
