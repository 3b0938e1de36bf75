"""Date expressions in Indonesian news and posts, resolved against the publication date.

"Jumat, 22 November 2024", "22 Nov 2024", "(20/11/2020)", "Senin (21/10)", "9-10 Oktober
2024", "9 s.d. 12 Oktober", "bulan Juli 2024", "Juli lalu", "kemarin", "hari ini", "besok",
"Senin pekan depan", "Selasa lalu". A mention is a day, a range of days, or a month.
"""

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {
    "januari": 1,
    "jan": 1,
    "februari": 2,
    "pebruari": 2,
    "feb": 2,
    "peb": 2,
    "maret": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "mei": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "agustus": 8,
    "agu": 8,
    "agt": 8,
    "ags": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "nop": 11,
    "desember": 12,
    "des": 12,
    "dec": 12,
}
WEEKDAYS = {
    "senin": 0,
    "selasa": 1,
    "rabu": 2,
    "kamis": 3,
    "jumat": 4,
    "jum'at": 4,
    "sabtu": 5,
    "minggu": 6,
    "ahad": 6,
}

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY = "|".join(sorted(WEEKDAYS, key=len, reverse=True)).replace("'", "'?")
_YEAR = r"(?:19|20)\d{2}"

_TO = r"(?:-|–|—|s\.?\s?d\.?|s/d|sampai(?:\s+dengan)?|hingga|sd)"
PATTERNS = [
    # 30 September hingga 2 Oktober 2024, 30 September 2024 - 2 Oktober 2024
    (
        "span",
        re.compile(
            rf"\b(\d{{1,2}})\s+({_MONTH})\.?(?:\s+({_YEAR}))?\s*{_TO}\s*"
            rf"(?:(?:{_DAY}),?\s+)?(\d{{1,2}})\s+({_MONTH})\.?(?:\s+({_YEAR}))?\b",
            re.I,
        ),
    ),
    # Rabu (9/10/2024) hingga Kamis (10/10/2024)
    (
        "numeric span",
        re.compile(
            rf"\(?\b(\d{{1,2}})/(\d{{1,2}})(?:/({_YEAR}|\d{{2}}))?\)?\s*{_TO}\s*"
            rf"(?:(?:{_DAY}),?\s+)?\(?(\d{{1,2}})/(\d{{1,2}})(?:/({_YEAR}|\d{{2}}))?\b\)?",
            re.I,
        ),
    ),
    # Rabu-Kamis (9-10/10/2024), 9-11/10/2024
    (
        "numeric range",
        re.compile(
            rf"\(?\b(\d{{1,2}})\s*{_TO}\s*(\d{{1,2}})/(\d{{1,2}})(?:/({_YEAR}|\d{{2}}))?\b\)?",
            re.I,
        ),
    ),
    # 9 dan 10 Oktober 2024: two days in a row
    (
        "pair",
        re.compile(rf"\b(\d{{1,2}})\s+dan\s+(\d{{1,2}})\s+({_MONTH})\.?(?:\s+({_YEAR}))?\b", re.I),
    ),
    # 9-10 Oktober 2024, 9 s.d. 12 Oktober 2024, 9 sampai 12 Oktober, 9 s/d 12 Oktober
    (
        "range",
        re.compile(
            rf"\b(\d{{1,2}})\s*{_TO}\s*"
            rf"(\d{{1,2}})\s+({_MONTH})\.?(?:\s+({_YEAR}))?\b",
            re.I,
        ),
    ),
    # (Jumat,) 22 November 2024
    (
        "day",
        re.compile(rf"\b(?:(?:{_DAY}),?\s+)?(\d{{1,2}})\s+({_MONTH})\.?(?:\s+({_YEAR}))?\b", re.I),
    ),
    # (20/11/2020), 20-11-2020, Senin (21/10)
    (
        "numeric",
        re.compile(rf"\b(\d{{1,2}})([/.-])(\d{{1,2}})(?:\2({_YEAR}|\d{{2}}))?\b(?![/.-]\d)"),
    ),
    # bulan Juli 2024, Juli 2024, Juli lalu
    ("month", re.compile(rf"\b(?:bulan\s+)?({_MONTH})\s+({_YEAR}|lalu|depan|ini)\b", re.I)),
    # Senin pekan depan, Selasa lalu, Rabu (ini)
    (
        "weekday",
        re.compile(
            rf"\b({_DAY})\s+(pekan depan|minggu depan|depan|pekan mendatang|mendatang|pekan lalu|"
            rf"minggu lalu|lalu|kemarin|ini)\b",
            re.I,
        ),
    ),
    ("relative", re.compile(r"\b(kemarin lusa|kemarin|hari ini|besok lusa|besok|lusa)\b", re.I)),
    # "... menggelar apel netralitas, Senin." (the news agency's style): the last such day up
    # to the publication; not "setiap Senin", not "Senin (7/10)".
    (
        "bare weekday",
        re.compile(
            r"(?:(?<=, )|(?<=\bpada )|(?<=\bhari ))(Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|"
            r"Minggu|Ahad)\b(?!\s*[(\-–]|,?\s*\d|\s+(?:pekan|minggu|depan|lalu|mendatang|kemarin|"
            r"ini|dan|hingga|sampai|s\.?d)\b)"
        ),
    ),
]
# The characters each pattern can start with, tested first: a regular expression that opens
# with a word boundary and an alternation is tried in full at every position otherwise, and
# the dates were a fifth of the extraction time.
_FIRST_CHARACTER = {
    "span": r"\d",
    "numeric span": r"[(\d]",
    "numeric range": r"[(\d]",
    "pair": r"\d",
    "range": r"\d",
    "day": r"[\dsrkjmaSRKJMA]",
    "numeric": r"\d",
    "month": r"[bjfpmasondBJFPMASOND]",
    "weekday": r"[srkjmaSRKJMA]",
    "relative": r"[khblKHBL]",
    "bare weekday": r"[SRKJMA]",
}
PATTERNS = [
    (kind, re.compile(rf"(?={_FIRST_CHARACTER[kind]})" + pattern.pattern, pattern.flags))
    for kind, pattern in PATTERNS
]
AFTER_A_DATE = re.compile(r"[\s,)]*(?:pagi|siang|sore|malam)?[\s,)]*")
RELATIVE_DAYS = {
    "kemarin lusa": -2,
    "kemarin": -1,
    "hari ini": 0,
    "besok": 1,
    "lusa": 2,
    "besok lusa": 2,
}


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    kind: str  # day | range | month
    first: date | None
    last: date | None

    def iso(self):
        """(start, end) as YYYY-MM-DD, or YYYY-MM for a month."""
        if self.kind == "month":
            month = f"{self.first:%Y-%m}"
            return month, month
        return self.first.isoformat(), self.last.isoformat()


def _year(text, published, month=None):
    """The year written, or the publication's; a month more than half a year away from the
    publication's is of the year before or after ("28 Desember" in a January article)."""
    if text:
        year = int(text)
        return year + 2000 if year < 100 else year
    if not published:
        return None
    if month is not None and month - published.month > 6:
        return published.year - 1
    if month is not None and published.month - month > 6:
        return published.year + 1
    return published.year


def _safe(year, month, day):
    try:
        return date(year, month, day)
    except (TypeError, ValueError):
        return None


def _weekday(name, when, published):
    target = (
        WEEKDAYS[name.lower().replace("'", "")]
        if name.lower() in WEEKDAYS
        else WEEKDAYS[name.lower()]
    )
    when = when.lower()
    this_week = published - timedelta(days=published.weekday())
    if "depan" in when or "mendatang" in when:
        weeks = 1 if ("pekan" in when or "minggu" in when) else 0
        day = this_week + timedelta(weeks=weeks, days=target)
        return day if day > published else day + timedelta(weeks=1)
    if "lalu" in when or when == "kemarin":
        weeks = -1 if ("pekan" in when or "minggu" in when) else 0
        day = this_week + timedelta(weeks=weeks, days=target)
        return day if day < published else day - timedelta(weeks=1)
    return this_week + timedelta(days=target)


def find_dates(text, published=None):
    """Every date mention of TEXT, left to right, overlapping ones dropped (the first pattern
    that matches a stretch of text wins). PUBLISHED resolves missing years and relative words;
    without it, relative expressions are skipped."""
    taken, mentions, relative = [], [], set()
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            mention = _mention(kind, match, published)
            if mention is not None:
                mentions.append(mention)
                if kind == "relative":
                    relative.add(id(mention))
            if mention is not None or kind in ("span", "range", "day"):
                # An impossible day ("31 Februari") is no date, and no month either.
                taken.append((match.start(), match.end()))
    mentions.sort(key=lambda m: m.start)
    # "Rabu (16/10) kemarin": the word repeats the day just told, it is no second one.
    return [
        m
        for i, m in enumerate(mentions)
        if not (
            id(m) in relative and i and AFTER_A_DATE.fullmatch(text, mentions[i - 1].end, m.start)
        )
    ]


def _range(span, text, first, last):
    if first and last and first <= last:
        return DateMention(*span, text, "range", first, last)
    return None


def _mention(kind, match, published):
    text, span = match.group(), (match.start(), match.end())
    if kind == "span":
        first_day, first_month, first_year, last_day, last_month, last_year = match.groups()
        last_year = _year(last_year, published, MONTHS[last_month.lower()])
        first = _safe(
            _year(first_year, None) if first_year else last_year,
            MONTHS[first_month.lower()],
            int(first_day),
        )
        last = _safe(last_year, MONTHS[last_month.lower()], int(last_day))
        if first and last and first > last and not first_year:
            first = _safe(last_year - 1, first.month, first.day)  # 28 Desember - 2 Januari
        return _range(span, text, first, last)
    if kind == "numeric span":
        first_day, first_month, first_year, last_day, last_month, last_year = match.groups()
        if not (first_year or last_year or published):
            return None
        last_year = _year(last_year or first_year, published, int(last_month))
        first = _safe(
            _year(first_year, None) if first_year else last_year, int(first_month), int(first_day)
        )
        last = _safe(last_year, int(last_month), int(last_day))
        return _range(span, text, first, last)
    if kind == "numeric range":
        first_day, last_day, month, year = match.groups()
        if not (year or published):
            return None
        year = _year(year, published, int(month))
        return _range(
            span,
            text,
            _safe(year, int(month), int(first_day)),
            _safe(year, int(month), int(last_day)),
        )
    if kind == "pair":
        first_day, last_day, month, year = match.groups()
        if int(last_day) != int(first_day) + 1:
            return None  # "9 dan 12 Oktober" are two days, read one by one
        year = _year(year, published, MONTHS[month.lower()])
        return _range(
            span,
            text,
            _safe(year, MONTHS[month.lower()], int(first_day)),
            _safe(year, MONTHS[month.lower()], int(last_day)),
        )
    if kind == "range":
        first_day, last_day, month, year = match.groups()
        year = _year(year, published, MONTHS[month.lower()])
        first = _safe(year, MONTHS[month.lower()], int(first_day))
        last = _safe(year, MONTHS[month.lower()], int(last_day))
        if first and last and first <= last:
            return DateMention(*span, text, "range", first, last)
        return None
    if kind == "day":
        day, month, year = match.groups()
        found = _safe(
            _year(year, published, MONTHS[month.lower()]), MONTHS[month.lower()], int(day)
        )
        return DateMention(*span, text, "day", found, found) if found else None
    if kind == "numeric":
        day, _separator, month, year = match.groups()
        if year is None and published is None:
            return None
        if year is None and not match.string[max(0, span[0] - 1) : span[0]] == "(":
            return None  # "9/10" outside brackets is too often a score or a ratio
        found = _safe(_year(year, published, int(month)), int(month), int(day))
        return DateMention(*span, text, "day", found, found) if found else None
    if kind == "month":
        month, when = match.groups()
        month_number = MONTHS[month.lower()]
        if when.isdigit():
            year = int(when)
        elif published is None:
            return None
        elif when.lower() == "lalu":
            year = published.year if month_number < published.month else published.year - 1
        elif when.lower() == "depan":
            year = published.year if month_number > published.month else published.year + 1
        else:
            year = published.year
        first = date(year, month_number, 1)
        return DateMention(*span, text, "month", first, first)
    if published is None:
        return None
    if kind == "bare weekday":
        target = WEEKDAYS[match.group(1).lower().replace("'", "")]
        found = published - timedelta(days=(published.weekday() - target) % 7)
        return DateMention(*span, text, "day", found, found)
    if kind == "weekday":
        day_name, when = match.groups()
        found = _weekday(day_name, when, published)
        return DateMention(*span, text, "day", found, found)
    found = published + timedelta(days=RELATIVE_DAYS[match.group(1).lower()])
    return DateMention(*span, text, "day", found, found)
