"""A download of an election nobody knows, or in a format Netra does not write, is the 404
page; a level other than province or regency is the page that says the request was not
understood, with 422. Pages, not JSON: the links are followed in a browser."""

import pytest
from django.urls import path

import netra.urls
from netra.insights import exports

urlpatterns = [
    path("statistik/unduh/<str:fmt>/", exports.download, name="open_data"),
    *netra.urls.urlpatterns,
]
pytestmark = pytest.mark.urls(__name__)


@pytest.mark.parametrize(
    ("address", "query"),
    [
        ("/statistik/unduh/csv/", {"pemilihan": "pilkada-1999", "tingkat": "province"}),
        ("/statistik/unduh/csv/", {"tingkat": "province"}),
        ("/statistik/unduh/pdf/", {"pemilihan": "pilkada-2024", "tingkat": "province"}),
    ],
)
def test_an_unknown_election_or_format_is_the_404_page(client, reference, address, query):
    response = client.get(address, query)
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
    assert "Content-Disposition" not in response


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_an_unknown_level_is_a_422_page(client, reference, fmt):
    response = client.get(
        f"/statistik/unduh/{fmt}/", {"pemilihan": "pilkada-2024", "tingkat": "district"}
    )
    assert response.status_code == 422
    assert response["Content-Type"].startswith("text/html")
    assert "Content-Disposition" not in response
