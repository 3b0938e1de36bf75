"""A national role (BKN, Bawaslu RI, the administrator) opens on the nation: every office's
cases added up, exactly, and every office listed; it may look into any region."""

import pytest

from netra.insights import refresh

from .staff_page import PATH, cell, has, open_finding


@pytest.fixture
def cases(alice, charlie, dewi):
    for number in range(2):
        open_finding(alice, "35.09", f"Jember {number}")
    open_finding(charlie, "15.71", "Jambi")
    open_finding(dewi, "35", "Kantor provinsi")
    refresh.refresh_all()


@pytest.mark.parametrize("persona", ["gita", "admin"])
def test_it_shows_the_nation_with_every_office(client_for, request, cases, persona):
    response = client_for(request.getfixturevalue(persona)).get(PATH, {"pemilihan": "pilkada-2024"})

    assert response.status_code == 200
    assert response.context["region"] is None
    html = response.content.decode()
    assert cell(html, "stage", "received") == "4"
    offices = {office["code"]: office["received"] for office in response.context["offices"]}
    # The provincial office's own case is listed apart from its regencies'.
    assert offices == {"35.09": 2, "15.71": 1, "35": 1}
    assert has(html, "office", "35.09") and has(html, "office", "15.71")


def test_it_looks_into_any_region(client_for, gita, cases):
    response = client_for(gita).get(PATH, {"wilayah": "15.71", "pemilihan": "pilkada-2024"})

    assert response.status_code == 200
    assert cell(response.content.decode(), "stage", "received") == "1"
    province = client_for(gita).get(PATH, {"wilayah": "35", "pemilihan": "pilkada-2024"})
    assert cell(province.content.decode(), "stage", "received") == "3"
