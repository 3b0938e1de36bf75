"""The demo's vulnerability index is made up, and every risk page that shows it says so, the
list and each region's explanation; an index imported from Bawaslu's publication does not
carry the note."""

import pytest

from netra.risk import refresh

from .risk_data import WATCH, election, ikp

NOTE = "Nilai indeks kerawanan di sini fiktif (data demo), bukan milik Bawaslu."


@pytest.mark.parametrize("path", [WATCH, "/staf/risiko/35.09/", "/staf/risiko/35/"])
def test_a_fictional_index_is_marked_on_each_page(client_for, admin, dewi, path):
    ikp(admin, [("35.09", "80", "tinggi")], source="Data demo, fiktif", fictional=True)
    refresh.recompute(election())

    html = client_for(dewi).get(path, {"pemilihan": "pilkada-2024"}).content.decode()

    assert 'id="fictional-ikp"' in html and NOTE in html
    assert "Data demo, fiktif" in html


@pytest.mark.parametrize("path", [WATCH, "/staf/risiko/35.09/"])
def test_a_published_index_carries_no_such_note(client_for, admin, dewi, path):
    ikp(admin, [("35.09", "80", "tinggi")], source="Bawaslu RI, IKP Pemilihan Serentak 2024")
    refresh.recompute(election())

    html = client_for(dewi).get(path, {"pemilihan": "pilkada-2024"}).content.decode()

    assert 'id="fictional-ikp"' not in html
    assert "Bawaslu RI, IKP Pemilihan Serentak 2024" in html
