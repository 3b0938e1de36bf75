"""Bad filter values on the case list get a message beside the form, in Indonesian, and are
dropped, while the valid filters still apply; never a 500."""

import pytest

from netra.cases import actions
from netra.regions.models import Election

BAD = [
    ({"state": "terbang"}, "Tidak ada tahap bernama ini."),
    ({"election": "pemilu-1955"}, "Tidak ada pemilihan dengan kode ini."),
    ({"region": "99.99"}, "Tidak ada wilayah dengan kode ini"),
    ({"region": "<script>"}, "Tidak ada wilayah dengan kode ini"),
    ({"conduct": "DIS-99"}, "Tidak ada perbuatan dalam katalog dengan kode ini."),
    ({"petugas": "abc"}, "Pilih petugas dari daftar."),
    ({"tenggat": "0"}, "Isikan jumlah hari dari 1 sampai 31."),
    ({"tenggat": "99"}, "Isikan jumlah hari dari 1 sampai 31."),
    ({"tenggat": "x"}, "Isikan jumlah hari dari 1 sampai 31."),
    ({"dari": "2024-13-01"}, "Tulis tanggal sebagai TTTT-BB-HH."),
    ({"dari": "0001-01-01"}, "1 Januari 2000"),
    ({"dari": "2024-12-02", "sampai": "2024-12-01"}, "Akhir periode lebih awal dari awalnya."),
    ({"urut": "-password"}, "Daftar ini tidak dapat diurutkan seperti itu."),
    ({"format": "pdf"}, "Daftar dapat diekspor sebagai CSV atau XLSX."),
    ({"q": "x" * 500}, "100"),
]


@pytest.mark.parametrize(("query", "message"), BAD)
def test_a_bad_value_gets_a_message_and_the_valid_filters_still_apply(
    client_for, alice, region, query, message
):
    election = Election.objects.get(code="pilkada-2024")
    received = actions.open_finding(alice, election=election, region=region("35.09"), summary="A")
    studied = actions.open_finding(alice, election=election, region=region("35.09"), summary="B")
    actions.transition(alice, studied, "initial_study", version=studied.version)
    response = client_for(alice).get("/kasus/", {"state": "received", **query})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="filter-problems"' in html and message in html
    listed = {c.pk for c in response.context["cases"]}
    if "state" not in query:  # the valid step filter still applies
        assert listed == {received.pk}
    else:
        assert listed == {received.pk, studied.pk}
