"""The receipt page shows the code on every reload and in either language until the reporter
confirms "I have saved it"; then the code is erased from the session."""

import pytest
from django.contrib.sessions.backends.db import SessionStore

from .helpers import file_report, receipt_from

# Declared, not only reached through the reports conftest, so that pytest-django sets up the
# test database when this file runs alone.
pytestmark = pytest.mark.django_db


def session_of(client):
    return SessionStore(session_key=client.cookies["sessionid"].value)


def test_a_reload_shows_the_same_code_again(client):
    response = file_report(client)
    first = receipt_from(client, response)
    assert receipt_from(client, response) == first and len(first.replace(" ", "")) == 20


def test_a_change_of_language_shows_the_code_again(client):
    response = file_report(client)
    code = receipt_from(client, response)
    page = client.post("/i18n/setlang/", {"language": "en", "next": response.url}, follow=True)
    html = page.content.decode()
    assert code in html and "I have saved it" in html
    client.cookies["django_language"] = "id"
    assert "Saya sudah menyimpannya" in client.get(response.url).content.decode()


def test_after_confirming_the_code_is_gone(client):
    response = file_report(client)
    code = receipt_from(client, response)
    confirmed = client.post(response.url, {"saved": "1"}, follow=True)
    assert confirmed.redirect_chain[-1][0] == "/lapor/status/"
    assert code not in confirmed.content.decode()
    assert "tidak lagi ditampilkan" in confirmed.content.decode()
    assert "new_receipt" not in session_of(client)
    assert client.get(response.url).url == "/lapor/status/"


def test_the_code_still_opens_the_status_page_after_it_is_gone(client):
    response = file_report(client)
    code = receipt_from(client, response)
    client.post(response.url, {"saved": "1"})
    page = client.post("/lapor/status/", {"receipt": code}).content.decode()
    assert "Diterima" in page
