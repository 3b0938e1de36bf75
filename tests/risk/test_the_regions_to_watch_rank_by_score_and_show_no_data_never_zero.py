"""The list ranks the regions by score, highest first, with the band and each component
beside the score; a component without data reads "Tidak ada data" (never 0), a region with
no score comes last without a rank, and the score is drawn as a map whose tiles lead to each
region's explanation, with the same scores in the table."""

import pytest

from netra.risk import refresh

from .risk_data import WATCH, cell, election, figures, ikp, row_html


@pytest.fixture
def risk(admin):
    ikp(admin, [("35.09", "80", "tinggi"), ("35.10", "20", "rendah")])
    figures("pilkada-2024", {"35.09": (10, 0), "35.10": (10, 4)})
    refresh.recompute(election())


def test_the_list_ranks_and_says_no_data_for_a_missing_component(client_for, dewi, risk):
    html = client_for(dewi).get(WATCH, {"pemilihan": "pilkada-2024"}).content.decode()

    jember = row_html(html, "35.09")
    assert cell(jember, "component", "ikp") == "80"
    assert cell(jember, "component", "overdue") == "0"  # data: nothing overdue
    assert cell(jember, "component", "prevention") == "Tidak ada data"
    assert "Sedang" in jember  # (3 * 80 + 0) / 4 = 60
    assert html.index('data-region="35.09"') < html.index('data-region="35.10"')
    # (3 * 20 + 100) / 4 = 40: Banyuwangi's overdue steps put it second.
    assert ">40<" in row_html(html, "35.10")
    surabaya = row_html(html, "35.78")
    assert "Tidak ada data" in surabaya and ">0<" not in surabaya
    assert html.index('data-region="35.10"') < html.index('data-region="35.78"')


def test_the_map_shows_the_scores_and_links_each_region_to_its_explanation(client_for, dewi, risk):
    html = client_for(dewi).get(WATCH, {"pemilihan": "pilkada-2024"}).content.decode()

    assert "netra-tilemap" in html
    assert 'href="/staf/risiko/35.09/?pemilihan=pilkada-2024"' in html
    assert 'data-code="35.09"' in html


def test_a_national_officer_can_rank_the_provinces(client_for, gita, risk):
    response = client_for(gita).get(WATCH, {"pemilihan": "pilkada-2024", "tingkat": "province"})

    html = response.content.decode()
    assert cell(row_html(html, "35"), "component", "ikp") == "50"
    assert 'data-region="35.09"' not in html
