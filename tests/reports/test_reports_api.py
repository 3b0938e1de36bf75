from netra.reports.models import Submission

from .helpers import photo_with_gps, report_data


def post_report(client, files=(), **overrides):
    data = report_data(**overrides)
    if files:
        data["evidence"] = list(files)
    return client.post("/api/v1/reports", data)


def test_a_report_is_filed_through_the_api_with_a_photo(client):
    response = post_report(client, files=[photo_with_gps()])
    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "received" and body["kind"] == "report"
    assert len(body["receipt"]) == 20
    assert Submission.objects.get().evidence.count() == 1


def test_anonymous_information_through_the_api(client):
    response = post_report(
        client,
        anonymous="true",
        reporter_name="",
        reporter_address="",
        reporter_nik="",
        reporter_phone="",
        reporter_email="",
    )
    assert response.status_code == 201 and response.json()["kind"] == "information"


def test_bad_input_answers_400_with_field_errors(client):
    response = post_report(client, known_date="2099-01-01", reporter_nik="123")
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert set(errors) == {"known_date", "reporter_nik"}
    assert not Submission.objects.exists()


def test_an_oversized_file_answers_413(client, settings):
    settings.NETRA_EVIDENCE_MAX_BYTES = 100
    response = post_report(client, files=[photo_with_gps()])
    assert response.status_code == 413
    assert "evidence" in response.json()["errors"]


def test_flooding_answers_429(client, settings):
    settings.NETRA_SUBMISSIONS_PER_HOUR = 1
    assert post_report(client).status_code == 201
    assert post_report(client).status_code == 429


def test_the_status_is_asked_with_the_code_in_the_body(client, alice):
    from netra.reports import actions

    receipt = post_report(client).json()["receipt"]
    actions.ask_reporter(alice, Submission.objects.get(), "Siapa saksi yang melihat?")
    response = client.post(
        "/api/v1/reports/status", {"receipt": receipt}, content_type="application/json"
    )
    assert response.status_code == 200
    assert response.json()["status"] == "needs_information"
    assert response.json()["questions"] == ["Siapa saksi yang melihat?"]
    unknown = client.post(
        "/api/v1/reports/status", {"receipt": "0" * 20}, content_type="application/json"
    )
    assert unknown.status_code == 404


def test_the_reports_api_is_in_the_openapi_schema(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/reports" in paths and "/api/v1/reports/status" in paths
