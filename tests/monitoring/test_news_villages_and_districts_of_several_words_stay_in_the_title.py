"""A local office's place may be several words ("Camat Rasau Jaya", "Kepala Desa Kuala Dua",
"Kades Sumberingin Kidul"): the words of the place are the title's, and the person is the
name after them."""

import pytest

from netra.monitoring.nlp.people import find_people


@pytest.mark.parametrize(
    "text, name, title",
    [
        ("Camat Sungai Raya, Rudi Hartawan, hadir.", "Rudi Hartawan", "Camat Sungai Raya"),
        ("Camat Sungai Kakap Rudi Hartono hadir.", "Rudi Hartono", "Camat Sungai Kakap"),
        (
            "Kepala Desa Kuala Dua, Sabran, mengaku didatangi tim sukses.",
            "Sabran",
            "Kepala Desa Kuala Dua",
        ),
        (
            "Hadir Kepala Desa Sungai Rengas Muhammad Jais.",
            "Muhammad Jais",
            "Kepala Desa Sungai Rengas",
        ),
        (
            "Hadir Sekretaris Desa Arang Limbung, Syamsul Bahri.",
            "Syamsul Bahri",
            "Sekretaris Desa Arang Limbung",
        ),
        (
            "Kepala Desa Sumberejo Lor Rudi Hartono hadir.",
            "Rudi Hartono",
            "Kepala Desa Sumberejo Lor",
        ),
    ],
)
def test_the_place_of_a_local_office_keeps_all_its_words(text, name, title):
    assert [(p.name, p.title) for p in find_people(text)] == [(name, title)]


@pytest.mark.parametrize(
    "text",
    [
        "Camat Rasau Jaya mengatakan sosialisasi dijadwalkan Selasa.",
        "Kades Sumberingin Kidul berinisial SN hadir dalam deklarasi.",
        "Sementara itu Kepala Desa Sumberingin Kidul saat dikonfirmasi membantah.",
    ],
)
def test_a_local_office_without_a_name_names_nobody(text):
    assert find_people(text) == []
