"""Unconfirmed, the code stays readable for 30 minutes; then it is erased."""

import time

import pytest
from django.contrib.sessions.backends.db import SessionStore

from .helpers import file_report, receipt_from

# Declared, not only reached through the reports conftest, so that pytest-django sets up the
# test database when this file runs alone.
pytestmark = pytest.mark.django_db


def test_the_code_is_shown_until_30_minutes_and_then_erased(client, monkeypatch):
    filed_at = time.time()
    response = file_report(client)
    code = receipt_from(client, response)
    monkeypatch.setattr(time, "time", lambda: filed_at + 29 * 60)
    assert receipt_from(client, response) == code
    monkeypatch.setattr(time, "time", lambda: filed_at + 30 * 60 + 1)
    assert client.get(response.url).url == "/lapor/status/"
    assert "new_receipt" not in SessionStore(session_key=client.cookies["sessionid"].value)


def test_an_anonymous_reporters_session_ends_with_the_code(client):
    from django.contrib.sessions.models import Session

    file_report(client)
    session = Session.objects.get(session_key=client.cookies["sessionid"].value)
    from django.utils import timezone

    left = (session.expire_date - timezone.now()).total_seconds()
    assert 29 * 60 < left <= 30 * 60
