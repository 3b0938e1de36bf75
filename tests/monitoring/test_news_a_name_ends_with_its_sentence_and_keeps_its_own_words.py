"""A name ends with its sentence, keeps words that are title words elsewhere ("Taruna",
"Pratama"), drops an adat title after it ("Dt. Bandaro"), and an initial's period ends no
sentence."""

from netra.monitoring.nlp.news import extract
from netra.monitoring.nlp.people import find_people


def test_the_next_sentence_does_not_carry_a_name_into_a_title():
    text = "Kegiatan dibuka Pj Wali Kota Batu Aries Agung Paewai. Dalam sambutannya ia berpesan."
    assert [(p.name, p.title) for p in find_people(text)] == [
        ("Aries Agung Paewai", "Pj Wali Kota Batu")
    ]
    text = (
        "Acara dibuka Sekda Bondowoso, Drs. H. Ahmad Subiyanto, M.Si. Dalam sambutannya ia hadir."
    )
    assert [p.name for p in find_people(text)] == ["Ahmad Subiyanto"]


def test_a_title_word_inside_a_name_is_the_names():
    text = "Pj Bupati Nganjuk Sri Handoko Taruna mengatakan pemeriksaan transparan."
    assert [(p.name, p.title) for p in find_people(text)] == [
        ("Sri Handoko Taruna", "Pj Bupati Nganjuk")
    ]
    text = "Ketua Karang Taruna Situbondo Rudi Hartono hadir."
    assert [(p.name, p.title) for p in find_people(text)] == [
        ("Rudi Hartono", "Ketua Karang Taruna Situbondo")
    ]


def test_an_adat_title_after_a_name_is_dropped():
    text = "Kepala Inspektorat Agam Hendra Syafri Dt. Bandaro mengatakan stan dibuka."
    assert [(p.name, p.title) for p in find_people(text)] == [
        ("Hendra Syafri", "Kepala Inspektorat Agam")
    ]


def test_the_period_of_an_initial_does_not_cut_the_name_off():
    text = "Narasumber dari Kantor Regional VII BKN, B. Santoso, S.H., M.Si., menjelaskan sanksi."
    assert [p["name"] for p in extract("Judul\n" + text)["people"]] == ["B. Santoso"]
