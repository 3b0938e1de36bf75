"""The reporter's status page stopped at "Diregistrasi" even after the PPK's decree, showed no
reason for "Tidak diregistrasi", and nobody told the reporter of a question. Now the page shows
the whole coarse timeline with reasons and outcomes, and an e-mail with no case detail goes out
through the worker at each step."""

from django.core import mail
from django.utils import timezone

from netra.cases import actions as case_actions
from netra.reports import actions
from netra.reports.models import Submission

from ..sanctions_helpers import impose, recommend
from .helpers import file_report, receipt_from


def status_page(client, code):
    return client.post("/lapor/status/", {"receipt": code}).content.decode()


def test_the_timeline_runs_from_received_to_closed_with_the_outcome(
    client, alice, gita, hadi, reference, walk_case
):
    code = receipt_from(client, file_report(client))
    case = case_actions.open_case_from_submission(alice, Submission.objects.get())
    case = recommend(gita, walk_case(case, "bkn_verification", bkn=gita))
    case = impose(hadi, case, timezone.localdate())
    case_actions.transition(gita, case, "closed", version=case.version, reason="Selesai.")
    page = status_page(client, code)
    timeline = page[page.index('id="reporter-timeline"') :]
    in_order = [
        "Diterima Bawaslu",
        "Dalam kajian awal",
        "Diregistrasi sebagai perkara",
        "Bawaslu telah memutus",
        "melanggar aturan netralitas ASN",
        "Diteruskan ke Badan Kepegawaian Negara",
        "BKN merekomendasikan sanksi",
        "Pejabat Pembina Kepegawaian (PPK) telah memutus",
        "Hukuman dijatuhkan",
        "Ditutup",
    ]
    positions = [timeline.index(words) for words in in_order]
    assert positions == sorted(positions)
    assert 'id="report-status">Ditutup<' in page
    assert "Kepala Dinas mengunggah foto" in page  # what they reported


def test_not_registered_shows_the_reason(client, alice, reference, walk_case):
    code = receipt_from(client, file_report(client))
    case = case_actions.open_case_from_submission(alice, Submission.objects.get())
    case = walk_case(case, "initial_study")
    case_actions.transition(
        alice,
        case,
        "not_registered",
        version=case.version,
        reason="Laporan melewati tujuh hari sejak diketahui.",
    )
    page = status_page(client, code)
    assert "Tidak diregistrasi" in page and "melewati tujuh hari sejak diketahui" in page


def test_a_question_sends_the_reporter_a_mail_with_no_case_detail(
    client, alice, reference, django_capture_on_commit_callbacks
):
    receipt_from(client, file_report(client))
    submission = Submission.objects.get()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        actions.ask_reporter(alice, submission, "Kapan tepatnya foto itu diunggah?")
    (message,) = [m for m in mail.outbox if m.to == ["pelapor@contoh.id"]]
    assert "http://127.0.0.1:8000/lapor/status/" in message.body
    for secret in ("Kapan tepatnya", "Ahmad Fauzi", "Kepala Dinas", "Jember"):
        assert secret not in message.body and secret not in message.subject


def test_each_status_change_sends_one_mail(
    client, alice, reference, walk_case, django_capture_on_commit_callbacks
):
    receipt_from(client, file_report(client))
    case = case_actions.open_case_from_submission(alice, Submission.objects.get())
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        walk_case(case, "registered")
    to_reporter = [m for m in mail.outbox if m.to == ["pelapor@contoh.id"]]
    assert len(to_reporter) == 2  # initial study, registered


def test_an_anonymous_informant_gets_no_mail(
    client, alice, reference, walk_case, django_capture_on_commit_callbacks
):
    file_report(
        client,
        anonymous="on",
        reporter_name="",
        reporter_address="",
        reporter_nik="",
        reporter_phone="",
        reporter_email="",
    )
    case = case_actions.open_case_from_submission(alice, Submission.objects.get())
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        walk_case(case, "registered")
    assert mail.outbox == []


def test_the_officers_page_speaks_of_the_reporter_not_to_them(client_for, alice, reported_case):
    submission = Submission.objects.get()
    actions.ask_reporter(alice, submission, "Kapan tepatnya foto itu diunggah?")
    page = client_for(alice).get(f"/laporan/{submission.pk}/").content.decode()
    assert "Menunggu jawaban pelapor" in page and "jawaban Anda" not in page
