"""GET /api/v1/risk?election=CODE gives one row per region within the caller's reach, highest
score first: its code, name, score (or null), each component (a value or null) and the
components it misses; a national officer gets every regency and city of the election, a
regency's officer its own, a province's officer its regencies and cities; level=province
gives the provinces."""

import pytest

from netra.risk import refresh

from .risk_data import election, figures, ikp

PATH = "/api/v1/risk"


@pytest.fixture
def risk(admin):
    ikp(admin, [("35.09", "80", "tinggi"), ("35.10", "20", "rendah"), ("15.71", "60", "sedang")])
    figures("pilkada-2024", {"35.09": (10, 5), "35.10": (10, 1)})
    refresh.recompute(election())


def test_a_national_officer_gets_every_regency_and_city_with_the_documented_fields(
    client_for, gita, risk
):
    body = client_for(gita).get(PATH, {"election": "pilkada-2024"}).json()

    assert body["election"] == "pilkada-2024" and body["level"] == "regency"
    assert len(body["rows"]) == 514
    first = body["rows"][0]
    assert first == {
        "code": "35.09",
        "name": "Kabupaten Jember",
        "level": "regency",
        "score": 85.0,  # (3 * 80 + 100) / 4
        "band": "high",
        "components": {
            "ikp": 80.0,
            "prevention": None,
            "flags": None,
            "reports": None,
            "overdue": 100.0,
            "ppk": None,
        },
        "missing": ["prevention", "flags", "reports", "ppk"],
    }
    assert body["rows"][-1]["score"] is None  # no score last, never 0
    assert body["ikp_release"]["fictional"] is False
    assert body["weights"]["ikp"] == 3


def test_a_regency_officer_gets_its_own_row_only(client_for, alice, risk):
    body = client_for(alice).get(PATH, {"election": "pilkada-2024"}).json()

    assert [row["code"] for row in body["rows"]] == ["35.09"]


def test_a_provincial_officer_gets_its_regencies_and_cities_or_its_province(client_for, dewi, risk):
    signed_in = client_for(dewi)

    regencies = signed_in.get(PATH, {"election": "pilkada-2024"}).json()["rows"]
    provinces = signed_in.get(PATH, {"election": "pilkada-2024", "level": "province"}).json()

    assert len(regencies) == 38 and all(row["code"].startswith("35.") for row in regencies)
    assert [row["code"] for row in provinces["rows"]] == ["35"]
    assert provinces["rows"][0]["components"]["ikp"] == 50.0  # its regencies' mean
