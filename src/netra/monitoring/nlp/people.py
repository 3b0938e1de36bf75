"""Officials quoted in the news, with their titles: "Pj Bupati Jember Hendy Siswanto",
"Kepala BKPSDM Kabupaten Jember, Sukowinarno", "Ketua Bawaslu Kota Jambi Fahrul Rozi",
"Camat Ajung, Drs. Budi Santoso, M.Si", "Kepala Desa Sukorejo Ahmad Fauzi"."""

import re
from dataclasses import dataclass

ACTING = r"(?:Pj\.?|Pjs\.?|Plt\.?|Plh\.?|Penjabat|Pelaksana Tugas)"
OFFICES = [
    r"Wakil Bupati",
    r"Bupati",
    r"Wakil Wali ?[Kk]ota",
    r"Wali ?[Kk]ota",
    r"Wakil Gubernur",
    r"Gubernur",
    r"Sekretaris Daerah",
    r"Sekda",
    r"Kepala BKPSDM",
    r"Kepala BKPSDMD",
    r"Kepala BKD",
    r"Kepala BKPP",
    r"Kepala BKPPD",
    r"Kepala Badan Kepegawaian(?: Daerah)?",
    r"Kepala Dinas(?: [A-Z][a-z]+){1,3}",
    r"Kadis(?: [A-Z][a-z]+){1,2}",
    r"Inspektur",
    r"Ketua Bawaslu",
    r"Anggota Bawaslu",
    r"Koordinator Divisi [A-Z][\w ]{3,40}? Bawaslu",
    r"Ketua KPU",
    r"Anggota KPU",
    r"Ketua DPRD",
    r"Kapolres",
    r"Kapolresta",
    r"Dandim",
    r"Camat",
    r"Kepala Desa",
    r"Kades",
    r"Lurah",
]
TITLE = re.compile(rf"\b(?:({ACTING})\s+)?({'|'.join(OFFICES)})\b")
NAME_TOKEN = r"(?:[A-Z][a-zA-Z'’-]+|[A-Z]\.)"
PREFIX_TITLE = r"(?:(?:Drs?|Dra|Ir|Hj?|Prof|dr|KH)\.\s*)*"
DEGREES = r"(?:,\s*(?:[A-Z][A-Za-z]{0,4}\.){1,3}(?:[A-Za-z]{1,4}\.?)?)*"
NAME = re.compile(rf"{PREFIX_TITLE}{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{0,4}}{DEGREES}")
# Words that start a sentence's predicate, not a name.
NOT_NAME = {
    "Mengatakan",
    "Menyampaikan",
    "Menegaskan",
    "Mengimbau",
    "Mengingatkan",
    "Meminta",
    "Menjelaskan",
    "Menyebut",
    "Saat",
    "Dalam",
    "Pada",
    "Di",
    "Dan",
    "Yang",
    "Juga",
}


@dataclass(frozen=True)
class PersonMention:
    start: int
    end: int
    name: str
    title: str


def _name_after(text, position):
    """The name starting at POSITION (after an optional comma), or None."""
    rest = text[position:]
    skip = len(rest) - len(rest.lstrip(" ,"))
    match = NAME.match(rest, skip)
    if not match:
        return None
    words = match.group().split()
    while words and words[0].strip(",") in NOT_NAME:
        return None
    return position + match.start(), position + match.end(), match.group().strip(" ,")


PLACE_AT = re.compile(
    r" ((?:Kabupaten|Kab\.|Kota|Provinsi|Prov\.|Kecamatan|Desa|Kelurahan) )?"
    r"([A-Z][a-z]+)(?: ([A-Z][a-z]+))?"
)
LOCAL_OFFICES = ("Camat", "Kepala Desa", "Kades", "Lurah")


def _place_end(text, position, known_places, local_office):
    """Where the place of an office ends (POSITION if the title names none)."""
    match = PLACE_AT.match(text, position)
    if not match:
        return position
    prefix, first, second = match.groups()
    prefix = prefix or ""
    first_end = match.start(2) + len(first)
    options = ([(f"{first} {second}", match.end())] if second else []) + [(first, first_end)]
    for words, end in options:
        if (prefix + words).lower() in known_places or words.lower() in known_places:
            return end
    if prefix or local_office or text[first_end : first_end + 1] == ",":
        return first_end  # "Kecamatan Ajung", "Camat Ajung Budi", "Kepala Dinas X, Nama"
    return position


def find_people(text, known_places=()):
    """People named right after an official title. KNOWN_PLACES: lowercase place names (from
    places.find_places) that belong to the title rather than to the person."""
    found = []
    for title in TITLE.finditer(text):
        end = _place_end(text, title.end(), known_places, title.group(2) in LOCAL_OFFICES)
        name = _name_after(text, end)
        if name:
            _start, name_end, written = name
            found.append(
                PersonMention(title.start(), name_end, written, text[title.start() : end].strip())
            )
    return found
