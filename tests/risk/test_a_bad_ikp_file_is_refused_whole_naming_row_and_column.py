"""A file with any bad row is refused whole, with the row, the column and the reason of
each; a file that cannot be read at all says why. Nothing is kept either way."""

import pytest
from django.utils import translation

from netra.regions.models import Election
from netra.risk import actions
from netra.risk.importer import IkpFileError
from netra.risk.models import IkpRelease, IkpScore

from .ikp_files import csv_bytes

SOURCE = "Bawaslu RI"


def _refusal(admin, data, code="pilkada-2020"):
    with pytest.raises(IkpFileError) as raised, translation.override("id"):
        actions.import_ikp(admin, Election.objects.get(code=code), data, source=SOURCE)
    assert not IkpRelease.objects.exists() and not IkpScore.objects.exists()
    return raised.value


def test_each_bad_row_is_named_and_nothing_is_kept(admin):
    rows = [
        ["15", "Jambi", "61", "tinggi"],  # good
        ["99.99", "", "50", "sedang"],  # no such region
        ["15", "Jambi lagi", "62", "tinggi"],  # duplicate
        ["15.71", "", "101", "tinggi"],  # out of range
        ["15.03", "", "banyak", "sedang"],  # not a number
        ["15.04", "", "40", "parah"],  # unknown category
        ["35.09", "Jember", "40", "sedang"],  # not in Pilkada 2020
        ["15.1", "", "40", "sedang"],  # a zero cut by the spreadsheet
        ["", "", "40", "sedang"],  # no code
        ["15.05", "", "NaN", "sedang"],  # not a number either
    ]
    refusal = _refusal(admin, csv_bytes(rows))
    found = [(e.row, e.column, e.code) for e in refusal.errors]
    assert found == [
        (3, "kode_wilayah", "unknown_region"),
        (4, "kode_wilayah", "duplicate"),
        (5, "skor", "out_of_range"),
        (6, "skor", "not_a_number"),
        (7, "kategori", "category"),
        (8, "kode_wilayah", "not_in_election"),
        (9, "kode_wilayah", "cut_zero"),
        (10, "kode_wilayah", "required"),
        (11, "skor", "not_a_number"),
    ]
    with translation.override("id"):
        assert "baris 2" in refusal.errors[1].message, refusal.errors[1].message
        assert "Jember" in refusal.errors[5].message
        assert refusal.message == "Kesalahan dalam berkas: 9. Tidak ada yang diimpor."


def test_a_file_that_cannot_be_read_says_why(admin):
    assert _refusal(admin, b"").code == "empty"
    assert _refusal(
        admin, "kode_wilayah,skor,kategori\n15,Sébastien,é\n".encode("cp1252")
    ).code == ("encoding")
    assert _refusal(admin, b"\xd0\xcf\x11\xe0" + b"\x00" * 100).code == "old_excel"
    assert _refusal(admin, csv_bytes([["15", "40"]], ["kode_wilayah", "skor"])).code == (
        "missing_columns"
    )
    assert _refusal(admin, csv_bytes([], ["kode_wilayah", "skor", "kategori"])).code == "no_rows"
    twice = csv_bytes([["15", "40", "40", "sedang"]], ["kode", "skor", "nilai", "kategori"])
    assert _refusal(admin, twice).code == "duplicate_columns"


def test_a_file_beyond_its_bounds_is_refused_before_it_is_read(admin):
    many = csv_bytes([["15", "", "40", "sedang"]] * 1001)
    assert _refusal(admin, many).code == "too_many_rows"
    assert _refusal(admin, b"kode_wilayah,skor,kategori\n" + b"1" * (3 * 2**20)).code == (
        "too_large"
    )
