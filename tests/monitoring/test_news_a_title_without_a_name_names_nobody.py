"""A title told without a name ("kata Kabid PPI", "Kepala Disdukcapil Situbondo mengatakan")
names nobody: an office word is never a name, and the unknown word after a head such as
"Kepala", "Kabag" or "Bagian" is the name of its unit."""

import pytest

from netra.monitoring.nlp.news import extract
from netra.monitoring.nlp.people import find_people


@pytest.mark.parametrize(
    "text",
    [
        '"Nanti BKN yang memberi pertimbangan," tandas Kabid PPI.',
        '"Saya hadir sebagai warga," ujar Kades.',
        '"Rakor ini penting," ucap Kabid Mutasi.',
        '"Siapa pun yang melanggar kami proses," kata Sekdakab Situbondo.',
        '"Kami sudah memeriksa," tandas Irban III.',
        '"Kami siap," kata Kapolres.',
        '"Kami siap," kata Kalak BPBD.',
        "Selain itu, kata Kadis, pemkab menyiapkan posko aduan.",
    ],
)
def test_a_quote_attributed_to_a_title_names_nobody(text):
    assert extract("Judul\n" + text)["people"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Hadir Kepala Dinas Kesehatan, Kabag Tapem, Kabag Ortala, Kepala Disdukcapil Nganjuk "
        "serta para camat.",
        "Kepala Bagian Prokopim mengatakan rekaman apel disiarkan langsung.",
        "Kepala Dispendukcapil Situbondo mengatakan ASN harus netral.",
        "Inspektorat melalui Inspektur Pembantu Khusus menyatakan siap memeriksa.",
        "Hal itu disampaikan Kepala Satpol PP dan Damkar Situbondo.",
    ],
)
def test_a_title_and_its_unit_without_a_name_name_nobody(text):
    assert find_people(text) == []


@pytest.mark.parametrize(
    "text, name, title",
    [
        (
            "Kepala Dispora Situbondo Rudi Hartono hadir.",
            "Rudi Hartono",
            "Kepala Dispora Situbondo",
        ),
        ("Ketua Panitia Pelaksana Rudi Hartono hadir.", "Rudi Hartono", "Ketua Panitia Pelaksana"),
        (
            "Kepala Balai Besar Wilayah Sungai Brantas Rudi Hartono hadir.",
            "Rudi Hartono",
            "Kepala Balai Besar Wilayah Sungai Brantas",
        ),
        (
            "Kepala Dinas PU Sumber Daya Air Rudi Hartono hadir.",
            "Rudi Hartono",
            "Kepala Dinas PU Sumber Daya Air",
        ),
        (
            "Wakil Ketua Komisi A DPRD Situbondo Rudi Hartono hadir.",
            "Rudi Hartono",
            "Wakil Ketua Komisi A DPRD Situbondo",
        ),
        ("Ketua RT 03 Rudi Hartono hadir.", "Rudi Hartono", "Ketua RT 03"),
        (
            "Asisten Pemerintahan dan Kesra Setda Ngawi Dr. Sugeng Rahardjo hadir.",
            "Sugeng Rahardjo",
            "Asisten Pemerintahan dan Kesra Setda Ngawi",
        ),
    ],
)
def test_the_person_after_a_title_and_its_unit_is_found_with_the_whole_title(text, name, title):
    assert [(p.name, p.title) for p in find_people(text)] == [(name, title)]
