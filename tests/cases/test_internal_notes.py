from netra.audit.models import AuditEntry


def test_a_note_joins_the_timeline_for_staff_and_never_reaches_the_reporter(
    client, client_for, alice, reported_case
):
    from netra.reports.models import Submission

    client_for(alice).post(
        f"/kasus/{reported_case.pk}/catatan/", {"text": "Saksi kedua belum bisa dihubungi."}
    )
    note = reported_case.events.get(kind="note")
    assert note.text == "Saksi kedua belum bisa dihubungi." and note.actor == alice
    assert AuditEntry.objects.filter(action="case.note").exists()
    page = client_for(alice).get(f"/kasus/{reported_case.pk}/").content.decode()
    assert "Saksi kedua belum bisa dihubungi." in page
    # The reporter's status answer carries questions asked of them, not internal notes.
    submission = Submission.objects.get()
    assert not submission.messages.exists()


def test_an_empty_note_is_refused_and_an_auditor_cannot_write_one(
    client_for, alice, make_user, reported_case
):
    page = client_for(alice).post(
        f"/kasus/{reported_case.pk}/catatan/", {"text": "   "}, follow=True
    )
    assert "Tulis catatannya." in page.content.decode()
    auditor = make_user("indah", "auditor", ["35.09"])
    assert (
        client_for(auditor).post(f"/kasus/{reported_case.pk}/catatan/", {"text": "x"}).status_code
        == 404
    )
    assert not reported_case.events.filter(kind="note").exists()
