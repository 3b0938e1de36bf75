import pytest

from netra.cases.models import Case, Hearing
from netra.reports.models import Submission

from ..reports.helpers import file_report


@pytest.fixture
def case(client, client_for, alice, reference):
    file_report(client)
    client_for(alice).post(f"/laporan/{Submission.objects.get().pk}/buka-kasus/")
    return Case.objects.get()


def test_an_officer_schedules_a_hearing_and_records_its_minutes(client_for, alice, case):
    officer = client_for(alice)
    officer.post(
        f"/kasus/{case.pk}/klarifikasi/",
        {
            "party": "reported",
            "name": "Ahmad Fauzi",
            "scheduled_at": "2024-11-25T09:00",
            "place": "Kantor Bawaslu Jember",
        },
    )
    hearing = Hearing.objects.get()
    officer.post(
        f"/kasus/klarifikasi/{hearing.pk}/berita-acara/",
        {"minutes": "Terlapor mengakui mengunggah foto tersebut."},
    )
    hearing.refresh_from_db()
    assert hearing.held_at and hearing.minutes.startswith("Terlapor mengakui")
    assert [e.kind for e in case.events.all()][-2:] == ["hearing", "minutes"]
    page = officer.get(f"/kasus/{case.pk}/").content.decode()
    assert "Terlapor mengakui" in page


def test_a_hearing_without_its_time_is_refused(client_for, alice, case):
    client_for(alice).post(f"/kasus/{case.pk}/klarifikasi/", {"party": "witness", "name": "X"})
    assert not Hearing.objects.exists()


def test_others_cannot_schedule_or_record(client_for, charlie, make_user, alice, case):
    client_for(alice).post(
        f"/kasus/{case.pk}/klarifikasi/",
        {
            "party": "witness",
            "name": "Saksi",
            "scheduled_at": "2024-11-25T09:00",
            "place": "Kantor",
        },
    )
    hearing = Hearing.objects.get()
    auditor = make_user("indah", "auditor", ["35.09"])
    for user in (charlie, auditor):
        client = client_for(user)
        assert client.post(f"/kasus/{case.pk}/klarifikasi/", {}).status_code == 404
        assert (
            client.post(
                f"/kasus/klarifikasi/{hearing.pk}/berita-acara/", {"minutes": "x"}
            ).status_code
            == 404
        )
