"""The statistics and the open-data files read the cached public table: once it is built, an
answer costs the same few queries (the election and the table's freshness) whatever the
number of rows."""

import pytest
from django.urls import path

import netra.urls
from netra.insights import exports, refresh

# The download's route as the insights urls add it (they are not this test's to edit).
urlpatterns = [
    path("statistik/unduh/<str:fmt>/", exports.download, name="open_data"),
    *netra.urls.urlpatterns,
]
pytestmark = pytest.mark.urls(__name__)


def test_the_regencies_cost_a_few_queries_in_the_api_and_in_every_file(
    client, reference, django_assert_max_num_queries
):
    refresh.refresh_all()
    query = {"election": "pilkada-2024", "level": "regency"}
    assert client.get("/api/v1/statistics", query).status_code == 200  # builds the table
    with django_assert_max_num_queries(3):
        assert len(client.get("/api/v1/statistics", query).json()["rows"]) == 514
    for fmt in exports.FORMATS:
        with django_assert_max_num_queries(3):
            response = client.get(
                f"/statistik/unduh/{fmt}/", {"pemilihan": "pilkada-2024", "tingkat": "regency"}
            )
            assert response.status_code == 200
