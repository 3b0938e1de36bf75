"""Item 11 of issue 13: hearing minutes could be recorded before the hearing took place. They
are refused with a message by the minutes field, and the typed text stays."""

from datetime import timedelta

from django.utils import timezone

from netra.cases import actions


def test_minutes_before_the_hearing_date_are_refused_by_the_field(
    client_for, alice, reported_case, walk_case
):
    case = walk_case(reported_case, "clarification", officer=alice)
    hearing = actions.schedule_hearing(
        alice,
        case,
        party="witness",
        name="Saksi Satu",
        scheduled_at=timezone.now() + timedelta(days=2),
        place="Kantor",
    )
    response = client_for(alice).post(
        f"/kasus/klarifikasi/{hearing.pk}/berita-acara/", {"minutes": "Saksi hadir."}
    )
    hearing.refresh_from_db()
    assert hearing.held_at is None
    page = response.content.decode()
    assert response.status_code == 200
    assert "Saksi hadir.</textarea>" in page
    assert 'id="minutes-error">Berita acara baru dapat dicatat' in page
