"""Region names to Kemendagri codes: "Pemkab Jember" -> 35.09, "Kota Jambi" -> 15.71,
"Kabupaten Lumajang" -> 35.08, "Pemprov Jatim" -> 35. A bare "Pemkot" or "Pemkab" refers to
the last city or regency named before it. A name counts only with its prefix ("Kabupaten
Bekasi", "Pj Bupati Bekasi"): a bare "Bekasi" may be the regency or the city, and a bare name
is often a person's, a street's or a building's."""

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

REGIONS_FILE = Path(__file__).resolve().parents[2] / "regions" / "data" / "regions.json"
PROVINCE_ABBREVIATIONS = {
    "jatim": "Jawa Timur",
    "jateng": "Jawa Tengah",
    "jabar": "Jawa Barat",
    "sumut": "Sumatera Utara",
    "sumbar": "Sumatera Barat",
    "sumsel": "Sumatera Selatan",
    "kalbar": "Kalimantan Barat",
    "kalteng": "Kalimantan Tengah",
    "kalsel": "Kalimantan Selatan",
    "kaltim": "Kalimantan Timur",
    "kaltara": "Kalimantan Utara",
    "sulut": "Sulawesi Utara",
    "sulteng": "Sulawesi Tengah",
    "sulsel": "Sulawesi Selatan",
    "sultra": "Sulawesi Tenggara",
    "sulbar": "Sulawesi Barat",
    "ntb": "Nusa Tenggara Barat",
    "ntt": "Nusa Tenggara Timur",
    "diy": "Daerah Istimewa Yogyakarta",
    "dki": "DKI Jakarta",
    "babel": "Kepulauan Bangka Belitung",
    "kepri": "Kepulauan Riau",
    "malut": "Maluku Utara",
}
CITY_WORDS = r"(?:pemerintah kota|pemkot|kota|wali ?kota|walikota|pj\.? wali ?kota)"
REGENCY_WORDS = r"(?:pemerintah kabupaten|pemkab|kabupaten|kab\.|bupati|pj\.? bupati)"
PROVINCE_WORDS = r"(?:pemerintah provinsi|pemprov|provinsi|prov\.|gubernur|pj\.? gubernur)"


@dataclass(frozen=True)
class Place:
    start: int
    end: int
    code: str
    name: str
    text: str


@lru_cache(maxsize=1)
def gazetteer():
    """({level: {lowercase bare name: (code, official name)}}, {code: name})."""
    items = json.loads(REGIONS_FILE.read_text(encoding="utf-8"))["items"]
    by_level = {"city": {}, "regency": {}, "province": {}}
    names = {}
    for code, name, level, _zone in items:
        if level == "district":
            continue
        names[code] = name
        bare = re.sub(r"^(kabupaten|kota|provinsi)\s+", "", name.lower()).strip()
        by_level[level][bare] = (code, name)
    for short, full in PROVINCE_ABBREVIATIONS.items():
        match = by_level["province"].get(full.lower())
        if match:
            by_level["province"][short] = match
    return by_level, names


@lru_cache(maxsize=1)
def district_names():
    """The lowercase names of the districts (kecamatan), which name no region here but tell
    where a local office's place ends: "Camat Rasau Jaya", "Camat Sungai Raya"."""
    items = json.loads(REGIONS_FILE.read_text(encoding="utf-8"))["items"]
    return frozenset(name.lower() for _code, name, level, _zone in items if level == "district")


@lru_cache(maxsize=1)
def _patterns():
    by_level, _names = gazetteer()

    def alternatives(names):
        return "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True))

    return [
        # Each lookahead is the set of first letters of the words before a name, so that the
        # long alternations are tried only where one may start.
        (
            "city",
            re.compile(rf"(?=[pkwPKW])\b{CITY_WORDS}\s+({alternatives(by_level['city'])})\b", re.I),
        ),
        (
            "regency",
            re.compile(
                rf"(?=[pkbPKB])\b{REGENCY_WORDS}\s+({alternatives(by_level['regency'])})\b",
                re.I,
            ),
        ),
        (
            "province",
            re.compile(
                rf"(?=[pgPG])\b{PROVINCE_WORDS}\s+"
                rf"({alternatives(by_level['province'])})\b",
                re.I,
            ),
        ),
        (
            "pronoun",
            re.compile(
                r"\b([Pp]emkot|[Pp]emkab|[Pp]emprov|PEMKOT|PEMKAB|PEMPROV)\b"
                r"(?!\s+[A-Z])"
            ),
        ),
    ]


def find_places(text):
    by_level, _names = gazetteer()
    found, taken = [], []
    for kind, pattern in _patterns():
        for match in pattern.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            if kind == "pronoun":
                continue  # resolved below, in reading order
            name = match.group(1).lower()
            level = kind
            code, official = by_level[level][name]
            taken.append((match.start(), match.end()))
            found.append(Place(match.start(), match.end(), code, official, match.group()))
    found.sort(key=lambda p: p.start)
    for match in _patterns()[-1][1].finditer(text):
        if any(s <= match.start() < e for s, e in taken):
            continue
        word = match.group(1).lower()
        wanted = {"pemkot": "Kota ", "pemkab": "Kabupaten ", "pemprov": ""}[word]
        before = [
            p
            for p in found
            if p.start < match.start()
            and (p.name.startswith(wanted) if wanted else "." not in p.code)
        ]
        if before:
            last = before[-1]
            found.append(Place(match.start(), match.end(), last.code, last.name, match.group()))
    return sorted(found, key=lambda p: p.start)
