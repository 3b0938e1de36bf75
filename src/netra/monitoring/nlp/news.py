"""Prevention activity in a news article: where, what, when, how, under which rules, who.

extract(text, published) returns the object of `netra news extract` (without "file"):
regions named, activities (circular, outreach, declaration, rally) each with the dates, mode
and circular number found in its stretch of sentence, regulations cited, and the officials
and people quoted (people.py). A circular keeps the day it was signed apart from the days of
the events it orders; a mention that tells no day adds its mode or number to the dated one.
"""

import re
from bisect import bisect_left

from .dates import find_dates
from .people import find_people
from .places import find_places
from .references import find_references

# Each pattern opens with a lookahead on the first letters of its words, so that the
# alternation is tried only where one of them may start.
ACTIVITY_WORDS = [
    (
        "circular",
        re.compile(
            r"(?=[SsEem])\b(?:[Ss]urat [Ee]daran|[Ee]daran|SE|menerbitkan se|"
            r"[Ss]urat (?:itu|tersebut|ini)|"
            r"[Ss][Ee] (?:[Bb]upati|[Ww]ali ?[Kk]ota|[Gg]ubernur|[Ss]ekda|[Bb]ersama))\b"
        ),
    ),
    (
        "declaration",
        re.compile(
            r"(?=[dbmipt])\b(?:(?:men|ber)?deklarasi(?:kan)?|(?:ber|meng)?ikrar(?:kan)?|"
            r"pakta integritas|penandatanganan komitmen|"
            r"(?:menandatangani|meneken|teken) komitmen)\b",
            re.I,
        ),
    ),
    (
        "rally",
        re.compile(r"(?=[au])\b(?:apel(?: siaga| bersama| netralitas| akbar)?|upacara)\b", re.I),
    ),
    (
        "outreach",
        re.compile(
            r"(?=[spwbdtrelfcm])\b(?:(?:sosialisasi|menyosialisasi)(?:kan)?|pembinaan|webinar|seminar|"
            r"bimbingan teknis|bimtek|dialog|talkshow|talk show|rapat koordinasi|rakor|diskusi|"
            r"penyuluhan|edukasi|workshop|lokakarya|sarasehan|fgd|focus group discussion|"
            r"coaching clinic|pengarahan|pembekalan|diseminasi)\b",
            re.I,
        ),
    ),
]
ONLINE = re.compile(
    r"\b(?:daring|online|virtual|zoom|video ?conference|vicon|live streaming|live|"
    r"youtube|google meet|siaran langsung|disiarkan|streaming)\b",
    re.I,
)
OFFLINE = re.compile(
    r"\b(?:luring|tatap muka|offline|di aula|di pendopo|di gedung|di halaman|"
    r"di kantor|di ruang|di alun-alun|di balai|di hotel|di graha|di auditorium|"
    r"di lapangan|di taman|di masjid|di pendapa|bertempat di|hadir langsung)\b",
    re.I,
)
HYBRID = re.compile(
    r"\b(?:hybrid|hibrida|hibrid|daring dan luring|luring dan daring|"
    r"online dan offline|offline dan online)\b",
    re.I,
)
# The day a circular was signed or issued, not the days of what it orders.
SIGNED = re.compile(
    r"\b(?:ditandatangani|diterbitkan|dikeluarkan|tertanggal|bertanggal|terbit|diteken|"
    r"ditetapkan|diundangkan|tanggal)\b[^.\n]{0,25}$",
    re.I,
)
# A date of the election's schedule, not of the activity: "jelang pemungutan suara 27
# November", "paling lambat 4 Oktober".
SCHEDULE_WORD = re.compile(
    r"\b(?:pemungutan suara|pencoblosan|masa kampanye|masa tenang|jadwal kampanye|tahapan|"
    r"paling lambat|batas waktu|hari pemilihan|hari h)\b",
    re.I,
)
SCHEDULE_GAP = re.compile(r"(?:[^\w.\n]+\w+){0,3}[^\w.\n]*")
# A sentence that goes on with the activity just told: "Kegiatan itu digelar pada ...".
CONTINUATION = re.compile(r"\b(?:kegiatan|acara|agenda)\b", re.I)
# "Sosialisasi ini diikuti 500 ASN": the activity of the sentence before, dated there.
THIS_ONE = re.compile(r"\W*\w+(?:\s+\w+){0,2}?\s+(?:ini|tersebut|itu)\b", re.I)
# "Usai apel, peserta membacakan ikrar": the same day as the activity before.
SAME_DAY = re.compile(
    r"^\W*(?:usai|seusai|setelah|sesudah|selepas|kemudian|selanjutnya|dilanjutkan)\b", re.I
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


def _joined_mode(first, second):
    if first is None or first == second:
        return second if first is None else first
    if second is None:
        return first
    return "hybrid"


def _activity_words(words, start, end):
    """(position in the sentence, type) of the activity WORDS (position, type) of the text
    between START and END, a repeated type once."""
    kept = []
    for position, kind in words[bisect_left(words, (start, "")) :]:
        if position >= end:
            break
        if not kept or kept[-1][1] != kind:
            kept.append((position - start, kind))
    return kept


def _schedule_days(text, dates):
    """The date mentions that belong to the election's schedule."""
    ends = [m.end() for m in SCHEDULE_WORD.finditer(text)]
    if not ends:
        return set()
    return {
        id(d)
        for d in dates
        if any(0 <= d.start - e <= 40 and SCHEDULE_GAP.fullmatch(text, e, d.start) for e in ends)
    }


def _circular_date(text, segment_dates, seg_start):
    """The date a circular's segment gives it: the day it was signed or issued if told."""
    for mention in segment_dates:
        if SIGNED.search(text, max(seg_start, mention.start - 40), mention.start):
            return mention
    return segment_dates[0] if segment_dates else None


def _activities(text, dates, references):
    """Activities in reading order, each {type, date_start, date_end, mode, reference,
    sentence}."""
    activities = []
    last_dated = previous_sentence_date = previous_undated_lead = None
    words = sorted(
        (m.start(), kind) for kind, pattern in ACTIVITY_WORDS for m in pattern.finditer(text)
    )
    schedule = _schedule_days(text, dates)
    for number, (start, end) in enumerate(sentences(text)):
        sentence = text[start:end]
        sentence_dates = [d for d in dates if start <= d.start < end]
        previous_sentence_date, previous_undated_lead = previous_undated_lead, None
        kept = _activity_words(words, start, end)
        if not kept:
            undated_lead = [d for d in sentence_dates if id(d) not in schedule]
            previous_undated_lead = undated_lead[0] if undated_lead else None
            if activities and CONTINUATION.search(sentence):
                previous = next((a for a in reversed(activities) if a["type"] != "circular"), None)
                if previous and undated_lead:
                    activities.append(
                        {**previous, "when": undated_lead[0], "sentence": number,
                         "mode": _mode(sentence), "reference": None}
                    )  # fmt: skip
                elif previous:
                    previous["mode"] = _joined_mode(previous["mode"], _mode(sentence))
            continue
        event_dates = [d for d in sentence_dates if id(d) not in schedule]
        circular_spans = []
        for index, (position, kind) in enumerate(kept):
            seg_start = start if index == 0 else start + position
            seg_end = start + kept[index + 1][0] if index + 1 < len(kept) else end
            if kind == "circular":
                circular_spans.append((seg_start, seg_end))
        for index, (position, kind) in enumerate(kept):
            # Each activity word opens a segment that runs to the next one: "apel ... pada
            # 9-10 Oktober, dilanjutkan deklarasi ... Senin pekan depan" gives two.
            seg_start = start if index == 0 else start + position
            seg_end = start + kept[index + 1][0] if index + 1 < len(kept) else end
            in_segment = [d for d in sentence_dates if seg_start <= d.start < seg_end]
            if kind == "circular":
                when = _circular_date(text, in_segment, seg_start)
            else:
                in_segment = [d for d in event_dates if seg_start <= d.start < seg_end]
                # A date told earlier in the sentence, unless it was a circular's own.
                before = [
                    d
                    for d in event_dates
                    if d.start < seg_start and not any(s <= d.start < e for s, e in circular_spans)
                ]
                when = in_segment[0] if in_segment else (before[-1] if before else None)
                if when is None and last_dated is not None and SAME_DAY.search(sentence):
                    when = last_dated
                if when is None and THIS_ONE.match(text, seg_start, seg_end):
                    # The lead told the day without naming the activity: "Pemkab menggelar
                    # kegiatan di Aula, Senin (7/10). Sosialisasi ini diikuti ...".
                    when = previous_sentence_date
            circular = next(
                (r.number for r in references if r.kind == "SE" and seg_start <= r.start < seg_end),
                None,
            )
            kinds = [kind, "circular"] if circular and kind != "circular" else [kind]
            for activity in kinds:
                activities.append(
                    {
                        "type": activity,
                        "when": when if activity == kind else None,
                        "mode": None if activity == "circular" else _mode(text[seg_start:seg_end]),
                        "reference": circular if activity == "circular" else None,
                        "sentence": number,
                    }
                )
            # "di Asembagus pada Rabu (9/10) dan di Besuki pada Kamis (10/10)": one each.
            for later in in_segment[1:] if kind != "circular" else ():
                activities.append(
                    {
                        "type": kind,
                        "when": later,
                        "mode": _mode(text[seg_start:seg_end]),
                        "reference": None,
                        "sentence": number,
                    }
                )
            if when is not None:
                last_dated = when
    return activities


def _merged(activities):
    """Dated activities, with what undated mentions of the same one add: a mode told in the
    next sentence, a circular's number told apart from its date. An activity never dated
    stays, once."""
    dated = [a for a in activities if a["when"] is not None]
    for activity in activities:
        if activity["when"] is not None:
            continue
        same = [a for a in dated if a["type"] == activity["type"]]
        if not same:
            continue
        nearest = min(same, key=lambda a: abs(a["sentence"] - activity["sentence"]))
        if activity["type"] == "circular":
            if activity["reference"] and not any(
                a["reference"] == activity["reference"] for a in same
            ):
                without = [a for a in same if not a["reference"]]
                if without:
                    min(without, key=lambda a: abs(a["sentence"] - activity["sentence"]))[
                        "reference"
                    ] = activity["reference"]
                else:
                    dated.append(activity)  # a second circular, its date untold
        elif len(same) == 1 or abs(nearest["sentence"] - activity["sentence"]) <= 2:
            nearest["mode"] = _joined_mode(nearest["mode"], activity["mode"])
    dated_types = {a["type"] for a in dated}
    kept = dated + [a for a in activities if a["when"] is None and a["type"] not in dated_types]
    kept.sort(key=lambda a: (a["sentence"], activities.index(a)))
    result, seen = [], {}
    for activity in kept:
        first, last = activity["when"].iso() if activity["when"] else (None, None)
        key = (activity["type"], first, last, activity["reference"])
        if key in seen:
            # The same activity told twice: what each mention says of its mode counts.
            seen[key]["mode"] = _joined_mode(seen[key]["mode"], activity["mode"])
            continue
        seen[key] = {
            "type": activity["type"],
            "date_start": first,
            "date_end": last,
            "mode": activity["mode"],
            "reference": activity["reference"],
        }
        result.append(seen[key])
    # The same activity dated twice with and without its circular number: keep the number.
    numbered = {(a["type"], a["date_start"]) for a in result if a["reference"]}
    return [a for a in result if a["reference"] or (a["type"], a["date_start"]) not in numbered]


def extract(text, published=None):
    places = find_places(text)
    regions, seen = [], set()
    for place in places:
        if place.code not in seen:
            seen.add(place.code)
            regions.append({"code": place.code, "name": place.name})
    dates = find_dates(text, published)
    references = find_references(text)
    activities = _merged(_activities(text, dates, references))
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
