"""ninja's own refusals answer like the handlers' (found by schemathesis): 401 not signed in,
403 a signed-in change without the CSRF token, 422 input that does not match the schema, 400 a
body that is not JSON; each with `detail` and `code`."""

from django.test import Client


def test_no_one_signed_in_gets_401_with_a_code(client, reference):
    response = client.get("/api/v1/cases")
    assert response.status_code == 401
    assert response.json() == {"detail": "Masuk terlebih dahulu.", "code": "not_signed_in"}


def test_a_signed_in_change_without_the_csrf_token_gets_403_with_a_code(alice):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(alice)
    response = browser.post("/api/v1/cases/1/notes", {"text": "x"}, content_type="application/json")
    assert response.status_code == 403
    assert response.json()["code"] == "csrf_failed"


def test_input_that_does_not_match_the_schema_gets_422_with_a_code_and_the_issues(
    client_for, alice
):
    response = client_for(alice).get("/api/v1/cases", {"limit": "many"})
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "invalid_input" and isinstance(body["detail"], str)
    assert body["errors"][0]["loc"] == ["query", "limit"]


def test_a_body_that_is_not_json_gets_400_with_a_code(client_for, alice):
    response = client_for(alice).post(
        "/api/v1/cases/1/notes", "{not json", content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["code"] == "unreadable_body"
