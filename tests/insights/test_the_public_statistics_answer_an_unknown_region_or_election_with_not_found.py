"""A region code or an election that does not exist is the site's own 404 page, never a 500;
a real region before any figure exists says that there are none yet."""

import pytest

from netra.insights import refresh

from .public_page import findings


@pytest.mark.parametrize(
    "path, query",
    [
        ("/statistik/99/", {}),
        ("/statistik/35.99/", {}),
        ("/statistik/", {"pemilihan": "tidak-ada"}),
        ("/statistik/35/", {"pemilihan": "tidak-ada"}),
        ("/statistik/papan-pengumuman/", {"halaman": "x"}),
        ("/statistik/papan-pengumuman/", {"halaman": "0"}),
        ("/statistik/papan-pengumuman/", {"halaman": "99999999999999999999"}),
    ],
)
def test_it_answers_not_found(client, alice, path, query):
    findings(alice, "35.09", 1)
    refresh.refresh_all()

    response = client.get(path, query)

    assert response.status_code == 404
    assert "404.html" in [template.name for template in response.templates]


def test_a_region_before_any_figure_says_there_are_none_yet(client, db):
    response = client.get("/statistik/35.09/")

    assert response.status_code == 200
    assert 'id="no-figures"' in response.content.decode()
    assert client.get("/statistik/").status_code == 200


def test_an_election_without_any_case_says_so_rather_than_showing_zeros(client, alice):
    findings(alice, "35.09", 6)  # pilkada-2024 has figures; pemilu-2024 none
    refresh.refresh_all()

    national = client.get("/statistik/", {"pemilihan": "pemilu-2024"}).content.decode()
    regional = client.get("/statistik/35.09/", {"pemilihan": "pemilu-2024"}).content.decode()

    for html in (national, regional):
        assert 'id="no-figures"' in html
        assert 'id="funnel"' not in html
        assert 'value="pilkada-2024"' in html  # the other election, one choice away
