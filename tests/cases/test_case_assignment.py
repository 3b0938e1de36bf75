from django.core import mail


def test_an_officer_assigns_the_case_to_a_colleague_who_reaches_it(
    client_for, alice, bob, reported_case
):
    response = client_for(alice).post(
        f"/kasus/{reported_case.pk}/penanggung-jawab/",
        {"version": reported_case.version, "officer": bob.pk},
    )
    assert response.status_code == 302
    reported_case.refresh_from_db()
    assert reported_case.assigned_to == bob
    event = reported_case.events.get(kind="assigned")
    assert event.actor == alice and event.text == "Bob"
    assert client_for(bob).get(f"/kasus/{reported_case.pk}/").content.decode().count("Bob") >= 1


def test_a_case_cannot_be_given_to_someone_outside_its_region_or_role(
    client_for, alice, charlie, fajar, reported_case
):
    officer = client_for(alice)
    for stranger in (charlie, fajar):
        page = officer.post(
            f"/kasus/{reported_case.pk}/penanggung-jawab/",
            {"version": reported_case.version, "officer": stranger.pk},
            follow=True,
        )
        assert "Hanya petugas Bawaslu aktif" in page.content.decode()
    reported_case.refresh_from_db()
    assert reported_case.assigned_to == alice
    assert not mail.outbox


def test_the_assignment_form_lists_only_officers_who_reach_the_case(
    client_for, alice, bob, charlie, reported_case
):
    page = client_for(alice).get(f"/kasus/{reported_case.pk}/").content.decode()
    assert f'<option value="{bob.pk}"' in page
    assert f'<option value="{charlie.pk}"' not in page
