"""Item 6 of issue 13: every refusal on a case form says what is wrong next to the field and
keeps what was entered. Before, each of these redirected to the case page with (at best) one
message at the top, and everything typed was gone."""

import re

import pytest

from .test_case_handling import open_case, submission  # noqa: F401


def field_error(page, field_id):
    """The error paragraph that stands right after FIELD_ID's input, or None."""
    found = re.search(
        rf'id="{re.escape(field_id)}"[^>]*>[^<]*(?:</textarea>|</select>)?\s*'
        rf'<p class="error" role="alert" id="{re.escape(field_id)}-error">([^<]+)</p>',
        page,
    )
    return found.group(1) if found else None


@pytest.fixture
def officer_case(client_for, alice, submission):  # noqa: F811
    officer = client_for(alice)
    return officer, open_case(officer, submission)


def test_a_step_without_its_reason_says_so_by_the_reason(officer_case):
    officer, case = officer_case
    officer.post(f"/kasus/{case.pk}/langkah/", {"target": "initial_study", "version": case.version})
    case.refresh_from_db()
    response = officer.post(
        f"/kasus/{case.pk}/langkah/",
        {"target": "not_registered", "version": case.version, "reason": " "},
    )
    assert response.status_code == 200
    assert "Tulis alasannya" in field_error(response.content.decode(), "reason")


def test_an_empty_note_says_so_by_the_note(officer_case):
    officer, case = officer_case
    response = officer.post(f"/kasus/{case.pk}/catatan/", {"text": "  "})
    assert response.status_code == 200
    assert field_error(response.content.decode(), "note-text")


def test_an_attachment_without_a_file_keeps_its_title(officer_case):
    officer, case = officer_case
    response = officer.post(f"/kasus/{case.pk}/lampiran/", {"title": "Tangkapan layar grup"})
    page = response.content.decode()
    assert response.status_code == 200
    assert 'value="Tangkapan layar grup"' in page
    assert field_error(page, "attachment-file")


def test_a_hearing_without_its_place_keeps_the_name_and_says_so_by_the_place(officer_case):
    officer, case = officer_case
    response = officer.post(
        f"/kasus/{case.pk}/klarifikasi/",
        {"party": "witness", "name": "Siti Aminah", "scheduled_at": "2024-10-10T09:00"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert 'value="Siti Aminah"' in page
    place = page.split('name="place"', 1)[1].split("</div>", 1)[0]
    assert 'class="error"' in place


def test_an_invitation_without_its_recipient_keeps_the_place(officer_case):
    officer, case = officer_case
    response = officer.post(
        f"/kasus/{case.pk}/dokumen/", {"kind": "invitation", "place": "Kantor Bawaslu Jember"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert 'value="Kantor Bawaslu Jember"' in page
    recipient = page.split('name="recipient"', 1)[1].split("</div>", 1)[0]
    assert 'class="error"' in recipient


def test_a_reported_person_without_a_name_keeps_the_agency(officer_case):
    officer, case = officer_case
    response = officer.post(
        f"/kasus/{case.pk}/terlapor/",
        {"version": case.version, "subject_type": "pns", "agency": "Dinas Pendidikan"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert 'value="Dinas Pendidikan"' in page
    assert 'class="error"' in page.split('id="id_name"', 1)[1].split("</div>", 1)[0]
