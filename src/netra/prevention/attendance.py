"""Reading attendance files (pure): video-meeting participant exports and sign-in sheets.

File bytes in, attendees and errors out; no Django. Layouts read (docs/DOMAIN.md, "Attendance
exports from video meetings"), with English and Indonesian headers, case-insensitively:

- Zoom participant export (one row per join), its "with meeting data" variant (meeting rows
  and a blank line before the header) and its "unique users" variant;
- Microsoft Teams, new format (UTF-16, tab-separated, sections "1. Summary", "2. Participants",
  "3. In-Meeting activities") and old format ("Full Name, User Action, Timestamp");
- Google Meet (first and last name, durations like "1 hr 5 min", times of day only: the date
  comes from the file name or from the event);
- sign-in sheets (CSV or XLSX with name, NIP, agency, position).

A file is read whole or refused: any row that cannot be understood is reported with its row
number, column and value, and nothing of that file is kept.
"""

import itertools
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from netra.lib import tables

MAX_ROWS = 200_000


class AttendanceFileError(Exception):
    """The file as a whole cannot be read; CODE names why (for the user's-language message)."""

    def __init__(self, code, **params):
        super().__init__(code)
        self.code, self.params = code, params


@dataclass(frozen=True)
class RowError:
    row: int  # 1-based line (CSV) or row (XLSX) in the file
    column: str
    value: str
    code: str  # bad_time | bad_duration | bad_nip | no_name | mixed_dates | bad_action


@dataclass
class Attendee:
    """One person of one file (a Zoom rejoin is merged into the same attendee)."""

    name: str
    email: str = ""
    nip: str = ""
    agency: str = ""
    position: str = ""
    guest: bool = False
    minutes: int | None = None  # None: present on a sign-in sheet, no duration
    rows: list = field(default_factory=list)
    sessions: list = field(default_factory=list)  # (start, end) datetimes where known


@dataclass
class ParsedFile:
    layout: str  # zoom | zoom_unique | teams | teams_old | meet | sheet
    attendees: list
    errors: list
    meeting_date: date | None = None


def _norm(text):
    return re.sub(r"[^a-z0-9]+", " ", str(text or "").lower()).strip()


# Header spellings per field (normalised: lowercase, punctuation to spaces).
NAME = {
    "name original name",
    "name",
    "nama nama asli",
    "nama",
    "nama asli",
    "full name",
    "nama lengkap",
    "participant",
    "peserta",
    "nama peserta",
}
EMAIL = {
    "user email",
    "email",
    "email pengguna",
    "e mail",
    "surel",
    "alamat email",
    "participant id upn",
    "id peserta upn",
}
JOIN = {
    "join time",
    "waktu bergabung",
    "first join",
    "gabung pertama",
    "bergabung pertama",
    "time joined",
    "waktu gabung",
}
LEAVE = {
    "leave time",
    "waktu keluar",
    "last leave",
    "keluar terakhir",
    "time exited",
    "waktu meninggalkan",
}
DURATION = {
    "duration minutes",
    "durasi menit",
    "total duration minutes",
    "total durasi menit",
    "in meeting duration",
    "durasi dalam rapat",
    "duration",
    "durasi",
}
GUEST = {"guest", "tamu"}
FIRST_NAME = {"first name", "nama depan"}
LAST_NAME = {"last name", "nama belakang"}
ACTION = {"user action", "tindakan pengguna", "action", "tindakan"}
TIMESTAMP = {"timestamp", "tanda waktu", "stempel waktu", "waktu"}
NIP = {"nip", "nip baru", "nomor induk pegawai"}
AGENCY = {
    "agency",
    "unit kerja",
    "instansi",
    "opd",
    "perangkat daerah",
    "satuan kerja",
    "skpd",
    "unit organisasi",
}
POSITION = {"position", "jabatan"}
YES = {"yes", "ya", "true", "1", "y"}

JOINED = {"joined", "bergabung"}
JOINED_BEFORE = {"joined before", "bergabung sebelumnya", "sudah bergabung"}
LEFT = {"left", "keluar", "meninggalkan"}


def table_rows(data):
    """The file as a list of (line number, cells); XLSX by its first sheet (netra/lib/tables.py
    tells the kind, the encoding and the delimiter)."""
    try:
        table = tables.open_table(data)
        rows = []
        for number, cells in enumerate(itertools.chain([table.header], table.rows), start=1):
            if number > MAX_ROWS:
                raise AttendanceFileError("too_many_rows", limit=MAX_ROWS)
            rows.append((number, cells))
    except tables.TableError as error:
        raise AttendanceFileError(error.code, **error.params) from None
    return rows


def _columns(cells, wanted):
    """field -> index for the cells of a header row, or None where a field is missing."""
    normalised = [_norm(c) for c in cells]
    found = {}
    for name, spellings in wanted.items():
        for index, cell in enumerate(normalised):
            if cell in spellings and index not in found.values():
                found[name] = index
                break
    return found


LAYOUTS = [
    # (layout, required fields, optional fields)
    ("teams_old", {"name": NAME, "action": ACTION, "timestamp": TIMESTAMP}, {}),
    (
        "meet",
        {"first": FIRST_NAME, "last": LAST_NAME, "duration": DURATION},
        {"email": EMAIL, "join": JOIN, "leave": LEAVE},
    ),
    (
        "zoom",
        {"name": NAME, "join": JOIN, "leave": LEAVE},
        {"email": EMAIL, "duration": DURATION, "guest": GUEST},
    ),
    ("zoom_unique", {"name": NAME, "duration": DURATION}, {"email": EMAIL, "guest": GUEST}),
    ("sheet", {"name": NAME}, {"nip": NIP, "agency": AGENCY, "position": POSITION}),
]


def find_header(rows):
    """(layout, header line, columns) of the first row that is a known header."""
    for position, (_number, cells) in enumerate(rows[:60]):
        if sum(1 for c in cells if c.strip()) < 1:
            continue
        for layout, required, optional in LAYOUTS:
            columns = _columns(cells, required | optional)
            if all(name in columns for name in required):
                if layout == "sheet" and not ({"nip", "agency"} & set(columns)):
                    continue  # a lone "Name" column is not a sign-in sheet
                if layout == "zoom" and "first join" in {_norm(c) for c in cells}:
                    layout = "teams"
                return layout, position, columns
    raise AttendanceFileError("unknown_layout", header=" | ".join(rows[0][1][:8]) if rows else "")


# Times: each pattern with the order of day and month it implies (None: no date part).
_TIME_PATTERNS = [
    (
        re.compile(
            r"(\d{4})-(\d{1,2})-(\d{1,2})[ T,]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*"
            r"(AM|PM)?$",
            re.I,
        ),
        "ymd",
    ),
    (
        re.compile(
            r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4}),?\s+(\d{1,2})[:.](\d{2})"
            r"(?:[:.](\d{2}))?\s*(AM|PM|am|pm)?$"
        ),
        "ab_y",
    ),
    (re.compile(r"(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*(AM|PM|am|pm)?$"), "time"),
]


def _hour(hour, meridiem):
    hour = int(hour)
    if meridiem:
        if not 1 <= hour <= 12:
            raise ValueError(hour)
        hour = hour % 12 + (12 if meridiem.lower() == "pm" else 0)
    return hour


def parse_time(text, day_first, meeting_date):
    """A datetime from one of the layouts' time spellings; ValueError if none fits."""
    text = text.strip()
    for pattern, kind in _TIME_PATTERNS:
        match = pattern.match(text)
        if not match:
            continue
        if kind == "ymd":
            y, mo, d, h, mi, s, ampm = match.groups()
        elif kind == "ab_y":
            a, b, y, h, mi, s, ampm = match.groups()
            d, mo = (a, b) if day_first else (b, a)
            y = int(y) + (2000 if len(y) == 2 else 0)
        else:
            if meeting_date is None:
                raise ValueError("no date")
            h, mi, s, ampm = match.groups()
            y, mo, d = meeting_date.year, meeting_date.month, meeting_date.day
        return datetime(int(y), int(mo), int(d), _hour(h, ampm), int(mi), int(s or 0))
    raise ValueError(text)


def day_order(values):
    """True if the a/b dates of VALUES are day-first, False if month-first, None if unknown;
    raises ValueError when some values are only day-first and others only month-first."""
    day_first = month_first = False
    for value in values:
        match = _TIME_PATTERNS[1][0].match(value.strip())
        if match:
            a, b = int(match.group(1)), int(match.group(2))
            day_first |= a > 12
            month_first |= b > 12
    if day_first and month_first:
        raise ValueError("mixed")
    return True if day_first else False if month_first else None


_DURATION_PART = re.compile(
    r"(\d+(?:[.,]\d+)?)\s*(h|hr|hrs|hour|hours|j|jam|m|min|mins|"
    r"minute|minutes|mnt|menit|s|sec|secs|second|seconds|d|dtk|detik)\b",
    re.I,
)


MAX_MINUTES = 24 * 60  # no meeting lasts longer; a larger number is a misread column


def parse_minutes(text):
    """Whole minutes from "87", "1h 27m 51s", "1 hr 5 min", "1 jam 5 mnt", "01:27:51";
    ValueError for anything else, or for more than a day."""
    minutes = _minutes(text.strip()[:40])
    if not 0 <= minutes <= MAX_MINUTES:
        raise ValueError(text)
    return minutes


def _minutes(text):
    if re.fullmatch(r"\d+(?:[.,]\d+)?", text):
        return round(float(text.replace(",", ".")))
    clock = re.fullmatch(r"(\d{1,2}):(\d{2})(?::(\d{2}))?", text)
    if clock:
        h, m, s = clock.groups()
        return round(int(h) * 60 + int(m) + int(s or 0) / 60)
    parts = _DURATION_PART.findall(text)
    if not parts or _DURATION_PART.sub("", text).strip(" ,"):
        raise ValueError(text)
    seconds = 0.0
    for amount, unit in parts:
        unit, amount = unit.lower(), float(amount.replace(",", "."))
        if unit[0] in "hj":
            seconds += amount * 3600
        elif unit[0] == "m":
            seconds += amount * 60
        else:
            seconds += amount
    return round(seconds / 60)


_FILENAME_DATE = re.compile(r"(20\d{2})[-_.](\d{2})[-_.](\d{2})")


def date_from_name(filename):
    match = _FILENAME_DATE.search(filename or "")
    if not match:
        return None
    try:
        return date(*map(int, match.groups()))
    except ValueError:
        return None


def _cell(cells, columns, name):
    index = columns.get(name)
    return cells[index].strip() if index is not None and index < len(cells) else ""


def _time_cell(cells, columns, name, number, day_first, meeting_date, errors):
    """The time in column NAME of a row, or None with the row's error noted."""
    try:
        return parse_time(_cell(cells, columns, name), day_first, meeting_date)
    except ValueError:
        errors.append(RowError(number, name, _cell(cells, columns, name), "bad_time"))
        return None


def _merged_minutes(sessions):
    """Minutes covered by SESSIONS, overlaps counted once (a rejoin, two exports of one call)."""
    total, end_so_far = timedelta(), None
    for start, end in sorted(sessions):
        if end_so_far is None or start > end_so_far:
            total += end - start
            end_so_far = end
        elif end > end_so_far:
            total += end - end_so_far
            end_so_far = end
    return round(total.total_seconds() / 60)


def _person_key(name, email):
    return ("email", email.lower()) if email else ("name", _norm(name))


def parse(data, *, filename="", meeting_date=None, tool_day_first=None):
    """Read one file. MEETING_DATE is the event's date, used where the file has times only.
    TOOL_DAY_FIRST forces the order of day and month when the file cannot tell."""
    rows = table_rows(data)
    layout, header_at, columns = find_header(rows)
    body = [(n, cells) for n, cells in rows[header_at + 1 :] if any(c.strip() for c in cells)]
    if layout == "teams":
        # The participants section ends where the next numbered section begins.
        for cut, (_n, cells) in enumerate(body):
            if re.match(r"^\s*3\.\s", cells[0] if cells else ""):
                body = body[:cut]
                break
    meeting_date = date_from_name(filename) or meeting_date
    errors, people = [], {}
    time_fields = [f for f in ("join", "leave", "timestamp") if f in columns]
    try:
        day_first = day_order(_cell(cells, columns, f) for _, cells in body for f in time_fields)
    except ValueError:
        day_first = None
        errors.append(RowError(header_at + 1, "/".join(time_fields), "", "mixed_dates"))
    if day_first is None:
        day_first = tool_day_first if tool_day_first is not None else layout != "zoom"
    if layout == "teams_old":
        return _teams_old(body, columns, day_first, meeting_date, errors)
    for number, cells in body:
        if layout == "meet":
            name = f"{_cell(cells, columns, 'first')} {_cell(cells, columns, 'last')}".strip()
        else:
            name = _cell(cells, columns, "name")
        if not name:
            errors.append(RowError(number, "name", "", "no_name"))
            continue
        email = _cell(cells, columns, "email")
        email = email if "@" in email else ""
        person = people.setdefault(_person_key(name, email), Attendee(name=name, email=email))
        person.rows.append(number)
        if layout == "sheet":
            nip = re.sub(r"[\s.'`-]", "", _cell(cells, columns, "nip"))
            if nip and not (nip.isdigit() and len(nip) == 18):
                errors.append(RowError(number, "NIP", _cell(cells, columns, "nip"), "bad_nip"))
            person.nip = nip or person.nip
            person.agency = _cell(cells, columns, "agency") or person.agency
            person.position = _cell(cells, columns, "position") or person.position
            continue
        person.guest = person.guest or _norm(_cell(cells, columns, "guest")) in YES
        if "join" in columns and "leave" in columns and layout in ("zoom", "teams"):
            start = _time_cell(cells, columns, "join", number, day_first, meeting_date, errors)
            end = start and _time_cell(
                cells, columns, "leave", number, day_first, meeting_date, errors
            )
            if start is None or end is None:
                continue
            if end < start or end - start > timedelta(minutes=MAX_MINUTES):
                errors.append(RowError(number, "leave", _cell(cells, columns, "leave"), "bad_time"))
                continue
            person.sessions.append((start, end))
            meeting_date = meeting_date or start.date()
        else:
            try:
                minutes = parse_minutes(_cell(cells, columns, "duration"))
            except ValueError:
                errors.append(
                    RowError(number, "duration", _cell(cells, columns, "duration"), "bad_duration")
                )
                continue
            person.minutes = (person.minutes or 0) + minutes
    for person in people.values():
        if person.sessions:
            person.minutes = _merged_minutes(person.sessions)
        elif layout != "sheet" and person.minutes is None:
            person.minutes = 0
    return ParsedFile(layout, list(people.values()), errors, meeting_date)


def _teams_old(body, columns, day_first, meeting_date, errors):
    """Joined/Left events into sessions; "Joined before" starts at the first event, and
    someone never seen leaving stays until the last event of the file (its download)."""
    events = []
    for number, cells in body:
        name = _cell(cells, columns, "name")
        action = _norm(_cell(cells, columns, "action"))
        if not name:
            errors.append(RowError(number, "name", "", "no_name"))
            continue
        when = _time_cell(cells, columns, "timestamp", number, day_first, meeting_date, errors)
        if when is None:
            continue
        if action not in JOINED | JOINED_BEFORE | LEFT:
            errors.append(RowError(number, "action", _cell(cells, columns, "action"), "bad_action"))
            continue
        events.append(
            (
                number,
                re.sub(r"\s*\((unverified|tidak terverifikasi)\)\s*$", "", name, flags=re.I),
                action,
                when,
                "(unverified)" in name.lower() or "tidak terverifikasi" in name.lower(),
            )
        )
    if not events:
        return ParsedFile("teams_old", [], errors, meeting_date)
    first, last = min(e[3] for e in events), max(e[3] for e in events)
    people, open_since = {}, {}
    for number, name, action, when, guest in sorted(events, key=lambda e: e[3]):
        person = people.setdefault(_norm(name), Attendee(name=name, guest=guest))
        person.rows.append(number)
        if action in JOINED_BEFORE:
            open_since[_norm(name)] = first
        elif action in JOINED:
            open_since.setdefault(_norm(name), when)
        elif _norm(name) in open_since:
            person.sessions.append((open_since.pop(_norm(name)), when))
    for key, since in open_since.items():
        people[key].sessions.append((since, last))
    for person in people.values():
        person.minutes = _merged_minutes(person.sessions)
    return ParsedFile("teams_old", list(people.values()), errors, first.date())


def merge(files):
    """Several exports of one meeting as one list: a person's sessions are joined (overlaps
    once), durations without sessions are added; sign-in details are kept."""
    people = {}
    for parsed in files:
        for person in parsed.attendees:
            key = _person_key(person.name, person.email)
            if key not in people:
                people[key] = Attendee(
                    name=person.name,
                    email=person.email,
                    nip=person.nip,
                    agency=person.agency,
                    position=person.position,
                    guest=person.guest,
                )
            merged = people[key]
            merged.rows += person.rows
            merged.guest = merged.guest and person.guest
            merged.nip = merged.nip or person.nip
            merged.agency = merged.agency or person.agency
            if person.sessions:
                merged.sessions += person.sessions
            elif person.minutes is not None:
                merged.minutes = (merged.minutes or 0) + person.minutes
    for person in people.values():
        if person.sessions:
            person.minutes = _merged_minutes(person.sessions) + (person.minutes or 0)
    return list(people.values())
