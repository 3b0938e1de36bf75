"""A region's page explains its score: each component's value, what it was made from (the
agencies never reached by name, flags and reports per 10,000 civil servants and how they
compare, overdue steps, unanswered recommendations), its weight and its points, which add up
to the score; the components without data are named, and the IKP's source is given."""

import re

import pytest

from netra.regions.models import Election
from netra.risk import refresh

from .risk_data import (
    election,
    employees,
    figures,
    flags,
    ikp,
    outreach,
    public_cases,
    roster,
)


@pytest.fixture
def risk(admin, alice):
    ikp(admin, [("35.09", "80", "tinggi")], source="Bawaslu RI, IKP Pemilihan Serentak 2024")
    staff = employees("35.09", "Dinas Pendidikan", 8)
    employees("35.09", "Dinas Kesehatan", 2)
    outreach(alice, staff)
    roster({"35.09": 10_000, "35.10": 10_000, "35.78": 10_000})
    public_cases("35.09", 12)
    public_cases("35.10", 3)
    flags("35.10", 2)
    figures("pilkada-2024", {"35.09": (12, 3), "35.10": (3, 0)}, compliance={"35.09": (4, 1)})
    refresh.recompute(election())


def test_each_component_says_what_it_was_made_from(client_for, alice, risk):
    response = client_for(alice).get("/staf/risiko/35.09/", {"pemilihan": "pilkada-2024"})

    assert response.status_code == 200
    html = response.content.decode()
    made_of = {
        name: _made_of(html, name)
        for name in ("ikp", "prevention", "flags", "reports", "overdue", "ppk")
    }
    assert "80" in made_of["ikp"] and "tinggi" in made_of["ikp"]
    assert "1 dari 2 OPD tidak pernah terjangkau: Dinas Kesehatan" in made_of["prevention"]
    assert "12 kasus dari masyarakat (12 per 10.000 ASN)" in made_of["reports"]
    assert "tertinggi dari 3 wilayah" in made_of["reports"]
    assert "Tidak ada di wilayah ini" in made_of["flags"]
    assert "3 tahap penanganan" in made_of["overdue"]
    assert "3 dari 4 rekomendasi BKN" in made_of["ppk"]
    assert "Bawaslu RI, IKP Pemilihan Serentak 2024" in html


def test_the_points_add_up_to_the_score_and_the_missing_are_named(client_for, alice, risk):
    html = client_for(alice).get("/staf/risiko/35.09/").content.decode()

    # IKP 80 x 3, prevention 20 x 2, flags 0 x 1, reports 100 x 2, overdue 100 x 1,
    # PPK 75 x 1: 655 / 10.
    assert _text(html, "data-score") == "65,5"
    points = [_points(html, name) for name in ("ikp", "prevention", "flags", "reports")]
    assert points == ["24", "4", "0", "20"]
    assert 'id="missing"' not in html  # every component has data here


def test_a_region_without_a_roster_says_so_and_is_left_out(client_for, charlie, risk):
    html = client_for(charlie).get("/staf/risiko/15.71/").content.decode()

    assert "Tidak ada data" in _row(html, "prevention")
    assert "tidak ada asn wilayah ini di daftar pegawai" in _row(html, "prevention").lower()
    assert 'id="missing"' in html


def _row(html, name):
    return html.split(f'<tr data-component="{name}">')[1].split("</tr>")[0]


def _made_of(html, name):
    return _cell(_row(html, name), "made-of")


def _points(html, name):
    return _cell(_row(html, name), "points")


def _cell(html, attribute):
    found = re.search(rf"data-{attribute}[^>]*>(.*?)</td>", html, re.S)
    return re.sub(r"<[^>]+>", "", found.group(1)).strip()


def _text(html, attribute):
    return re.search(rf"{attribute}>([^<]*)<", html).group(1).strip()


def test_the_explanation_links_to_the_regions_periodic_report(client_for, alice, reference):
    election = Election.objects.get(code="pilkada-2024")
    refresh.recompute(election)
    page = client_for(alice).get("/staf/risiko/35.09/", {"pemilihan": "pilkada-2024"})
    link = re.search(r'id="periodic-report"', page.content.decode())
    assert link, "no link to the periodic report"
    report = client_for(alice).get("/staf/risiko/35.09/laporan/", {"pemilihan": "pilkada-2024"})
    assert report.status_code == 200 and report["Content-Type"] == "application/pdf"
