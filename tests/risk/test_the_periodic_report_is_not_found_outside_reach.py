"""The periodic report exists only for those who follow case handling, for the regions they
reach: an officer of another region, a role without the statistics, an unknown region, a
district or an unknown election get 404; a visitor is sent to sign in."""

import pytest

URL = "/staf/risiko/{code}/laporan/?dari=2024-10-01&sampai=2024-10-31"


def test_an_officer_of_another_region_gets_404(client_for, charlie):
    assert client_for(charlie).get(URL.format(code="35.09")).status_code == 404
    assert client_for(charlie).get(URL.format(code="35")).status_code == 404
    assert client_for(charlie).get(URL.format(code="15.71")).status_code == 200


@pytest.mark.parametrize("persona", ["fajar", "hadi"])
def test_a_role_without_the_statistics_gets_404(request, client_for, persona):
    user = request.getfixturevalue(persona)
    assert client_for(user).get(URL.format(code="35.09")).status_code == 404


def test_a_province_officer_reaches_its_regencies_and_a_national_one_all(client_for, dewi, gita):
    assert client_for(dewi).get(URL.format(code="35.09")).status_code == 200
    assert client_for(dewi).get(URL.format(code="15")).status_code == 404
    assert client_for(gita).get(URL.format(code="15")).status_code == 200


def test_unknown_regions_districts_and_elections_are_not_found(client_for, alice):
    client = client_for(alice)
    assert client.get(URL.format(code="99.99")).status_code == 404
    assert client.get(URL.format(code="35.09.01")).status_code == 404
    assert client.get(URL.format(code="35.09") + "&pemilihan=tidak-ada").status_code == 404
    assert client.get(URL.format(code="35.09") + "&pemilihan=pilkada-2024").status_code == 200


def test_a_visitor_is_sent_to_sign_in(client):
    response = client.get(URL.format(code="35.09"))
    assert response.status_code == 302 and "/masuk/" in response["Location"]
