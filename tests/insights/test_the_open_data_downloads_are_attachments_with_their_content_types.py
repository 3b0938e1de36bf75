"""Each open-data file is an attachment named after the election, the level and the day,
with its content type, and never sniffed into something else."""

import pytest
from django.urls import path
from django.utils import timezone

import netra.urls
from netra.insights import exports, refresh

urlpatterns = [
    path("statistik/unduh/<str:fmt>/", exports.download, name="open_data"),
    *netra.urls.urlpatterns,
]
pytestmark = pytest.mark.urls(__name__)

TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json; charset=utf-8",
}


@pytest.mark.parametrize("fmt", sorted(TYPES))
def test_each_file_is_an_attachment_named_by_election_level_and_day(client, reference, fmt):
    refresh.refresh_all()
    response = client.get(
        f"/statistik/unduh/{fmt}/", {"pemilihan": "pemilu-2024", "tingkat": "province"}
    )
    assert response.status_code == 200
    assert response["Content-Type"] == TYPES[fmt]
    assert response["X-Content-Type-Options"] == "nosniff"
    day = timezone.localdate().strftime("%Y%m%d")
    assert response["Content-Disposition"] == (
        f'attachment; filename="netra-statistik-pemilu-2024-province-{day}.{fmt}"'
    )


def test_without_a_level_the_file_holds_the_provinces(client, reference):
    response = client.get("/statistik/unduh/csv/", {"pemilihan": "pemilu-2024"})
    assert response.status_code == 200
    assert "-province-" in response["Content-Disposition"]
    assert len(response.content.decode("utf-8").splitlines()) == 1 + 38
