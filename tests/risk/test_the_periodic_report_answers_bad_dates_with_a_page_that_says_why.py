"""Dates the report cannot read, or that make no period, get a page in Indonesian that says
why, with 422, never a 500 (a NUL byte is refused before, with 400, as on every page); no
dates at all give this month's report."""

import pytest

URL = "/staf/risiko/35.09/laporan/"


@pytest.mark.parametrize(
    ("query", "says"),
    [
        ("?dari=2024-10-01", "Isi kedua tanggal"),
        ("?sampai=2024-10-31", "Isi kedua tanggal"),
        ("?dari=01-10-2024&sampai=2024-10-31", "“01-10-2024” bukan tanggal"),
        ("?dari=2024-02-30&sampai=2024-03-31", "“2024-02-30” bukan tanggal"),
        ("?dari=2024-10-01&sampai=kemarin", "“kemarin” bukan tanggal"),
        ("?dari=2024-10-01T00:00&sampai=2024-10-31", "bukan tanggal"),
        ("?dari=1999-12-31&sampai=2024-10-31", "antara tahun 2000 dan 2100"),
        ("?dari=2024-10-31&sampai=2024-10-01", "dimulai pada atau sebelum"),
        ("?dari=2020-01-01&sampai=2024-10-31", "paling lama 366 hari"),
        ("?dari=2099-01-01&sampai=2099-01-31", "belum terjadi"),
    ],
)
def test_bad_dates_get_a_422_page_that_says_why(client_for, alice, query, says):
    response = client_for(alice).get(URL + query)
    assert response.status_code == 422
    page = response.content.decode()
    assert says in page
    assert "?dari=TTTT-BB-HH" in page


def test_a_nul_byte_is_refused_before_the_view_as_everywhere(client_for, alice):
    assert client_for(alice).get(URL + "?dari=%00&sampai=2024-10-31").status_code == 400


def test_no_dates_give_this_months_report(client_for, alice):
    response = client_for(alice).get(URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
