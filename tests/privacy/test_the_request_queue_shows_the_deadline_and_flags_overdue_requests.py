"""The queue lists open requests by deadline and flags those past it; handling a request
(answered, corrected, or refused with a reason) closes it once, each change audited, and
opening the requester's contact is audited too."""

from datetime import timedelta

import pytest
from django.utils import timezone

from netra.audit.models import AuditEntry
from netra.privacy import actions
from netra.privacy.models import DataRequest


def registered(region, hours_ago):
    return actions.register_request(
        kind="access",
        relation="reported",
        region=region("35.09"),
        name="Ahmad Fauzi",
        contact="0812000111",
        text="Data apa yang disimpan tentang saya?",
        now=timezone.now() - timedelta(hours=hours_ago),
    )


def test_an_overdue_request_is_flagged_and_a_fresh_one_is_not(region, alice, client_for):
    late, fresh = registered(region, 80), registered(region, 1)
    assert late.overdue_at(timezone.now()) and not fresh.overdue_at(timezone.now())
    page = client_for(alice).get("/staf/privasi/permintaan/").content.decode()
    assert page.index(late.number) < page.index(fresh.number)  # by deadline
    assert 'id="overdue-count"' in page and page.count('class="tag warn"') == 1
    detail = client_for(alice).get(f"/staf/privasi/permintaan/{late.pk}/").content.decode()
    assert 'class="tag warn"' in detail


@pytest.mark.parametrize("outcome", ["answered", "corrected"])
def test_a_request_is_handled_once_and_audited(region, alice, bob, client_for, outcome):
    item = registered(region, 1)
    url = f"/staf/privasi/permintaan/{item.pk}/"
    response = client_for(alice).post(url, {"outcome": outcome, "note": "", "version": 1})
    assert response.status_code == 302
    item.refresh_from_db()
    assert (
        item.status == outcome and item.handled_by == alice and not item.overdue_at(timezone.now())
    )
    entry = AuditEntry.objects.get(action="privacy.request_handled")
    assert entry.data == {"outcome": outcome, "late": False} and entry.actor == alice

    again = client_for(bob).post(url, {"outcome": "refused", "note": "x", "version": 1})
    assert again.status_code == 200
    assert DataRequest.objects.get().status == outcome
    assert AuditEntry.objects.filter(action="privacy.request_handled").count() == 1


def test_a_refusal_needs_its_reason(region, alice, client_for):
    item = registered(region, 1)
    url = f"/staf/privasi/permintaan/{item.pk}/"
    page = client_for(alice).post(url, {"outcome": "refused", "note": " ", "version": 1})
    assert page.status_code == 200 and "Tulis alasan penolakan" in page.content.decode()
    assert DataRequest.objects.get().status == "open"
    client_for(alice).post(url, {"outcome": "refused", "note": "Bukan data Anda.", "version": 1})
    assert DataRequest.objects.get().outcome == "Bukan data Anda."


def test_a_late_answer_is_audited_as_late(region, alice):
    item = registered(region, 80)
    actions.handle_request(alice, item, outcome="answered", note="", version=item.version)
    assert AuditEntry.objects.get(action="privacy.request_handled").data["late"] is True


def test_opening_the_requester_is_audited(region, alice, client_for):
    item = registered(region, 1)
    client_for(alice).get(f"/staf/privasi/permintaan/{item.pk}/")
    assert AuditEntry.objects.filter(action="privacy.requester_opened", actor=alice).count() == 1


def test_bad_handling_input_is_answered_never_a_500(region, alice, client_for):
    item = registered(region, 1)
    url = f"/staf/privasi/permintaan/{item.pk}/"
    for data in (
        {},
        {"outcome": "deleted", "version": 1},
        {"outcome": "answered", "version": "x"},
        {"outcome": "answered", "version": "99999999999999999999"},
        {"outcome": "answered", "version": 1, "note": "n" * 4001},
    ):
        assert client_for(alice).post(url, data).status_code == 200
    assert DataRequest.objects.get().status == "open"
