"""BKN and the PPK read the case, never who reported it."""

from datetime import timedelta

from django.utils import timezone

from netra.cases import actions
from netra.cases.models import Case

from ..reports.helpers import REPORTER_NAME


def test_the_reporters_hearing_and_letter_are_hidden_from_bkn(
    client_for, alice, gita, reported_case, walk_case
):
    case = walk_case(reported_case, "clarification", officer=alice)
    hearing = actions.schedule_hearing(
        alice,
        case,
        party="reporter",
        name=REPORTER_NAME,
        scheduled_at=timezone.now() - timedelta(days=1),  # held yesterday: minutes follow a hearing
        place="Kantor Bawaslu",
    )
    actions.record_minutes(alice, hearing, "Pelapor menjelaskan kronologi.")
    client_for(alice).post(
        f"/kasus/{case.pk}/dokumen/",
        {
            "kind": "invitation",
            "recipient": REPORTER_NAME,
            "capacity": "pelapor",
            "when": "Senin",
            "place": "Kantor Bawaslu",
        },
    )
    case = walk_case(case, "forwarded", officer=alice)
    assert REPORTER_NAME in client_for(alice).get(f"/kasus/{case.pk}/").content.decode()
    bkn = client_for(gita)
    page = bkn.get(f"/kasus/{case.pk}/").content.decode()
    api = bkn.get(f"/api/v1/cases/{case.pk}").content.decode()
    for seen in (page, api):
        assert REPORTER_NAME not in seen
    invitation = case.documents.get(kind="invitation")
    assert bkn.get(f"/kasus/dokumen/{invitation.pk}/").status_code == 404
    assert Case.objects.get().events.filter(kind="hearing", text__contains="Pelapor").exists()


def test_minutes_once_recorded_are_not_rewritten(client_for, alice, reported_case, walk_case):
    case = walk_case(reported_case, "clarification", officer=alice)
    hearing = actions.schedule_hearing(
        alice, case, party="witness", name="Saksi Satu", scheduled_at=timezone.now(), place="Kantor"
    )
    officer = client_for(alice)
    officer.post(f"/kasus/klarifikasi/{hearing.pk}/berita-acara/", {"minutes": "Pertama."})
    page = officer.post(
        f"/kasus/klarifikasi/{hearing.pk}/berita-acara/", {"minutes": "Diganti."}, follow=True
    ).content.decode()
    hearing.refresh_from_db()
    assert hearing.minutes == "Pertama." and "tidak dapat ditulis ulang" in page
