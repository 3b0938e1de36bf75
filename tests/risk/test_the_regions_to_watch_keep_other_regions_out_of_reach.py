"""The regions-to-watch list and a region's explanation keep to the user's reach: Kota Jambi's
officer sees only its own region and gets 404 for Jember's (as for anything out of reach), a
provincial officer sees its regencies and cities and no other province's, and the roles that
do not follow case handling (the PPK, the BKPSDM, a district supervisor) get 404 for both
pages. No one signed in is sent to sign in."""

import pytest

from netra.risk import refresh

from .risk_data import WATCH, election, ikp


@pytest.fixture
def risk(admin):
    ikp(admin, [("35.09", "80", "tinggi"), ("15.71", "60", "sedang"), ("35.10", "40", "sedang")])
    refresh.recompute(election())


def test_kota_jambi_sees_its_own_region_only(client_for, charlie, risk):
    response = client_for(charlie).get(WATCH, {"pemilihan": "pilkada-2024"})

    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-region="15.71"' in html
    assert 'data-region="35.09"' not in html and "Jember" not in html


@pytest.mark.parametrize(
    "path, query",
    [
        ("/staf/risiko/35.09/", {"pemilihan": "pilkada-2024"}),
        ("/staf/risiko/35/", {}),
        (WATCH, {"wilayah": "35.09"}),
        (WATCH, {"wilayah": "35"}),
    ],
)
def test_kota_jambi_gets_404_for_jember_and_its_province(client_for, charlie, risk, path, query):
    assert client_for(charlie).get(path, query).status_code == 404


def test_a_provincial_officer_sees_its_regencies_and_no_other_province(client_for, dewi, risk):
    signed_in = client_for(dewi)

    html = signed_in.get(WATCH, {"pemilihan": "pilkada-2024"}).content.decode()
    assert 'data-region="35.09"' in html and 'data-region="35.10"' in html
    assert 'data-region="15.71"' not in html
    assert signed_in.get("/staf/risiko/35.09/").status_code == 200
    assert signed_in.get("/staf/risiko/35/").status_code == 200
    assert signed_in.get("/staf/risiko/15.71/").status_code == 404


@pytest.mark.parametrize("persona", ["hadi", "fajar"])
@pytest.mark.parametrize("path", [WATCH, "/staf/risiko/35.09/"])
def test_roles_outside_case_handling_get_404(client_for, request, risk, persona, path):
    assert client_for(request.getfixturevalue(persona)).get(path).status_code == 404


def test_a_district_supervisor_gets_404(client_for, make_user, risk):
    wulan = make_user("wulan", "panwascam", ["35.09.01"])
    assert client_for(wulan).get(WATCH).status_code == 404


@pytest.mark.parametrize(
    "path", ["/staf/risiko/35.09.01/", "/staf/risiko/99.99/", WATCH + "?pemilihan=tidak-ada"]
)
def test_what_names_no_region_or_election_is_404(client_for, gita, risk, path):
    assert client_for(gita).get(path).status_code == 404


def test_no_one_signed_in_is_sent_to_sign_in(client, risk):
    response = client.get(WATCH)
    assert response.status_code == 302 and "/akun/masuk/" in response["Location"]
