"""Whatever the public request form receives, it answers with the form again and a message in
Indonesian on the field concerned: never a 500, never an English or developer's word."""

import pytest

from netra.privacy.models import DataRequest

from .requests_helpers import request_data

CASES = {
    "nothing": (
        {key: "" for key in request_data()},
        ["Tulis nama Anda.", "Tulis apa yang Anda minta.", "Pilih kabupaten atau kota"],
    ),
    "a text too long": ({"text": "x" * 4001}, ["Tulis paling banyak 4000 karakter."]),
    "a name too long": ({"name": "n" * 201}, ["Tulis paling banyak 200 karakter."]),
    "a short receipt code": ({"relation": "reporter", "receipt": "123"}, ["20 angka"]),
    "a reporter without a code": ({"relation": "reporter"}, ["Isi kode tanda terima"]),
    "an unknown kind": ({"kind": "delete"}, ["Pilih apakah Anda ingin melihat"]),
    "an unknown relation": ({"relation": "judge"}, ["Pilih apakah Anda mengirim laporan"]),
    "a province as region": ({"region": "35"}, ["bukan provinsi"]),
    "a region that does not exist": ({"region": "99.99"}, ["bukan provinsi"]),
    # A trap for bots: refused with the general message only, the field is never shown.
    "the hidden field filled in": ({"website": "http://spam.test"}, []),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_bad_input_gets_an_indonesian_message(client, case):
    overrides, messages = CASES[case]
    response = client.post("/privasi/permintaan/", request_data(**overrides))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Silakan periksa isian yang ditandai di bawah ini." in page
    for message in messages:
        assert message in page
    assert not DataRequest.objects.exists()


def test_many_requests_from_one_address_are_slowed_down_in_indonesian(client, settings):
    settings.NETRA_PRIVACY_REQUESTS_PER_HOUR = 2
    for _ in range(2):
        assert client.post("/privasi/permintaan/", request_data()).status_code == 302
    response = client.post("/privasi/permintaan/", request_data())
    assert response.status_code == 429
    assert "Terlalu banyak permintaan" in response.content.decode()
    assert DataRequest.objects.count() == 2


def test_a_typo_does_not_count_against_the_limit(client, settings):
    settings.NETRA_PRIVACY_REQUESTS_PER_HOUR = 1
    assert client.post("/privasi/permintaan/", request_data(name="")).status_code == 200
    assert client.post("/privasi/permintaan/", request_data()).status_code == 302


def test_a_nul_character_is_refused_before_the_form_with_an_indonesian_page(client):
    response = client.post("/privasi/permintaan/", request_data(name="Ahmad\x00"))
    assert response.status_code == 400
    assert "tidak dapat dikirim" in response.content.decode()
    assert not DataRequest.objects.exists()
