"""A level other than province or regency answers 422 with a JSON error that carries a
`code`, as the API's refusals do (not the bare validation error of the framework); the level
may be left out (the provinces)."""

import pytest


@pytest.mark.parametrize("level", ["district", "national", "", "PROVINCE"])
def test_a_level_other_than_province_or_regency_answers_422_with_a_code(client, reference, level):
    response = client.get("/api/v1/statistics", {"election": "pilkada-2024", "level": level})
    assert response.status_code == 422
    assert response.json() == {
        "detail": "Tingkatnya provinsi atau kabupaten/kota.",
        "code": "unknown_level",
    }


def test_without_a_level_it_gives_the_provinces(client, reference):
    response = client.get("/api/v1/statistics", {"election": "pilkada-2024"})
    assert response.status_code == 200
    assert response.json()["level"] == "province" and len(response.json()["rows"]) == 38
