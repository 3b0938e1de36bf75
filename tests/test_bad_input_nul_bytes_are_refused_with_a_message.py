"""A NUL character (0x00) in any text is refused with a 400 and a message; files may hold NULs.

Before the fix, on PostgreSQL every one of these reached a query and answered 500
("PostgreSQL text fields cannot contain NUL (0x00) bytes"); on SQLite the NUL was saved.
"""

import io

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from netra.cases.models import CaseEvent
from netra.reports.models import Submission

from .reports.helpers import report_data

ID_MESSAGE = "karakter kontrol tak terlihat"
EN_MESSAGE = "invisible control character"


def png_bytes():
    out = io.BytesIO()
    Image.new("RGB", (8, 8), (0, 0, 0)).save(out, format="PNG")
    return out.getvalue()


@pytest.fixture
def public(reference):
    return Client()


def test_it_refuses_a_nul_in_the_public_report_form_and_saves_nothing(public):
    response = public.post("/lapor/", report_data(description="Foto bersama\x00 calon"))
    assert response.status_code == 400
    assert ID_MESSAGE in response.content.decode()
    assert not Submission.objects.exists()


def test_the_message_follows_the_chosen_language(public):
    public.cookies["django_language"] = "en"
    response = public.post("/lapor/", report_data(place="Balai\x00desa"))
    assert response.status_code == 400 and EN_MESSAGE in response.content.decode()


def test_it_refuses_a_nul_in_a_query_string_and_in_a_path(public):
    for url in (
        "/lapor/kecamatan/?region=%00",
        "/wilayah/35%0009/",
        "/api/v1/regions?parent=%00",
        "/api/v1/regions/%00",
    ):
        response = public.get(url)
        assert response.status_code == 400, url
    assert response.json()["code"] == "nul_byte"


def test_it_refuses_a_nul_in_a_staff_note_that_no_form_checks(client_for, alice, reported_case):
    response = client_for(alice).post(
        f"/kasus/{reported_case.pk}/catatan/", {"text": "Saksi\x00 kedua"}
    )
    assert response.status_code == 400 and ID_MESSAGE in response.content.decode()
    assert not CaseEvent.objects.filter(kind="note").exists()


def test_the_api_answers_json_with_a_code_for_an_escaped_nul(client_for, alice, reported_case):
    response = client_for(alice).post(
        f"/api/v1/cases/{reported_case.pk}/notes",
        {"text": "Saksi \u0000 kedua"},
        content_type="application/json",
    )
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "nul_byte" and body["field"] == "text"
    assert ID_MESSAGE in body["detail"]
    assert not CaseEvent.objects.filter(kind="note").exists()


def test_a_nul_deep_in_a_json_body_or_in_a_key_is_found(client_for, alice, reference):
    staff = client_for(alice)
    nested = {"source": "Pantauan", "texts": [{"id": "1", "text": "Dukung\u0000 paslon 2"}]}
    response = staff.post("/api/v1/monitoring/texts", nested, content_type="application/json")
    assert response.status_code == 400 and response.json()["field"] == "text"
    response = staff.post(
        "/api/v1/monitoring/texts",
        '{"so\\u0000urce": "x", "texts": []}',
        content_type="application/json",
    )
    assert response.status_code == 400 and response.json()["code"] == "nul_byte"


def test_an_escaped_backslash_before_u0000_is_only_text(client_for, alice, reported_case):
    # JSON "\\u0000" is a backslash and five characters, not a NUL: that note is saved.
    response = client_for(alice).post(
        f"/api/v1/cases/{reported_case.pk}/notes",
        '{"text": "jalur C:\\\\u0000"}',
        content_type="application/json",
    )
    assert response.status_code == 200
    assert CaseEvent.objects.get(kind="note").text == "jalur C:\\u0000"


def test_a_multipart_api_field_with_a_nul_answers_json(public):
    response = public.post("/api/v1/reports", report_data(person_name="Ahmad\x00 Fauzi"))
    assert response.status_code == 400 and response.json()["code"] == "nul_byte"
    assert not Submission.objects.exists()


def test_files_full_of_nul_bytes_are_still_accepted(public):
    photo = png_bytes()
    assert b"\x00" in photo
    response = public.post(
        "/lapor/",
        report_data(evidence=[SimpleUploadedFile("bukti.png", photo, content_type="image/png")]),
    )
    assert response.status_code == 302
    assert Submission.objects.get().evidence.count() == 1


def test_a_nul_in_a_file_name_is_dropped_by_django_and_the_report_filed(public):
    upload = SimpleUploadedFile("bukti\x00.png", png_bytes(), content_type="image/png")
    assert public.post("/lapor/", report_data(evidence=[upload])).status_code == 302
    assert Submission.objects.get().evidence.count() == 1


def test_with_csrf_enforced_the_refusal_still_carries_the_message(reference):
    browser = Client(enforce_csrf_checks=True)
    browser.get("/lapor/status/")  # as a browser does: the page first, with its CSRF cookie
    token = browser.cookies[settings.CSRF_COOKIE_NAME].value
    response = browser.post("/lapor/status/", {"receipt": "1234\x00", "csrfmiddlewaretoken": token})
    assert response.status_code == 400 and ID_MESSAGE in response.content.decode()


def test_a_session_cookie_holding_a_nul_is_ignored(public):
    public.cookies["sessionid"] = "abcdefgh\x00ijklmnop"
    assert public.get("/lapor/status/").status_code == 200
