"""The pure text core: normalisation, dates, references, places and titles."""

from datetime import date

import pytest

from netra.monitoring.nlp.dates import find_dates
from netra.monitoring.nlp.normalise import normalise, tokens
from netra.monitoring.nlp.people import find_people
from netra.monitoring.nlp.places import find_places
from netra.monitoring.nlp.references import find_references

PUBLISHED = date(2024, 10, 16)  # a Wednesday


@pytest.mark.parametrize(
    "written, normalised",
    [
        ("Ayoooo dukung no 2 yg udh trbukti!!! 💪", "ayo dukung nomor 2 yang sudah terbukti"),
        ("S4y4 g4k ikut2an ✌️ #Pilkada2024", "saya tidak ikut-ikutan salam dua jari #pilkada2024"),
        (
            "Org2 ASN jgn ikut-ikutan dukung paslon!!",
            "orang-orang asn jangan ikut-ikutan dukung pasangan calon",
        ),
        ("cek @bawaslu_ri https://bawaslu.go.id", "cek <mention> <url>"),
        ("Monggo sampun nyoblos", "silakan sudah mencoblos"),
        ("covid19 dan paslon02", "covid19 dan paslon02"),
    ],
)
def test_social_media_indonesian_is_normalised(written, normalised):
    assert normalise(written) == normalised


def test_tokens_keep_offsets_into_what_the_author_wrote():
    text = "Dukung yg no 2 ✌"
    assert [(w, text[s:e]) for w, s, e in tokens(text)] == [
        ("dukung", "Dukung"),
        ("yang", "yg"),
        ("nomor", "no"),
        ("2", "2"),
        ("salam", "✌"),
        ("dua", "✌"),
        ("jari", "✌"),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Jumat, 22 November 2024", [("day", "2024-11-22", "2024-11-22")]),
        ("digelar (20/11/2020) lalu", [("day", "2020-11-20", "2020-11-20")]),
        ("pada 9-10 Oktober 2024", [("range", "2024-10-09", "2024-10-10")]),
        ("pada 9 s.d. 12 Oktober", [("range", "2024-10-09", "2024-10-12")]),
        ("sejak bulan Juli 2024", [("month", "2024-07", "2024-07")]),
        ("Juli lalu", [("month", "2024-07", "2024-07")]),
        ("Senin pekan depan", [("day", "2024-10-21", "2024-10-21")]),
        ("Selasa lalu", [("day", "2024-10-15", "2024-10-15")]),
        ("Senin (21/10)", [("day", "2024-10-21", "2024-10-21")]),
        (
            "kemarin dan besok",
            [("day", "2024-10-15", "2024-10-15"), ("day", "2024-10-17", "2024-10-17")],
        ),
        ("skor 9/10 dan 31 Februari 2024", []),
    ],
)
def test_date_expressions_resolve_against_the_publication_date(text, expected):
    assert [(m.kind, *m.iso()) for m in find_dates(text, PUBLISHED)] == expected


@pytest.mark.parametrize(
    "text, kind, number, year",
    [
        ("sesuai PP Nomor 94 Tahun 2021 tentang", "PP", "94", 2021),
        ("UU No 5 Tahun 2014", "UU", "5", 2014),
        ("Perbawaslu 9/2024", "Perbawaslu", "9", 2024),
        ("Peraturan KPU Nomor 2 Tahun 2024", "PKPU", "2", 2024),
        ("Surat Edaran Nomor 800/6516/41/2023 tentang", "SE", "800/6516/41/2023", 2023),
        ("SE Bupati Nomor: HKM.05/12/EDR/IX/HKU/2024.", "SE", "HKM.05/12/EDR/IX/HKU/2024", 2024),
    ],
)
def test_regulation_and_circular_references(text, kind, number, year):
    (found,) = find_references(text)
    assert (found.kind, found.number, found.year) == (kind, number, year)


@pytest.mark.parametrize(
    "text, codes",
    [
        ("Pemkab Jember menggelar apel", ["35.09"]),
        ("di Kota Jambi dan Kabupaten Lumajang", ["15.71", "35.08"]),
        ("Pemprov Jatim bersama Pemkot Surabaya", ["35", "35.78"]),
        ("warga Bekasi", []),  # a regency and a city share the name
        ("Kota Jambi menggelar apel. Pemkot juga", ["15.71", "15.71"]),
    ],
)
def test_region_names_become_kemendagri_codes(text, codes):
    assert [p.code for p in find_places(text)] == codes


@pytest.mark.parametrize(
    "text, title, name",
    [
        ("Pj Bupati Jember Hendy Siswanto menegaskan", "Pj Bupati Jember", "Hendy Siswanto"),
        (
            "Plt Kepala BKPSDM Kabupaten Jember, Sukowinarno, mengatakan",
            "Plt Kepala BKPSDM Kabupaten Jember",
            "Sukowinarno",
        ),
        ("Sekda Jember Ir. Mirfano mengatakan", "Sekda Jember", "Mirfano"),  # honorific dropped
        ("Camat Ajung Budi Santoso membuka", "Camat Ajung", "Budi Santoso"),
        ("Wali Kota Jambi Syarif Fasha hadir", "Wali Kota Jambi", "Syarif Fasha"),
    ],
)
def test_official_titles_and_the_names_after_them(text, title, name):
    known = {"jember", "kabupaten jember", "jambi", "kota jambi"}
    (person,) = find_people(text, known)
    assert (person.title, person.name) == (title, name)
