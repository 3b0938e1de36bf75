"""Opened from an election's statistics, the data dictionary's links lead back to that
election, not to the default one; it says when the roster behind the rates was counted."""

import re

from netra.cases import actions
from netra.insights import refresh
from netra.regions.models import Election, Region


def test_its_links_keep_the_election_and_it_dates_the_roster(client, charlie):
    election = Election.objects.get(code="pilkada-2020")
    actions.open_finding(
        charlie, election=election, region=Region.objects.get(code="15.71"), summary="Temuan"
    )
    refresh.refresh_all()
    statistics = client.get("/statistik/", {"pemilihan": "pilkada-2020"}).content.decode()
    assert re.search(r'href="/statistik/kamus-data/\?pemilihan=pilkada-2020"', statistics)

    html = client.get("/statistik/kamus-data/", {"pemilihan": "pilkada-2020"}).content.decode()
    links = re.findall(r'href="(/statistik/[^"]*)"', html)
    statistics_links = [link for link in links if not link.startswith("/statistik/kamus-data")]
    assert statistics_links and all("pemilihan=pilkada-2020" in link for link in statistics_links)
    assert "counted on" in html or "dihitung pada" in html


def test_an_unknown_election_is_left_out_of_its_links(client, db):
    html = client.get("/statistik/kamus-data/", {"pemilihan": "<script>"}).content.decode()
    links = re.findall(r'href="([^"]*)"', html)
    assert links and not any("pemilihan=" in link for link in links)
    assert "<script>" not in html
