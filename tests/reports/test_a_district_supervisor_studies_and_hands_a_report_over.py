"""A district supervisor (Panwascam) studies a report of its district and hands it to the
regency office (audited, once): the regency's officers are told by e-mail and see it marked as
handed over by the district; the reporter reads only "under initial study"; afterwards the
supervisor still reads the report but acts on it no more."""

import pytest
from django.core import mail

from netra.audit.models import AuditEntry
from netra.reports.models import StatusStep, Submission

from .helpers import REPORTER_NAME, file_report

STUDY = "Syarat formal lengkap; foto menunjukkan pose dua jari di balai desa Kalisat."


@pytest.fixture
def report(client, alice, wulan):
    alice.email, wulan.email = "alice@bawaslu.go.id", "wulan@bawaslu.go.id"
    alice.save()
    wulan.save()
    file_report(client, district="35.09.27")
    mail.outbox.clear()
    return Submission.objects.get()


def test_it_records_its_study_which_the_reporter_never_reads(client_for, wulan, report):
    response = client_for(wulan).post(f"/laporan/{report.pk}/kajian/", {"study": STUDY})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.study_note == STUDY
    assert report.status == Submission.Status.IN_REVIEW
    assert list(StatusStep.objects.values_list("status", "note")) == [("in_review", "")]
    entry = AuditEntry.objects.get(action="report.study_recorded")
    assert entry.actor == wulan and entry.data == {"length": len(STUDY)}
    assert STUDY not in str(entry.data)


def test_an_empty_or_too_long_study_comes_back_with_a_message(client_for, wulan, report):
    client = client_for(wulan)
    page = client.post(f"/laporan/{report.pk}/kajian/", {"study": "  "}).content.decode()
    assert "Tulis dulu kajiannya." in page
    long = "Kajian panjang. " * 400
    response = client.post(f"/laporan/{report.pk}/kajian/", {"study": long})
    page = response.content.decode()
    assert response.status_code == 200
    assert "paling banyak 5000 karakter" in page and "Kajian panjang. Kajian panjang." in page
    report.refresh_from_db()
    assert report.study_note == ""


def test_it_hands_the_report_over_once_and_the_regency_office_is_told(
    client_for, wulan, alice, report, django_capture_on_commit_callbacks
):
    client = client_for(wulan)
    client.post(f"/laporan/{report.pk}/kajian/", {"study": STUDY})
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/laporan/{report.pk}/serahkan/", follow=True)
    assert "Laporan telah diserahkan ke Bawaslu Kabupaten/Kota." in response.content.decode()
    report.refresh_from_db()
    assert report.handed_over_by == wulan and report.handed_over_at is not None
    assert AuditEntry.objects.filter(action="report.handed_over", actor=wulan).count() == 1
    assert [m.to for m in mail.outbox] == [["alice@bawaslu.go.id"]]
    assert "Kalisat" in mail.outbox[0].subject
    assert STUDY not in mail.outbox[0].body and REPORTER_NAME not in mail.outbox[0].body

    again = client.post(f"/laporan/{report.pk}/serahkan/", follow=True).content.decode()
    assert "sudah diserahkan" in again
    assert AuditEntry.objects.filter(action="report.handed_over").count() == 1
    # The reporter's timeline: one step, "under initial study", nothing of the hand-over.
    assert list(StatusStep.objects.values_list("status", flat=True)) == ["in_review"]


def test_the_regency_officer_sees_it_handed_over_with_the_study(client_for, wulan, alice, report):
    client_for(wulan).post(f"/laporan/{report.pk}/kajian/", {"study": STUDY})
    client_for(wulan).post(f"/laporan/{report.pk}/serahkan/")
    page = client_for(alice).get(f"/laporan/{report.pk}/").content.decode()
    assert 'id="handed-over"' in page and "Diserahkan oleh kecamatan" in page
    assert STUDY in page and "Wulan" in page
    assert "/serahkan/" not in page  # the regency office hands nothing over
    assert f"/laporan/{report.pk}/buka-kasus/" in page  # the regency office opens the case


def test_after_handing_over_it_reads_but_no_longer_acts(client_for, wulan, report):
    client = client_for(wulan)
    client.post(f"/laporan/{report.pk}/serahkan/")
    page = client.get(f"/laporan/{report.pk}/")
    assert page.status_code == 200
    text = page.content.decode()
    for action in ("/serahkan/", "/kajian/", "/tanya/", "/identitas/"):
        assert action not in text, action
    for action, data in (
        ("kajian", {"study": STUDY}),
        ("tanya", {"question": "Kapan kejadiannya?"}),
        ("identitas", {}),
    ):
        response = client.post(f"/laporan/{report.pk}/{action}/", data, follow=True)
        assert "sudah diserahkan ke Bawaslu Kabupaten/Kota" in response.content.decode(), action
    report.refresh_from_db()
    assert report.study_note == "" and not report.messages.exists()
    assert not AuditEntry.objects.filter(action="report.identity_opened").exists()


def test_before_handing_over_it_opens_the_reporters_identity_audited(client_for, wulan, report):
    """The initial study checks the reporter's name, address and identity card, and the
    district office is the one that meets the reporter: it may open the identity, recorded."""
    page = client_for(wulan).post(f"/laporan/{report.pk}/identitas/").content.decode()
    assert REPORTER_NAME in page
    assert AuditEntry.objects.filter(action="report.identity_opened", actor=wulan).count() == 1


def test_a_regency_officer_cannot_hand_over(client_for, alice, report):
    assert client_for(alice).post(f"/laporan/{report.pk}/serahkan/").status_code == 404
    assert (
        client_for(alice).post(f"/laporan/{report.pk}/kajian/", {"study": STUDY}).status_code == 404
    )
    report.refresh_from_db()
    assert report.handed_over_at is None and report.study_note == ""


def test_the_regency_queue_marks_the_report_handed_over_by_the_district(
    client_for, wulan, alice, report, client
):
    file_report(client, district="35.09.27", person_name="Belum Diserahkan")
    client_for(wulan).post(f"/laporan/{report.pk}/serahkan/")
    rows = client_for(alice).get("/laporan/").content.decode().split("<tr>")[1:]
    handed = [row for row in rows if f"/laporan/{report.pk}/" in row]
    assert len(handed) == 1 and "diserahkan oleh kecamatan" in handed[0]
    others = [row for row in rows if "Belum Diserahkan" in row]
    assert len(others) == 1 and "diserahkan oleh kecamatan" not in others[0]


def test_once_the_regency_office_registered_it_the_supervisor_only_reads(
    client_for, wulan, alice, report
):
    assert client_for(alice).post(f"/laporan/{report.pk}/buka-kasus/").status_code == 302
    client = client_for(wulan)
    page = client.get(f"/laporan/{report.pk}/").content.decode()
    for action in ("/serahkan/", "/kajian/", "/tanya/", "/identitas/", "/kasus/"):
        assert action not in page, action
    for action, data in (("serahkan", {}), ("kajian", {"study": STUDY})):
        response = client.post(f"/laporan/{report.pk}/{action}/", data, follow=True)
        assert "sudah meregistrasi laporan ini" in response.content.decode(), action
    report.refresh_from_db()
    assert report.handed_over_at is None and report.study_note == ""
    assert not AuditEntry.objects.filter(
        action__in=["report.handed_over", "report.study_recorded"]
    ).exists()
