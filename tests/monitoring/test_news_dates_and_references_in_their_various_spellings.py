"""Date ranges, regulations and circular numbers as regional news spell them."""

from datetime import date

import pytest

from netra.monitoring.nlp.dates import find_dates
from netra.monitoring.nlp.references import find_references

from .news_dev_articles import extracted

PUBLISHED = date(2024, 10, 1)


@pytest.mark.parametrize(
    "text, first, last",
    [
        ("pada 9-10 Oktober 2024", "2024-10-09", "2024-10-10"),
        ("pada 9 hingga 11 Oktober", "2024-10-09", "2024-10-11"),
        ("pada 9 s.d. 11 Oktober 2024", "2024-10-09", "2024-10-11"),
        ("pada 9 s/d 11 Oktober 2024", "2024-10-09", "2024-10-11"),
        ("mulai 7 sampai dengan 11 Oktober 2024", "2024-10-07", "2024-10-11"),
        ("pada 9 dan 10 Oktober 2024", "2024-10-09", "2024-10-10"),
        ("pada 30 September hingga 2 Oktober 2024", "2024-09-30", "2024-10-02"),
        ("Senin, 14 Oktober 2024 sampai dengan Rabu, 16 Oktober 2024", "2024-10-14", "2024-10-16"),
        ("Rabu-Kamis (9-10/10/2024)", "2024-10-09", "2024-10-10"),
        ("pada 9-11/10/2024 di tiap kecamatan", "2024-10-09", "2024-10-11"),
        ("Rabu (9/10/2024) hingga Kamis (10/10/2024)", "2024-10-09", "2024-10-10"),
        ("28 Desember hingga 2 Januari 2025", "2024-12-28", "2025-01-02"),
    ],
)
def test_a_range_of_days_gives_its_first_and_last_day(text, first, last):
    (mention,) = find_dates(text, PUBLISHED)
    assert (mention.kind, *mention.iso()) == ("range", first, last)


def test_a_relative_word_after_a_day_repeats_it():
    mentions = find_dates("Rakor digelar Rabu (16/10) kemarin di Aula.", date(2024, 10, 17))
    assert [m.iso() for m in mentions] == [("2024-10-16", "2024-10-16")]


@pytest.mark.parametrize(
    "text, day",
    [
        ("Pemkab menggelar apel netralitas, Senin.", "2024-10-14"),
        ("Sosialisasi digelar pada Rabu di Aula Pemkab.", "2024-10-16"),
    ],
)
def test_a_bare_weekday_is_the_last_such_day_up_to_the_publication(text, day):
    (mention,) = find_dates(text, date(2024, 10, 16))
    assert mention.iso() == (day, day)


@pytest.mark.parametrize(
    "text", ["Apel digelar setiap Senin pagi.", "pada Senin hingga Rabu", "pada Rabu-Jumat"]
)
def test_a_weekday_that_recurs_or_opens_a_range_is_no_date(text):
    assert find_dates(text, date(2024, 10, 16)) == []


@pytest.mark.parametrize(
    "text, published, day",
    [
        ("apel digelar pada 28 Desember", date(2025, 1, 5), "2024-12-28"),
        ("apel akan digelar pada 3 Januari", date(2024, 12, 20), "2025-01-03"),
        ("apel digelar Senin (30/12)", date(2025, 1, 2), "2024-12-30"),
    ],
)
def test_a_day_without_its_year_is_the_one_nearest_the_publication(text, published, day):
    (mention,) = find_dates(text, published)
    assert mention.iso() == (day, day)


def test_a_weekday_mendatang_is_the_next_one():
    (mention,) = find_dates("apel digelar Senin mendatang", date(2024, 10, 16))
    assert mention.iso() == ("2024-10-21", "2024-10-21")


@pytest.mark.parametrize(
    "text, kind, number, year",
    [
        ("sesuai PP No. 94/2021 tentang", "PP", "94", 2021),
        ("Undang-Undang Nomor 20 Tahun 2023 tentang ASN", "UU", "20", 2023),
        ("UU 10/2016 tentang Pilkada", "UU", "10", 2016),
        ("Peraturan Pemerintah (PP) Nomor 94 Tahun 2021", "PP", "94", 2021),
        ("UU ASN Nomor 20 Tahun 2023", "UU", "20", 2023),
        ("Peraturan Komisi Pemilihan Umum Nomor 8 Tahun 2024", "PKPU", "8", 2024),
        ("SKB 5 Menteri Nomor 2 Tahun 2022", "SKB", "2", 2022),
        ("Pasal 280 UU Pemilu 7/2017 melarang", "UU", "7", 2017),
        ("Undang-Undang Republik Indonesia Nomor 20 Tahun 2023", "UU", "20", 2023),
        ("UU dan PP Nomor 94 Tahun 2021", "PP", "94", 2021),
        ("SE Bupati Nomor 12/2024 tentang netralitas", "SE", "12/2024", 2024),
        ("Surat Edaran Nomor 2 Tahun 2024 tentang netralitas", "SE", "2 Tahun 2024", 2024),
        ("Surat Edaran itu sesuai PP Nomor 94 Tahun 2021", "PP", "94", 2021),
        ("Nomor 800.1.6/2345/BKPSDM/2024 tentang", None, None, None),
        ("SE Bupati Nomor 000.1.5/123/2024 tentang", "SE", "000.1.5/123/2024", 2024),
        ("Surat Edaran No. 100.3.4/1542/HKU/2024.", "SE", "100.3.4/1542/HKU/2024", 2024),
        (
            "surat edaran bernomor 800.1.6/2345/BKPSDM/2024 tentang",
            "SE",
            "800.1.6/2345/BKPSDM/2024",
            2024,
        ),
        (
            "Surat Edaran Pj. Bupati Situbondo tentang Netralitas Aparatur Sipil Negara dalam "
            "Pilkada Serentak 2024 Nomor: 100.3.4/55/2024",
            "SE",
            "100.3.4/55/2024",
            2024,
        ),
    ],
)
def test_regulations_and_circular_numbers_in_their_various_formats(text, kind, number, year):
    found = [(r.kind, r.number, r.year) for r in find_references(text)]
    assert found == ([(kind, number, year)] if kind else [])


def test_a_day_written_with_slashes_is_no_circular_number():
    text = "kepala desa se-Kabupaten Lumajang mengikuti deklarasi, Kamis (20/11/2020)."
    assert find_references(text) == []


REGULATIONS = {
    "situbondo-surat-edaran": [("UU", "10", 2016), ("PP", "94", 2021)],
    "pasuruan-rakor": [("PP", "94", 2021), ("UU", "6", 2014)],
    "malang-bimtek-zoom": [("UU", "1", 2015), ("UU", "10", 2016)],
    "kediri-seminar": [("Perbawaslu", "6", 2024), ("SKB", "2", 2022)],
    "sidoarjo-pakta-integritas": [],
    "probolinggo-kota-plh-sekda": [("UU", "10", 2016), ("PP", "53", 2010), ("SKB", "2", 2022)],
    "jatim-kanreg-bkn": [("PerBKN", "6", 2022), ("PermenPANRB", "6", 2022)],
    "sumenep-deklarasi-damai": [("UU", "7", 2017), ("UU", "6", 2014)],
}


@pytest.mark.parametrize("name", sorted(REGULATIONS))
def test_each_dev_article_cites_its_regulations(name):
    found = [(r["kind"], r["number"], r["year"]) for r in extracted(name)["regulations"]]
    assert found == REGULATIONS[name]
