"""A word that opens a sentence ("Senada", "Lebih lanjut") is no part of the name after it,
and a word after a locative ("di Kraksaan") is a place, not the person a title follows."""

import pytest

from netra.monitoring.nlp.news import extract


@pytest.mark.parametrize(
    "text, person",
    [
        (
            "Senada Hj. Siti Maimunah, Anggota Bawaslu Situbondo, menegaskan pengawasan.",
            ("Siti Maimunah", "Anggota Bawaslu Situbondo"),
        ),
        ("Lebih lanjut Rudi Hartono mengatakan ASN harus netral.", ("Rudi Hartono", "")),
        ("Senada Rudi Hartono menegaskan ASN harus netral.", ("Rudi Hartono", "")),
        ("Ketika ditemui Rudi Hartono mengatakan ASN harus netral.", ("Rudi Hartono", "")),
    ],
)
def test_a_sentence_opener_is_skipped_before_the_name(text, person):
    assert [(p["name"], p["title"]) for p in extract("Judul\n" + text)["people"]] == [person]


@pytest.mark.parametrize(
    "text",
    [
        "Ditemui di Kraksaan, Kepala BKPSDM Kabupaten Probolinggo mengatakan siap.",
        "Saat berada di Panarukan, Kepala Dinas Sosial mengatakan hal itu.",
    ],
)
def test_a_place_after_a_locative_is_not_the_person_of_the_title(text):
    assert extract("Judul\n" + text)["people"] == []
