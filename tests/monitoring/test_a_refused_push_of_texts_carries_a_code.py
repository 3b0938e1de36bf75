"""POST /api/v1/monitoring/texts refuses with a `code` (found by schemathesis: none before)."""

import pytest


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"source": "Alat", "texts": []}, "texts_required"),
        ({"source": "Alat", "texts": [{"id": " ", "text": "x"}]}, "text_incomplete"),
        (
            {
                "source": "Alat",
                "texts": [{"id": "1", "text": "x", "published": "1999-01-01T00:00"}],
            },
            "date_range",
        ),
    ],
)
def test_a_refused_push_answers_400_with_its_code(client_for, alice, body, code):
    response = client_for(alice).post(
        "/api/v1/monitoring/texts", body, content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["code"] == code


def test_a_national_officer_who_names_no_region_is_asked_for_one_with_a_code(client_for, make_user):
    eko = make_user("eko", "bawaslu_ri")
    body = {"source": "Alat", "texts": [{"id": "1", "text": "x"}]}
    response = client_for(eko).post(
        "/api/v1/monitoring/texts", body, content_type="application/json"
    )
    assert response.status_code == 400 and response.json()["code"] == "choose_region"
