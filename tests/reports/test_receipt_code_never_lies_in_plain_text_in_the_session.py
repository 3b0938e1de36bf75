"""The new receipt code waits in the session sealed under the vault key, never in plain text.

Before the fix, the session row held {"new_receipt": {"code": "<20 digits>", ...}} readable by
anyone with the database, until the receipt page was loaded.
"""

import json

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session

from netra.reports.receipts import formatted

from .helpers import file_report, receipt_from

# Declared, not only reached through the reports conftest, so that pytest-django sets up the
# test database when this file runs alone.
pytestmark = pytest.mark.django_db


def raw_sessions():
    """Every session row as stored, and as Django decodes it."""
    rows = []
    for session in Session.objects.all():
        rows.append(session.session_data)
        rows.append(json.dumps(SessionStore().decode(session.session_data)))
    return rows


def test_the_raw_session_row_never_contains_the_code(client):
    response = file_report(client)
    before_the_page = raw_sessions()
    assert before_the_page and "new_receipt" in before_the_page[1]
    code = receipt_from(client, response).replace(" ", "")
    receipt_from(client, response)  # a reload
    for row in before_the_page + raw_sessions():
        assert code not in row and formatted(code) not in row


def test_a_session_edited_to_show_the_code_longer_no_longer_opens(client):
    response = file_report(client)
    store = SessionStore(session_key=client.cookies["sessionid"].value)
    store["new_receipt"] = dict(store["new_receipt"], until=store["new_receipt"]["until"] + 3600)
    store.save()
    assert client.get(response.url).url == "/lapor/status/"
