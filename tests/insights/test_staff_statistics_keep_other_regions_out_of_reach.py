"""An office sees only its own reach: Kota Jambi's officer neither sees Jember's figures nor
can ask for them (404, as for any object out of reach), a provincial officer reaches the
regencies of the province and no other; a code that names no province, regency or city, and an
election that does not exist, are 404 too."""

import pytest

from netra.insights import refresh

from .staff_page import PATH, cell, has, open_finding


@pytest.fixture
def cases(alice, charlie):
    for number in range(3):
        open_finding(alice, "35.09", f"Jember {number}")
    open_finding(charlie, "15.71", "Jambi")
    refresh.refresh_all()


def test_it_shows_kota_jambi_only_its_own_case(client_for, charlie, cases):
    response = client_for(charlie).get(PATH, {"pemilihan": "pilkada-2024"})

    assert response.status_code == 200
    assert response.context["region"].code == "15.71"
    html = response.content.decode()
    assert cell(html, "stage", "received") == "1"
    assert not has(html, "office", "35.09")
    assert [code for code, _name in response.context["regions"]] == ["15.71"]


def test_it_answers_404_when_kota_jambi_asks_for_jember(client_for, charlie, cases):
    response = client_for(charlie).get(PATH, {"wilayah": "35.09", "pemilihan": "pilkada-2024"})

    assert response.status_code == 404


@pytest.mark.parametrize("code", ["35", "15", "35.78"])
def test_it_answers_404_for_the_province_or_a_neighbour_of_a_regency_office(
    client_for, alice, cases, code
):
    assert client_for(alice).get(PATH, {"wilayah": code}).status_code == 404


def test_a_provincial_officer_reaches_its_regencies_but_no_other_province(client_for, dewi, cases):
    signed_in = client_for(dewi)

    own = signed_in.get(PATH, {"pemilihan": "pilkada-2024"})
    assert own.context["region"].code == "35"
    assert cell(own.content.decode(), "stage", "received") == "3"
    jember = signed_in.get(PATH, {"wilayah": "35.09", "pemilihan": "pilkada-2024"})
    assert jember.status_code == 200
    assert cell(jember.content.decode(), "stage", "received") == "3"
    assert signed_in.get(PATH, {"wilayah": "15.71"}).status_code == 404


@pytest.mark.parametrize(
    "query",
    [{"wilayah": "35.09.01"}, {"wilayah": "99.99"}, {"pemilihan": "tidak-ada"}],
    ids=["a district", "no such region", "no such election"],
)
def test_it_answers_404_for_what_names_no_office_or_election(client_for, alice, cases, query):
    assert client_for(alice).get(PATH, query).status_code == 404
