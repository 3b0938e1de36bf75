"""The receipt page offers ways to keep the code (copy, download, print) and, for a shared
phone, a button that ends the session; before, the reporter could only write it down."""

import time

import pytest

from .helpers import file_report, receipt_from

pytestmark = pytest.mark.django_db


def test_the_receipt_page_offers_copy_download_print_and_end_session(client):
    response = file_report(client)
    page = client.get(response.url).content.decode()
    for offered in (
        "data-copy=",
        "/lapor/tanda-terima/unduh/",
        "data-print",
        "/lapor/akhiri-sesi/",
    ):
        assert offered in page
    assert "netra/receipt.js" in page and "onclick" not in page


def test_the_note_holds_the_code_and_what_happens_next_and_is_never_cached(client):
    response = file_report(client)
    code = receipt_from(client, response)
    note = client.get("/lapor/tanda-terima/unduh/")
    assert note["Content-Type"].startswith("text/plain")
    assert note["Content-Disposition"].startswith("attachment")
    assert "no-store" in note["Cache-Control"]
    text = note.content.decode()
    assert code in text and "http://127.0.0.1:8000/lapor/status/" in text
    assert "Langkah selanjutnya" in text and "BKN" in text


def test_the_note_is_no_way_around_the_30_minutes(client, monkeypatch):
    filed_at = time.time()
    file_report(client)
    monkeypatch.setattr(time, "time", lambda: filed_at + 30 * 60 + 1)
    assert client.get("/lapor/tanda-terima/unduh/").url == "/lapor/status/"


def test_ending_the_session_forgets_the_code_in_this_browser(client):
    response = file_report(client)
    receipt_from(client, response)
    ended = client.post("/lapor/akhiri-sesi/", follow=True)
    assert "Sesi telah berakhir" in ended.content.decode()
    assert client.get(response.url).url == "/lapor/status/"
    assert client.get("/lapor/tanda-terima/unduh/").url == "/lapor/status/"


def test_opening_the_end_session_address_ends_nothing_and_shows_no_error(client):
    response = file_report(client)
    code = receipt_from(client, response)
    assert client.get("/lapor/akhiri-sesi/").url == "/lapor/tanda-terima/"
    assert receipt_from(client, response) == code
