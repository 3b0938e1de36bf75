"""The province map of /statistik/ links every tile to its region's page and lists the same
figures in a table; a province's page draws its regencies, a regency's page links back."""

import re

from netra.insights import refresh

from .public_page import findings, map_row


def test_the_map_and_its_table_give_the_same_figures_and_lead_to_the_regions(
    client, alice, charlie, make_user
):
    findings(alice, "35.09", 6)
    findings(charlie, "15.71", 2)
    # A second small province, so that the nation's total less Jawa Timur's leaves each of
    # the two a range: with Jambi alone, Jawa Timur would be hidden to protect it.
    findings(make_user("bandung", "bawaslu_regency", ["32.04"]), "32.04", 3)
    refresh.refresh_all()

    html = client.get("/statistik/", {"pemilihan": "pilkada-2024"}).content.decode()

    assert map_row(html, "35") == ("6", "shown")
    assert map_row(html, "15") == ("<5", "small")
    assert map_row(html, "32") == ("<5", "small")
    tile = re.search(r'<a href="([^"]+)"[^>]*>\s*<g data-code="35"', html)
    assert tile, "the tile of Jawa Timur links to its page"
    province = client.get(tile.group(1).replace("&amp;", "&"))
    assert province.status_code == 200
    province_html = province.content.decode()
    assert 'data-code="35.09"' in province_html  # its regencies' map
    assert map_row(province_html, "35.09") == ("6", "shown")

    regency = client.get("/statistik/35.09/", {"pemilihan": "pilkada-2024"})
    assert regency.status_code == 200
    assert 'href="/statistik/35/?pemilihan=pilkada-2024"' in regency.content.decode()


def test_the_map_can_show_another_figure_per_ten_thousand_civil_servants(client, alice):
    findings(alice, "35.09", 6)
    refresh.refresh_all()

    html = client.get(
        "/statistik/", {"pemilihan": "pilkada-2024", "indikator": "registered", "per": "10000"}
    ).content.decode()

    assert 'value="registered" selected' in html
    assert 'name="per" value="10000" checked' in html


def test_an_unknown_figure_falls_back_to_the_reports(client, alice):
    findings(alice, "35.09", 6)
    refresh.refresh_all()

    response = client.get("/statistik/", {"indikator": "<script>", "per": "x"})

    assert response.status_code == 200
    assert 'value="reports" selected' in response.content.decode()


def test_a_province_that_would_give_away_a_small_one_is_hidden_on_the_map(client, alice, charlie):
    findings(alice, "35.09", 6)
    findings(charlie, "15.71", 2)
    refresh.refresh_all()

    html = client.get("/statistik/", {"pemilihan": "pilkada-2024"}).content.decode()

    assert map_row(html, "15") == ("<5", "small")
    assert map_row(html, "35") == ("x", "hidden")  # else 8 - 6 = 2 for Jambi
