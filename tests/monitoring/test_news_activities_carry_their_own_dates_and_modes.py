"""Activities in news articles: each with its own date or range of days, a circular with the
day it was signed apart from the days of the events it orders, and the mode of an event held
in a hall and over a video call at once."""

import pytest

from netra.monitoring.nlp.news import extract

from .news_dev_articles import extracted

# (type, date_start, date_end, reference) of the dated activities of each dev article.
EXPECTED = {
    "situbondo-surat-edaran": [
        ("circular", "2024-09-02", "2024-09-02", "000.1.5/123/431.1.1.1/2024"),
        ("rally", "2024-10-09", "2024-10-10", None),
        ("declaration", "2024-10-14", "2024-10-14", None),
    ],
    "bondowoso-sosialisasi-hybrid": [
        ("outreach", "2024-10-09", "2024-10-09", None),
        ("outreach", "2024-10-21", "2024-10-23", None),
    ],
    "banyuwangi-apel-deklarasi": [
        ("rally", "2024-10-07", "2024-10-07", None),
        ("declaration", "2024-10-07", "2024-10-07", None),
    ],
    "probolinggo-webinar-youtube": [
        ("outreach", "2024-10-17", "2024-10-17", None),
        ("circular", "2024-09-23", "2024-09-23", "800.1.6/2345/BKPSDM/2024"),
    ],
    "pasuruan-rakor": [
        ("outreach", "2024-10-01", "2024-10-01", None),
        ("outreach", "2024-10-14", "2024-10-16", None),
    ],
    "sidoarjo-pakta-integritas": [
        ("declaration", "2024-10-04", "2024-10-04", None),
        ("outreach", "2024-10-09", "2024-10-10", None),
    ],
    "malang-bimtek-zoom": [("outreach", "2024-10-03", "2024-10-03", None)],
    "jambi-kota-surat-edaran": [
        ("circular", "2024-09-16", "2024-09-16", "100.3.4/1542/HKU/2024"),
        ("outreach", "2024-10-07", "2024-10-11", None),
    ],
    "lumajang-ikrar-kades": [("declaration", "2024-10-12", "2024-10-12", None)],
    "jember-apel-akbar": [
        ("rally", "2024-10-14", "2024-10-14", None),
        ("declaration", "2024-10-23", "2024-10-23", None),
    ],
    "kediri-seminar": [
        ("outreach", "2024-10-08", "2024-10-08", None),
        ("outreach", "2024-10-28", "2024-11-01", None),
    ],
    "gresik-sosialisasi-desa": [
        ("outreach", "2024-10-10", "2024-10-10", None),
        ("circular", "2024-09-20", "2024-09-20", "800/789/437.54/2024"),
    ],
    "situbondo-kordiv-bawaslu": [
        ("outreach", "2024-10-08", "2024-10-08", None),
        ("outreach", "2024-10-09", "2024-10-09", None),
        ("outreach", "2024-10-10", "2024-10-10", None),
    ],
    "bondowoso-selaku-sekda": [
        ("declaration", "2024-10-11", "2024-10-11", None),
        ("circular", "2024-09-05", "2024-09-05", "800.1.4/3321/430.10.2/2024"),
    ],
    "jember-kordiv-kpu": [("outreach", "2024-09-30", "2024-09-30", None)],
    "lumajang-apel-tiga-hari": [("rally", "2024-10-16", "2024-10-18", None)],
    "probolinggo-kabupaten-edaran": [
        ("circular", "2024-09-19", "2024-09-19", "000.1.5/2011/426.11/2024"),
        ("outreach", "2024-09-24", "2024-09-24", None),
    ],
    "banyuwangi-dialog-interaktif": [("outreach", "2024-10-17", "2024-10-17", None)],
    "probolinggo-kota-plh-sekda": [("outreach", "2024-10-09", "2024-10-09", None)],
    "jatim-kanreg-bkn": [("outreach", "2024-10-03", "2024-10-04", None)],
    "sumenep-deklarasi-damai": [
        ("declaration", "2024-10-12", "2024-10-12", None),
        ("rally", "2024-10-11", "2024-10-11", None),
    ],
    "tanah-datar-apel-sumbar": [
        ("rally", "2024-10-14", "2024-10-14", None),
        ("declaration", "2024-10-14", "2024-10-14", None),
    ],
    "situbondo-antara-style": [
        ("outreach", "2024-10-07", "2024-10-07", None),
        ("outreach", "2024-10-24", "2024-10-24", None),
    ],
    "pontianak-webinar-kalbar": [
        ("outreach", "2024-10-10", "2024-10-10", None),
        ("circular", "2024-09-09", "2024-09-09", "800.1.6.4/123/BKPSDM-A/2024"),
        ("outreach", "2024-10-24", "2024-10-24", None),
    ],
    "blitar-edaran-dan-bimtek": [
        ("circular", "2024-09-16", "2024-09-16", "100.3.4.2/1123/410.010.1/2024"),
        ("outreach", "2024-09-23", "2024-09-24", None),
        ("outreach", "2024-09-30", "2024-10-01", None),
    ],
}
MODES = {
    "bondowoso-sosialisasi-hybrid": ("outreach", "2024-10-09", "hybrid"),
    "probolinggo-webinar-youtube": ("outreach", "2024-10-17", "hybrid"),
    "jember-apel-akbar": ("rally", "2024-10-14", "hybrid"),
    "malang-bimtek-zoom": ("outreach", "2024-10-03", "online"),
    "gresik-sosialisasi-desa": ("outreach", "2024-10-10", "offline"),
    "pasuruan-rakor": ("outreach", "2024-10-01", "offline"),
    "jember-kordiv-kpu": ("outreach", "2024-09-30", "hybrid"),
    "probolinggo-kota-plh-sekda": ("outreach", "2024-10-09", "hybrid"),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_dev_article_gives_its_dated_activities(name):
    dated = [
        (a["type"], a["date_start"], a["date_end"], a["reference"])
        for a in extracted(name)["activities"]
        if a["date_start"]
    ]
    assert dated == EXPECTED[name]


@pytest.mark.parametrize("name", sorted(MODES))
def test_the_mode_is_read_from_the_activitys_sentences(name):
    kind, day, mode = MODES[name]
    (activity,) = [
        a for a in extracted(name)["activities"] if a["type"] == kind and a["date_start"] == day
    ]
    assert activity["mode"] == mode


@pytest.mark.parametrize(
    "sentence",
    [
        "Sosialisasi digelar luring di Aula Pemkab dan daring melalui Zoom, Rabu (9/10/2024).",
        "Sosialisasi digelar luring di Aula Bappeda dan live streaming YouTube, Rabu (9/10/2024).",
        "Sosialisasi digelar Rabu (9/10/2024) di Pendopo dan disiarkan melalui kanal YouTube.",
    ],
)
def test_an_event_in_a_hall_and_over_a_video_call_at_once_is_hybrid(sentence):
    (activity,) = extract("Judul\n" + sentence)["activities"]
    assert activity["mode"] == "hybrid"


def test_a_circulars_own_date_stays_apart_from_the_dates_of_the_events_it_orders():
    text = (
        "Judul\nBupati menerbitkan SE Bupati Nomor 000.1.5/123/2024. SE yang diterbitkan pada "
        "2 September 2024 itu meminta OPD menggelar apel netralitas pada 9 Oktober 2024 dan "
        "sosialisasi pada 14 hingga 16 Oktober 2024."
    )
    dated = [
        (a["type"], a["date_start"], a["date_end"], a["reference"])
        for a in extract(text)["activities"]
    ]
    assert dated == [
        ("circular", "2024-09-02", "2024-09-02", "000.1.5/123/2024"),
        ("rally", "2024-10-09", "2024-10-09", None),
        ("outreach", "2024-10-14", "2024-10-16", None),
    ]


def test_a_day_of_the_election_schedule_is_not_the_activitys_date():
    text = (
        "Judul\nApel netralitas digelar Senin (14/10/2024), sebulan jelang pemungutan suara "
        "27 November 2024. Camat diminta menggelar pembinaan paling lambat 4 Oktober 2024."
    )
    dated = [(a["type"], a["date_start"]) for a in extract(text, None)["activities"]]
    assert dated == [("rally", "2024-10-14"), ("outreach", None)]


def test_an_activity_dated_in_the_next_sentence_takes_that_date():
    text = (
        "Judul\nBKPSDM akan menggelar sosialisasi netralitas. "
        "Kegiatan itu digelar pada 9 Oktober 2024."
    )
    (activity,) = extract(text)["activities"]
    assert (activity["type"], activity["date_start"]) == ("outreach", "2024-10-09")


def test_an_activity_named_after_a_lead_that_told_only_the_day_takes_that_day():
    text = (
        "Judul\nPemkab Situbondo menggelar kegiatan bertajuk ASN Netral di Aula Abdurrahman, "
        "Senin (7/10/2024). Sosialisasi ini diikuti 500 ASN."
    )
    (activity,) = extract(text, None)["activities"]
    assert (activity["type"], activity["date_start"]) == ("outreach", "2024-10-07")


def test_the_day_a_circular_was_signed_may_be_told_in_a_sentence_of_its_own():
    text = (
        "Judul\nBupati menerbitkan Surat Edaran Nomor 800/123/431/2024 tentang netralitas. "
        "Surat itu ditandatangani pada 2 September 2024."
    )
    (circular,) = extract(text, None)["activities"]
    assert (circular["date_start"], circular["reference"]) == ("2024-09-02", "800/123/431/2024")


def test_the_same_activity_told_twice_joins_what_each_telling_says_of_its_mode():
    text = (
        "Judul\nSosialisasi digelar di Aula Pemkab pada Rabu (9/10/2024). Peserta lain "
        "mengikuti sosialisasi pada Rabu (9/10/2024) melalui Zoom."
    )
    (activity,) = extract(text, None)["activities"]
    assert (activity["date_start"], activity["mode"]) == ("2024-10-09", "hybrid")
