"""Bylines, editors and photo credits name who wrote or shot the story, not a source: they
give no person, even with a title in them. An official a caption shows acting is a person."""

import pytest

from netra.monitoring.nlp.news import extract


@pytest.mark.parametrize(
    "text",
    [
        "Penulis: Dedi Irawan\nEditor: Nur Hidayati",
        "Pewarta: Gilang Ramadhan\nEditor: Endang Susilowati\nCOPYRIGHT © ANTARA 2024",
        "Reporter: Aditya Nugraha | Editor: Ronny Wicaksono | Publisher: Rizal Dani",
        "Laporan Wartawan TribunMadura.com, Kepala Biro Rina Hartati",
        "Penulis Kontributor Probolinggo, Kepala Biro Ahmad Faisal | Editor Dita Angga",
        "Editor: Kepala Desk Rudi Hartono",
        "Suasana apel di alun-alun. (Foto: Kepala Humas Rudi Hartono)",
    ],
)
def test_a_byline_or_a_credit_gives_no_person(text):
    assert extract("Judul\nApel digelar pagi ini.\n" + text)["people"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Oleh karena itu, Kepala Dinas Sosial Rudi Hartono menegaskan hal itu.",
        "Laporan itu diterima Ketua Bawaslu Situbondo Rudi Hartono.",
        "Foto: Bupati Situbondo Rudi Hartono saat memimpin apel. (Humas Pemkab)",
    ],
)
def test_a_sentence_that_opens_like_a_byline_still_names_its_people(text):
    assert [p["name"] for p in extract("Judul\n" + text)["people"]] == ["Rudi Hartono"]
