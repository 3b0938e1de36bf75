"""Prevention activity in a news article: where, what, when, how, under which rules, who.

extract(text, published) returns the object of `netra news extract` (without "file"):
regions named, activities (circular, outreach, declaration, rally) each with the dates, mode
and circular number found in its sentence, regulations cited, and officials quoted.
"""

import re

from .dates import find_dates
from .people import find_people
from .places import find_places
from .references import find_references

ACTIVITY_WORDS = [
    (
        "circular",
        re.compile(
            r"\b(surat edaran|se bupati|se wali ?kota|se gubernur|"
            r"se sekda|menerbitkan se)\b",
            re.I,
        ),
    ),
    (
        "declaration",
        re.compile(
            r"\b(deklarasi|ikrar|pakta integritas|penandatanganan komitmen"
            r"|berikrar)\b",
            re.I,
        ),
    ),
    ("rally", re.compile(r"\b(apel(?: siaga| bersama| netralitas| akbar)?|upacara)\b", re.I)),
    (
        "outreach",
        re.compile(
            r"\b(sosialisasi|pembinaan|webinar|seminar|bimbingan teknis|"
            r"bimtek|dialog|talkshow|rapat koordinasi|rakor|diskusi|"
            r"penyuluhan|edukasi)\b",
            re.I,
        ),
    ),
]
ONLINE = re.compile(
    r"\b(daring|online|virtual|zoom|video ?conference|vicon|live streaming|"
    r"youtube)\b",
    re.I,
)
OFFLINE = re.compile(
    r"\b(luring|tatap muka|offline|di aula|di pendopo|di gedung|di halaman|"
    r"di kantor|di ruang)\b",
    re.I,
)
HYBRID = re.compile(
    r"\b(hybrid|hibrida|daring dan luring|luring dan daring|"
    r"online dan offline|offline dan online)\b",
    re.I,
)
SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)", re.M)
# A period inside an abbreviation, a number or a code ("HKM.05/12") does not end a sentence.
_PROTECT = re.compile(
    r"\b(?:No|Nomor|Drs|Dr|Ir|H|Hj|Prof|Pj|Plt|S\.Pd|M\.Si|Kab|Prov|dr|"
    r"s\.d|Tbk)\.|\.(?=\S)"
)


def sentences(text):
    """(start, end) of each sentence of TEXT."""
    masked = _PROTECT.sub(lambda m: m.group().replace(".", "\u2024"), text)
    return [(m.start(), m.end()) for m in SENTENCE.finditer(masked) if m.group().strip()]


def _mode(sentence):
    if HYBRID.search(sentence):
        return "hybrid"
    online, offline = ONLINE.search(sentence), OFFLINE.search(sentence)
    if online and offline:
        return "hybrid"
    return "online" if online else "offline" if offline else None


def extract(text, published=None):
    places = find_places(text)
    regions, seen = [], set()
    for place in places:
        if place.code not in seen:
            seen.add(place.code)
            regions.append({"code": place.code, "name": place.name})
    dates = find_dates(text, published)
    references = find_references(text)
    activities, seen_activities = [], set()
    for start, end in sentences(text):
        sentence = text[start:end]
        # Each activity word opens a segment that runs to the next one: "apel ... pada 9-10
        # Oktober, dilanjutkan deklarasi ... Senin pekan depan" gives two activities.
        found = sorted(
            (
                (m.start(), kind)
                for kind, pattern in ACTIVITY_WORDS
                for m in pattern.finditer(sentence)
            ),
            key=lambda item: item[0],
        )
        kept = []
        for position, kind in found:
            if not kept or kept[-1][1] != kind:
                kept.append((position, kind))
        for index, (position, kind) in enumerate(kept):
            seg_start = start if index == 0 else start + position
            seg_end = start + kept[index + 1][0] if index + 1 < len(kept) else end
            in_segment = [d for d in dates if seg_start <= d.start < seg_end]
            before = [d for d in dates if start <= d.start < seg_start]
            when = in_segment[0] if in_segment else (before[-1] if before else None)
            circular = next(
                (r.number for r in references if r.kind == "SE" and seg_start <= r.start < seg_end),
                None,
            )
            if circular and kind != "circular":
                kind_list = [kind, "circular"]
            else:
                kind_list = [kind]
            for activity in kind_list:
                first, last = when.iso() if when else (None, None)
                reference = circular if activity == "circular" else None
                key = (activity, first, reference)
                if key in seen_activities:
                    continue
                seen_activities.add(key)
                activities.append(
                    {
                        "type": activity,
                        "date_start": first,
                        "date_end": last,
                        "mode": None if activity == "circular" else _mode(text[seg_start:seg_end]),
                        "reference": reference,
                    }
                )
    # A title or lead naming an activity without its date adds nothing to the dated mention.
    dated = {a["type"] for a in activities if a["date_start"]}
    activities = [a for a in activities if a["date_start"] or a["type"] not in dated]
    regulations = [
        {"kind": r.kind, "number": r.number, "year": r.year, "text": r.text}
        for r in references
        if r.kind != "SE"
    ]
    known = (
        {p.name.lower() for p in places}
        | {re.sub(r"^(kabupaten|kota|provinsi)\s+", "", p.name.lower()) for p in places}
        | {p.text.lower() for p in places}
    )
    people, seen_people = [], set()
    for person in find_people(text, known):
        if person.name not in seen_people:
            seen_people.add(person.name)
            people.append({"name": person.name, "title": person.title})
    return {
        "regions": regions,
        "activities": activities,
        "regulations": _unique(regulations),
        "people": people,
    }


def _unique(items):
    seen, result = set(), []
    for item in items:
        key = (item["kind"], item["number"], item["year"])
        if key not in seen:
            seen.add(key)
            result.append(item)
    return result
