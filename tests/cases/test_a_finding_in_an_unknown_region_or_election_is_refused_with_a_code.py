"""POST /api/v1/cases refuses with a `code` like every change (found by schemathesis: its 400s
had none)."""

import pytest


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"election": "pilkada-2024", "region": "15.71", "summary": "x"}, "unknown_region"),
        ({"election": "pilkada-1999", "region": "35.09", "summary": "x"}, "unknown_election"),
        ({"election": "pilkada-2024", "region": "35.09", "summary": " "}, "summary_required"),
    ],
)
def test_a_refused_finding_answers_400_with_its_code(client_for, alice, body, code):
    response = client_for(alice).post("/api/v1/cases", body, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["code"] == code


def test_a_region_code_of_the_wrong_shape_is_refused_as_invalid_input(client_for, alice):
    body = {"election": "pilkada-2024", "region": "Jember", "summary": "x"}
    response = client_for(alice).post("/api/v1/cases", body, content_type="application/json")
    assert response.status_code == 422 and response.json()["code"] == "invalid_input"
