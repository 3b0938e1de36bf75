"""A body larger than any form takes is refused from its Content-Length before a byte is read,
so that a stranger's 1 GB upload never reaches the disk; strangers' forms without the CSRF
cookie are not parsed at all, and both refusals speak the user's language."""

from django.test import Client

from netra.reports.models import Submission
from netra.web.middleware import largest_body


def test_a_body_larger_than_any_form_takes_gets_413_without_being_read(client, reference):
    response = client.post(
        "/lapor/",
        b"x" * 10,
        content_type="application/octet-stream",
        CONTENT_LENGTH=str(largest_body() + 1),
    )
    assert response.status_code == 413
    assert "lebih besar daripada yang diterima Netra" in response.content.decode()
    assert Submission.objects.count() == 0


def test_the_api_answers_413_with_a_code(client, reference):
    response = client.post(
        "/api/v1/reports", b"{}", content_type="application/json", CONTENT_LENGTH=str(10 * 2**30)
    )
    assert response.status_code == 413 and response.json()["code"] == "too_large"


def test_a_chunked_body_without_a_length_is_refused(client, reference):
    response = client.post(
        "/lapor/",
        b"",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH="",
        HTTP_TRANSFER_ENCODING="chunked",
    )
    assert response.status_code == 411


def test_a_form_sent_without_the_csrf_cookie_gets_a_page_with_a_way_back(reference):
    stranger = Client(enforce_csrf_checks=True)
    response = stranger.post("/lapor/", {"account": "x"})
    assert response.status_code == 403
    page = response.content.decode()
    assert "Formulir ini tidak dapat dikirim" in page and 'href="/lapor/"' in page
    assert "DEBUG=True" not in page and "Verifikasi CSRF" not in page


def test_a_request_for_a_host_that_is_not_ours_gets_a_page_in_indonesian(client, db):
    response = client.get("/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert "Permintaan tidak dapat dibaca" in response.content.decode()
