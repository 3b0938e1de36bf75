"""The dev articles of tests/monitoring/articles with their publication dates, for the news
extraction tests (written for these tests, never taken from the frozen evaluation set)."""

from datetime import date
from pathlib import Path

from netra.monitoring.nlp.news import extract

ARTICLES = Path(__file__).resolve().parent / "articles"
PUBLISHED = {
    "situbondo-surat-edaran": date(2024, 10, 16),
    "bondowoso-sosialisasi-hybrid": date(2024, 10, 9),
    "banyuwangi-apel-deklarasi": date(2024, 10, 7),
    "probolinggo-webinar-youtube": date(2024, 10, 17),
    "pasuruan-rakor": date(2024, 10, 1),
    "sidoarjo-pakta-integritas": date(2024, 10, 4),
    "malang-bimtek-zoom": date(2024, 10, 3),
    "jambi-kota-surat-edaran": date(2024, 10, 1),
    "lumajang-ikrar-kades": date(2024, 10, 12),
    "jember-apel-akbar": date(2024, 10, 14),
    "kediri-seminar": date(2024, 10, 8),
    "gresik-sosialisasi-desa": date(2024, 10, 10),
    "situbondo-kordiv-bawaslu": date(2024, 10, 8),
    "bondowoso-selaku-sekda": date(2024, 10, 11),
    "jember-kordiv-kpu": date(2024, 9, 30),
    "lumajang-apel-tiga-hari": date(2024, 10, 16),
    "probolinggo-kabupaten-edaran": date(2024, 9, 25),
    "banyuwangi-dialog-interaktif": date(2024, 10, 17),
    "probolinggo-kota-plh-sekda": date(2024, 10, 9),
    "jatim-kanreg-bkn": date(2024, 10, 4),
    "sumenep-deklarasi-damai": date(2024, 10, 12),
    "blitar-edaran-dan-bimtek": date(2024, 9, 20),
    "tanah-datar-apel-sumbar": date(2024, 10, 14),
    "pontianak-webinar-kalbar": date(2024, 10, 10),
    "situbondo-antara-style": date(2024, 10, 15),
}


def extracted(name):
    text = (ARTICLES / f"{name}.txt").read_text(encoding="utf-8")
    return extract(text, PUBLISHED[name])
