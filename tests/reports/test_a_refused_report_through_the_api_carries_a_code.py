"""POST /api/v1/reports refuses with a `code` like the rest of the API, and a request refused
whole (a NUL character) answers the documented 400 too (found by schemathesis: its 400 had no
`errors` and the document required them)."""

from .helpers import report_data


def test_a_report_with_field_errors_answers_400_invalid_submission(client, reference):
    response = client.post("/api/v1/reports", report_data(known_date="2099-01-01"))
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid_submission" and "known_date" in body["errors"]


def test_a_report_with_a_nul_character_answers_400_nul_byte(client, reference):
    response = client.post("/api/v1/reports", report_data(person_name="Siti\x00"))
    assert response.status_code == 400
    assert response.json()["code"] == "nul_byte"
