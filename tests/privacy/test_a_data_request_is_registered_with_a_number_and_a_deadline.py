"""A reported person or a reporter asks to see or correct their data: the request is registered
with a number and a deadline of NETRA_PRIVACY_REQUEST_HOURS (3 x 24 hours, UU 27/2022 Pasal 32
ayat 2), the requester sees the number, and the name and contact are sealed by the vault."""

import json
from datetime import timedelta

from netra.audit.models import AuditEntry
from netra.privacy.models import DataRequest

from .requests_helpers import request_data


def test_the_requester_gets_a_number_and_the_deadline(client, settings):
    response = client.post("/privasi/permintaan/", request_data())
    assert response.status_code == 302 and response.url == "/privasi/permintaan/diterima/"
    registered = DataRequest.objects.get()
    assert registered.number == f"PDP-{registered.received_at.year}-{registered.pk:06d}"
    assert registered.due_at - registered.received_at == timedelta(
        hours=settings.NETRA_PRIVACY_REQUEST_HOURS
    )
    assert registered.status == "open" and registered.region.code == "35.09"
    page = client.get(response.url).content.decode()
    assert registered.number in page


def test_the_name_and_contact_are_sealed_and_never_audited(client):
    client.post("/privasi/permintaan/", request_data())
    registered = DataRequest.objects.get()
    assert "Ahmad" not in registered.requester_sealed
    assert "contoh.id" not in registered.requester_sealed
    logged = json.dumps(list(AuditEntry.objects.values("data", "target_id")))
    assert "Ahmad" not in logged and "contoh.id" not in logged
    entry = AuditEntry.objects.get(action="privacy.request_received")
    assert entry.data == {
        "kind": "access",
        "relation": "reported",
        "receipt_given": False,
        "receipt_matched": False,
    }


def test_the_public_pages_link_to_the_notice_and_the_form(client):
    home = client.get("/").content.decode()
    assert 'href="/privasi/"' in home and 'href="/privasi/permintaan/"' in home
    assert client.get("/privasi/").status_code == 200
    assert client.get("/privasi/permintaan/").status_code == 200


def test_the_receipt_page_without_a_request_leads_back_to_the_form(client):
    response = client.get("/privasi/permintaan/diterima/")
    assert response.status_code == 302 and response.url == "/privasi/permintaan/"


def test_english_is_available(client):
    client.cookies["django_language"] = "en"
    page = client.get("/privasi/permintaan/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Ask to see or correct your data" in page
