"""Regulation and circular references: "PP Nomor 94 Tahun 2021", "UU No 5 Tahun 2014",
"Perbawaslu 9/2024", "PKPU Nomor 2 Tahun 2024", "SKB 5 Menteri", "Surat Edaran Nomor
800/6516/41/2023", "SE Bupati Nomor HKM.05/12/EDR/IX/HKU/2024"."""

import re
from dataclasses import dataclass

#: spelling in text -> the kind reported
KINDS = {
    "undang-undang": "UU",
    "uu": "UU",
    "peraturan pemerintah": "PP",
    "pp": "PP",
    "perppu": "Perppu",
    "peraturan presiden": "Perpres",
    "perpres": "Perpres",
    "peraturan bawaslu": "Perbawaslu",
    "perbawaslu": "Perbawaslu",
    "peraturan kpu": "PKPU",
    "pkpu": "PKPU",
    "peraturan menteri dalam negeri": "Permendagri",
    "permendagri": "Permendagri",
    "permenpan-rb": "PermenPANRB",
    "permenpanrb": "PermenPANRB",
    "permenpan rb": "PermenPANRB",
    "peraturan bkn": "PerBKN",
    "perbkn": "PerBKN",
    "peraturan daerah": "Perda",
    "perda": "Perda",
    "peraturan bupati": "Perbup",
    "perbup": "Perbup",
    "peraturan wali kota": "Perwal",
    "peraturan walikota": "Perwal",
    "perwali": "Perwal",
    "perwal": "Perwal",
    "peraturan gubernur": "Pergub",
    "pergub": "Pergub",
    "skb": "SKB",
    "surat keputusan bersama": "SKB",
    "peraturan komisi pemilihan umum": "PKPU",
    "peraturan badan pengawas pemilihan umum": "Perbawaslu",
    "peraturan badan kepegawaian negara": "PerBKN",
    "peraturan menteri panrb": "PermenPANRB",
    "peraturan menpan-rb": "PermenPANRB",
    "peraturan menpan rb": "PermenPANRB",
    "peraturan menteri pendayagunaan aparatur negara dan reformasi birokrasi": "PermenPANRB",
}
_KIND = "|".join(sorted((re.escape(k) for k in KINDS), key=len, reverse=True))
_NUMBER_WORD = r"(?:nomor|nomer|no\.?|nmr\.?|bernomor)"

REGULATION = re.compile(
    # "Peraturan Pemerintah (PP) Nomor 94 Tahun 2021", "UU ASN Nomor 20 Tahun 2023",
    # "UU RI No. 10/2016", "PP 94/2021", "UU Pemilu 7/2017"
    # (The lookahead lets most positions fail at once: every kind starts with u, p or s.)
    rf"(?=[upsUPS])\b({_KIND})\s+(?:\([A-Za-z-]{{2,12}}\)\s*)?"
    # Words between the kind and its number ("UU ASN Nomor", "SKB 5 Menteri Nomor") are
    # capitalised and never a kind themselves ("UU dan PP Nomor 94" is the PP's number).
    rf"(?:(?!(?:{_KIND})\b)(?-i:[A-Z][A-Za-z]{{1,12}}|\d\s+Menteri)\s+){{0,3}}"
    rf"(?:{_NUMBER_WORD}\s*:?\s*)?"
    rf"(\d{{1,4}})\s*(?:tahun|thn\.?|th\.?|/)\s*((?:19|20)\d{{2}})\b",
    re.I,
)
# A circular's number: groups of letters/digits joined by slashes or dots, with at least two
# slashes and a year or a roman month somewhere ("800/6516/41/2023", "HKM.05/12/EDR/IX/2024").
# The circular is named up to 150 characters before its number, in the same sentence (a
# period inside "Pj. Bupati" or "No." does not end it).
CIRCULAR = re.compile(
    r"\b(?:surat edaran|edaran|se(?!-)|surat)\b(?:[^.\n]|\.(?=\S| [a-z0-9]))"
    r"{0,150}?(?<![\w/.])" + _NUMBER_WORD + r"?\s*:?\s*"
    r"([A-Za-z0-9.\-]+(?:\s?/\s?[A-Za-z0-9.\-]+){2,})",
    re.I,
)
# A short circular number right after its name and the word "Nomor": "SE Bupati Nomor
# 12/2024", "Surat Edaran Nomor 2 Tahun 2024".
CIRCULAR_SHORT = re.compile(
    r"\b(?:surat edaran|edaran|se(?!-))\b(?:[^.\n]|\.(?=\S| [a-z0-9])){0,60}?(?<![\w/.])"
    + _NUMBER_WORD
    + r"\s*:?\s*(\d{1,4}\s+tahun\s+(?:19|20)\d{2}|[A-Za-z0-9.\-]+/[A-Za-z0-9.\-]*\d)(?![\w/])",
    re.I,
)
DATE_LIKE = re.compile(r"^\d{1,2}/\d{1,2}/\d{2,4}$")


@dataclass(frozen=True)
class Reference:
    start: int
    end: int
    kind: str  # UU, PP, Perbawaslu, ..., or SE for a circular
    number: str
    year: int | None
    text: str


def find_references(text):
    found = []
    for match in REGULATION.finditer(text):
        kind, number, year = match.groups()
        found.append(
            Reference(
                match.start(), match.end(), KINDS[kind.lower()], number, int(year), match.group()
            )
        )
    regulations = [(r.start, r.end) for r in found]
    numbers = [(m, m.group(1).rstrip(".-")) for m in CIRCULAR.finditer(text)]
    taken = [(m.start(1), m.end(1)) for m, _number in numbers]
    for match in CIRCULAR_SHORT.finditer(text):
        spans = regulations + taken
        if not any(s < match.end(1) and match.start(1) < e for s, e in spans):
            numbers.append((match, match.group(1)))
    for match, number in numbers:
        number = re.sub(r"\s*/\s*", "/", number)
        if DATE_LIKE.match(number):
            continue  # "(20/11/2020)" is a day
        years = re.findall(r"(?:19|20)\d{2}", number)
        found.append(
            Reference(
                match.start(1),
                match.start(1) + len(number),
                "SE",
                number,
                int(years[-1]) if years else None,
                number,
            )
        )
    return sorted(found, key=lambda r: r.start)
