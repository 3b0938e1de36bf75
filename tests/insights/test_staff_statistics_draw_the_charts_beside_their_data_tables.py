"""The page draws its two charts on the server (SVG in the HTML, no script), each an image with
a title and a description, each followed by its data table one click away, and the weekly
trend in front of the election's own calendar: its campaign, quiet days and voting day."""

import re
import xml.etree.ElementTree as ET

import pytest

from netra.insights import refresh
from netra.regions.models import Election

from .staff_page import PATH, open_finding

SVG = "{http://www.w3.org/2000/svg}"


def charts_of(html):
    return {
        match.group(1): ET.fromstring(match.group(0))
        for match in re.finditer(
            r'<svg\b[^>]*aria-labelledby="(\w+)-title[^"]*"[^>]*>.*?</svg>', html, re.S
        )
    }


@pytest.fixture
def page(client_for, alice):
    open_finding(alice, "35.09")
    refresh.refresh_all()
    return client_for(alice).get(PATH, {"pemilihan": "pilkada-2024"}).content.decode()


def test_both_charts_are_images_with_a_title_and_a_description(page):
    charts = charts_of(page)

    assert set(charts) == {"trend", "steps"}
    for ident, root in charts.items():
        assert root.get("role") == "img"
        assert root.get("width") == "100%" and root.get("viewBox")
        assert root.find(f"{SVG}title").get("id") == f"{ident}-title"
        assert root.find(f"{SVG}desc").text
    assert "<script" not in page.split('<main id="main">', 1)[1]


def test_each_chart_is_followed_by_its_data_table_in_a_details(page):
    for ident in ("trend", "steps"):
        after = page.split(f'aria-labelledby="{ident}-title', 1)[1]
        following = after.split("</svg>", 1)[1].lstrip()
        assert following.startswith(f'<details id="{ident}-data"><summary>')
        assert "<table" in following.split("</details>", 1)[0]


def test_the_trend_shows_the_campaign_quiet_days_and_voting_day(page):
    election = Election.objects.get(code="pilkada-2024")
    names = dict(election.stages.values_list("code", "name_id"))
    trend = charts_of(page)["trend"]

    bands = {g.get("data-band"): g for g in trend.iter(f"{SVG}g") if g.get("data-band")}
    assert list(bands) == ["campaign", "quiet_period", "voting"]
    legend = [g.find(f"{SVG}text").text for g in trend.iter(f"{SVG}g") if g.get("data-legend")]
    for code in bands:
        assert names[code] in legend
        assert bands[code].find(f"{SVG}rect/{SVG}title").text.startswith(names[code])
