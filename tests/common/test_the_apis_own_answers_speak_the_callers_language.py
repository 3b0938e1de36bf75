"""The API's own answers (not found, not signed in, an unknown region or election, a throttled
or broken submission) carry a code for programs and a text in the caller's language:
Bahasa Indonesia unless the caller asks for English."""

import pytest


@pytest.mark.django_db
def test_an_unknown_region_is_answered_in_indonesian_by_default(client):
    response = client.get("/api/v1/regions/35.99")
    assert response.status_code == 404
    assert response.json() == {
        "detail": "Tidak ada wilayah dengan kode 35.99.",
        "code": "unknown_region",
    }


@pytest.mark.django_db
def test_an_unknown_region_is_answered_in_english_when_the_caller_asks(client):
    response = client.get("/api/v1/regions/35.99", headers={"accept-language": "en"})
    assert response.json() == {
        "detail": "There is no region with the code 35.99.",
        "code": "unknown_region",
    }


@pytest.mark.django_db
def test_a_missing_api_address_answers_not_found_with_a_code_in_both_languages(client):
    indonesian = client.get("/api/v1/tidak-ada")
    english = client.get("/api/v1/tidak-ada", headers={"accept-language": "en"})
    assert indonesian.status_code == english.status_code == 404
    assert indonesian.json()["code"] == english.json()["code"] == "not_found"
    assert indonesian.json()["detail"] == "Tidak ditemukan, atau di luar jangkauan Anda."
    assert english.json()["detail"] == "Not found, or outside your reach."


@pytest.mark.django_db
def test_an_unknown_receipt_code_is_answered_in_the_callers_language(client):
    body = {"receipt": "AAAA-BBBB-CCCC-DDDD"}
    indonesian = client.post("/api/v1/reports/status", body, content_type="application/json")
    english = client.post(
        "/api/v1/reports/status",
        body,
        content_type="application/json",
        headers={"accept-language": "en"},
    )
    assert indonesian.status_code == 404, indonesian.content
    assert indonesian.json() == {
        "detail": "Tidak ada laporan dengan kode tanda terima ini.",
        "code": "unknown_receipt",
    }
    assert english.json()["detail"] == "No report has this receipt code."


def test_every_answer_of_the_catalog_has_an_indonesian_text():
    from django.utils import translation

    from netra.common.refusals import API_ANSWERS

    def texts(language):
        with translation.override(language):
            return {code: str(text) for code, text in API_ANSWERS.items()}

    indonesian, english = texts("id"), texts("en")
    assert [code for code in API_ANSWERS if indonesian[code] == english[code]] == []
