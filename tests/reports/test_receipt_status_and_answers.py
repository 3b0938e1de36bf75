import pytest

from netra.reports import actions
from netra.reports.models import Submission

from .helpers import file_report, photo_with_gps, receipt_from


@pytest.fixture
def code(client):
    return receipt_from(client, file_report(client))


def check(client, code):
    return client.post("/lapor/status/", {"receipt": code})


def test_the_reporter_sees_the_status_with_the_code(client, code):
    page = check(client, code).content.decode()
    assert 'id="report-status">Diterima Bawaslu<' in page


def test_the_code_may_be_typed_with_dashes(client, code):
    assert check(client, code.replace(" ", "-")).context["submission"] is not None


def test_a_wrong_code_finds_nothing(client, code):
    response = check(client, "1111 2222 3333 4444 5555")
    assert response.context["submission"] is None
    assert "Tidak ada laporan dengan kode tanda terima ini" in response.content.decode()


def test_guessing_codes_is_throttled(client, code, settings):
    settings.NETRA_RECEIPT_MAX_FAILURES = 3
    for n in range(3):
        check(client, f"9999 9999 9999 9999 999{n}")
    response = check(client, code)
    assert response.status_code == 429


def test_the_reporter_answers_a_question_with_more_evidence(client, code, alice, media_root):
    submission = Submission.objects.get()
    actions.ask_reporter(alice, submission, "Kapan tepatnya foto itu diunggah?")
    page = check(client, code).content.decode()
    assert "menunggu jawaban Anda" in page and "Kapan tepatnya foto itu diunggah?" in page
    response = client.post(
        "/lapor/status/",
        {"body": "Tanggal 3 November, pukul 20.00.", "evidence": [photo_with_gps()]},
    )
    # Back by GET, so that a reload does not send the answer twice.
    assert response.status_code == 302 and response.url == "/lapor/status/"
    assert "Jawaban Anda telah dikirim" in client.get(response.url).content.decode()
    submission.refresh_from_db()
    assert submission.status == "in_review"
    assert submission.messages.filter(officer=None).get().body.startswith("Tanggal 3 November")
    assert submission.evidence.count() == 1


def test_an_empty_answer_is_refused(client, code):
    check(client, code)
    response = client.post("/lapor/status/", {"body": ""})
    assert response.context["reply"].errors


def test_the_code_never_appears_in_a_url(client):
    response = file_report(client)
    code = receipt_from(client, response).replace(" ", "")
    assert code not in response.url
