"""Bawaslu staff who reach a case set and lift its legal hold on its page, each time with a
reason; both are audited and written on the case's timeline. A stranger gets 404."""

from netra.audit.models import AuditEntry
from netra.privacy.models import LegalHold

from .helpers import ended_case


def test_an_officer_sets_and_lifts_a_hold_with_reasons(client, alice, client_for):
    case = ended_case(client, alice)
    officer = client_for(alice)
    url = f"/staf/privasi/penahanan/kasus/{case.pk}/"
    assert officer.get(url).status_code == 200

    officer.post(url, {"reason": "Diminta Ombudsman."})
    hold = LegalHold.objects.get(case=case)
    assert hold.active and hold.reason == "Diminta Ombudsman." and hold.set_by == alice
    assert "Diminta Ombudsman." in officer.get("/staf/privasi/penahanan/").content.decode()

    officer.post(url, {"reason": "Pemeriksaan selesai."})
    hold.refresh_from_db()
    assert not hold.active and hold.lift_reason == "Pemeriksaan selesai."
    actions = list(
        AuditEntry.objects.filter(action__startswith="privacy.hold").values_list(
            "action", "target_id"
        )
    )
    assert actions == [("privacy.hold_set", str(case.pk)), ("privacy.hold_lifted", str(case.pk))]
    assert case.events.filter(kind="legal_hold").count() == 2


def test_a_hold_without_a_reason_is_refused_with_a_message(client, alice, client_for):
    case = ended_case(client, alice)
    response = client_for(alice).post(f"/staf/privasi/penahanan/kasus/{case.pk}/", {"reason": " "})
    assert response.status_code == 200
    assert "alasan" in response.content.decode().lower() or "reason" in response.content.decode()
    assert not LegalHold.objects.exists()


def test_a_stranger_and_a_role_without_holds_get_404(client, alice, charlie, gita, client_for):
    case = ended_case(client, alice)
    url = f"/staf/privasi/penahanan/kasus/{case.pk}/"
    assert client_for(charlie).get(url).status_code == 404
    assert client_for(charlie).post(url, {"reason": "x"}).status_code == 404
    assert client_for(gita).get(url).status_code == 404
    assert not LegalHold.objects.exists()


def test_a_case_is_found_for_a_hold_by_its_number_within_reach_only(
    client, alice, charlie, client_for
):
    case = ended_case(client, alice)
    found = client_for(alice).get("/staf/privasi/penahanan/", {"kasus": f"#{case.pk}"})
    assert found.status_code == 302 and found.url == f"/staf/privasi/penahanan/kasus/{case.pk}/"
    for wanted in (f"#{case.pk}", "x" * 500, "#99999999999999999999999", "\u00b2"):
        page = client_for(charlie).get("/staf/privasi/penahanan/", {"kasus": wanted})
        assert page.status_code == 200 and 'role="alert"' in page.content.decode()
