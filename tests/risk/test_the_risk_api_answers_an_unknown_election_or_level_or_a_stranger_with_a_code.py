"""An unknown election answers 404 and a level other than province or regency 422, both JSON
with a `code`; a signed-in role that does not follow case handling (the PPK, the BKPSDM) gets
404 as if there were no such endpoint, and no one signed in gets 401."""

import pytest

PATH = "/api/v1/risk"


def test_an_unknown_election_answers_404_with_a_code(client_for, gita):
    response = client_for(gita).get(PATH, {"election": "pilkada-2099"})

    assert response.status_code == 404
    assert response.json() == {
        "detail": "Tidak ada pemilihan dengan kode pilkada-2099.",
        "code": "unknown_election",
    }


@pytest.mark.parametrize("level", ["district", "national", "", "PROVINCE"])
def test_a_level_other_than_province_or_regency_answers_422_with_a_code(client_for, gita, level):
    response = client_for(gita).get(PATH, {"election": "pilkada-2024", "level": level})

    assert response.status_code == 422
    assert response.json()["code"] == "unknown_level"


@pytest.mark.parametrize("persona", ["hadi", "fajar"])
def test_the_ppk_and_its_personnel_agency_get_404(client_for, request, persona):
    response = client_for(request.getfixturevalue(persona)).get(PATH, {"election": "pilkada-2024"})

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_no_one_signed_in_gets_401(client, reference):
    assert client.get(PATH, {"election": "pilkada-2024"}).status_code == 401
