"""A handled request's requester (name and contact, sealed) and its texts are erased after
NETRA_RETENTION_REQUESTS_DAYS; the number, kind, dates and outcome stay."""

from datetime import timedelta

from django.utils import timezone

from netra.audit.models import AuditEntry
from netra.privacy import actions
from netra.privacy.models import DataRequest


def test_the_requester_goes_and_the_request_stays(region, alice, client_for, settings):
    item = actions.register_request(
        kind="access",
        relation="reported",
        region=region("35.09"),
        name="Ahmad Fauzi",
        contact="0812000111",
        text="Data apa yang disimpan tentang saya?",
    )
    actions.apply_retention(timezone.now() + timedelta(days=10_000))
    assert DataRequest.objects.get().requester_sealed  # still open: kept

    actions.handle_request(alice, item, outcome="answered", note="Dikirim.", version=item.version)
    days = settings.NETRA_RETENTION.requests
    assert actions.apply_retention(timezone.now() + timedelta(days=days - 1))["requests"] == 0
    assert actions.apply_retention(timezone.now() + timedelta(days=days + 1))["requests"] == 1
    item.refresh_from_db()
    assert item.requester_sealed == "" and item.text == "—" and item.status == "answered"
    assert item.number.startswith("PDP-")
    assert AuditEntry.objects.filter(action="privacy.retention", data__kind="requests").exists()
    page = client_for(alice).get(f"/staf/privasi/permintaan/{item.pk}/")
    assert page.status_code == 200 and "0812000111" not in page.content.decode()
