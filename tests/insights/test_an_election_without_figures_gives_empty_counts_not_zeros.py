"""Netra knows only the cases handled in it. For an election none of whose cases has been
summed, a zero would read as "no reports": the API and the files give every count empty
(null in JSON) and say that there are no figures yet."""

import csv
import io
import json

import pytest
from django.urls import path

import netra.urls
from netra.cases import actions
from netra.insights import exports, refresh
from netra.insights.public import FIELD_NAMES
from netra.regions.models import Election, Region

urlpatterns = [
    path("statistik/unduh/<str:fmt>/", exports.download, name="open_data"),
    *netra.urls.urlpatterns,
]
pytestmark = pytest.mark.urls(__name__)


@pytest.fixture
def another_election_has_figures(charlie):
    election = Election.objects.get(code="pilkada-2020")
    actions.open_finding(
        charlie, election=election, region=Region.objects.get(code="15.71"), summary="Temuan"
    )
    refresh.refresh_all()


def test_the_api_says_there_are_no_figures_and_gives_every_count_as_null(
    client, another_election_has_figures
):
    answer = client.get("/api/v1/statistics", {"election": "pilkada-2024"}).json()
    assert answer["has_figures"] is False
    assert answer["rows"]
    for row in answer["rows"]:
        assert all(row[name] is None for name in (*FIELD_NAMES, "median_days_to_decree"))
        assert row["suppressed"] == [] and row["marks"] == {}


def test_the_files_leave_the_counts_empty_and_say_why(client, another_election_has_figures):
    query = {"pemilihan": "pilkada-2024", "tingkat": "province"}
    text = client.get("/statistik/unduh/csv/", query).content.decode("utf-8")
    lines = list(csv.reader(io.StringIO(text)))[1:]
    assert lines and all(line[3:] == [""] * (len(FIELD_NAMES) + 1) for line in lines)
    document = json.loads(client.get("/statistik/unduh/json/", query).content)
    assert document["has_figures"] is False
    assert document["meta"]["coverage"].startswith("Belum ada kasus")
