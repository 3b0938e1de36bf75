"""An institution's name, a building named after an office and an election of an office are
written like people's names, and are nobody."""

import pytest

from netra.monitoring.nlp.news import extract
from netra.monitoring.nlp.people import find_people


@pytest.mark.parametrize(
    "text",
    [
        "Himpunan Mahasiswa Islam menilai sanksi itu sudah tepat.",
        "Aliansi Mahasiswa Peduli Madura menyatakan akan memantau ASN.",
        "Ikatan Dokter Indonesia menyatakan dukungan.",
        "Serikat Pekerja Nasional menyatakan dukungan.",
        "Yayasan Bina Bangsa menyatakan siap membantu.",
        "Kelompok Cipayung Plus menyatakan siap.",
        "Menurut Komite Independen Pemantau Pemilu, pelanggaran terjadi di desa.",
    ],
)
def test_an_organisation_that_speaks_is_no_person(text):
    assert extract("Judul\n" + text)["people"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Rapat digelar di Ruang Rapat Bupati Trenggalek Cakra Wijaya, Selasa.",
        "Peserta hadir di Ruang Rapat Wali Kota Batu Among Tani.",
        "Kegiatan digelar di Ruang Sidang Bupati Pasuruan Mangun Bhumi, Senin.",
        "Kegiatan digelar di Ruang Kerja Wali Kota Malang Sutiaji.",
    ],
)
def test_a_building_named_after_an_office_names_nobody(text):
    assert find_people(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "ASN diminta netral pada Pemilihan Kepala Daerah Serentak 2024.",
        "Menjelang Pemilihan Bupati Situbondo Tahun 2024, ASN diingatkan.",
    ],
)
def test_an_election_of_an_office_names_nobody(text):
    assert find_people(text) == []


def test_an_official_of_an_organisation_is_still_a_person():
    text = "Ketua Umum HMI Cabang Pamekasan, Fathur Rozi, mengatakan siap melapor."
    assert [(p.name, p.title) for p in find_people(text)] == [
        ("Fathur Rozi", "Ketua Umum HMI Cabang Pamekasan")
    ]
    text = "Ketua Komite Independen Pemantau Pemilu (KIPP) Bojonegoro, Siti Aisyah, hadir."
    assert [(p.name, p.title) for p in find_people(text)] == [
        ("Siti Aisyah", "Ketua Komite Independen Pemantau Pemilu (KIPP) Bojonegoro")
    ]
