"""Indonesian dates: deadline arithmetic, working days, formatting, time zones.

Deadlines ("within N days of X") follow one rule in both modes:

* calendar days (hari kalender, the Pilkada clock): the deadline is X + N;
* working days (hari kerja, the Pemilu clock): the deadline is the N-th working
  day after X, where working days are Monday to Friday except national holidays
  (hari libur nasional) and collective leave days (cuti bersama).

Day X itself never counts, and a calendar-day deadline that falls on a holiday
is *not* moved here: whether it rolls forward is a clock rule kept as data.
"""

from __future__ import annotations

from collections.abc import Set
from datetime import date, timedelta

__all__ = [
    "TIMEZONES",
    "add_days",
    "format_date_en",
    "format_date_id",
    "is_working_day",
    "timezone_for_province",
    "working_days_between",
]

_ONE_DAY = timedelta(days=1)
_SATURDAY = 5


def is_working_day(day: date, holidays: Set[date]) -> bool:
    return day.weekday() < _SATURDAY and day not in holidays


def add_days(start: date, days: int, *, working: bool, holidays: Set[date] | None = None) -> date:
    """The deadline ``days`` days after ``start``; negative ``days`` count back.

    ``holidays`` (national holidays and cuti bersama) is required for working
    days: a forgotten holiday list would silently give a wrong legal deadline.
    With ``days == 0`` the start date is returned unchanged in both modes.
    """
    if not working:
        return start + timedelta(days=days)
    if holidays is None:
        raise TypeError("working-day arithmetic needs the holidays (pass an empty set if none)")
    step = _ONE_DAY if days > 0 else -_ONE_DAY
    day = start
    for _ in range(abs(days)):
        day += step
        while not is_working_day(day, holidays):
            day += step
    return day


def working_days_between(start: date, end: date, holidays: Set[date]) -> int:
    """Working days after ``start`` up to and including ``end``.

    Negative when ``end`` is before ``start``: ``working_days_between(a, b) ==
    -working_days_between(b, a)``. For ``n > 0``,
    ``working_days_between(x, add_days(x, n, working=True, holidays=h), h) == n``.
    """
    if end < start:
        return -working_days_between(end, start, holidays)
    span = (end - start).days
    weeks, rest = divmod(span, 7)
    # Whole weeks hold five weekdays each; walk only the remaining few days.
    count = weeks * 5
    first_weekday = start.weekday()
    for offset in range(1, rest + 1):
        if (first_weekday + offset) % 7 < _SATURDAY:
            count += 1
    count -= sum(1 for day in holidays if start < day <= end and day.weekday() < _SATURDAY)
    return count


_DAYS_ID = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
_MONTHS_ID = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip
_DAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def _format(day: date, weekday: bool, days: tuple[str, ...], months: tuple[str, ...]) -> str:
    # Our own tables rather than strftime("%A"), which follows the process locale.
    text = f"{day.day} {months[day.month - 1]} {day.year}"
    return f"{days[day.weekday()]}, {text}" if weekday else text


def format_date_id(day: date, weekday: bool = True) -> str:
    """Indonesian long date: "Jumat, 22 November 2024" (or "22 November 2024")."""
    return _format(day, weekday, _DAYS_ID, _MONTHS_ID)


def format_date_en(day: date, weekday: bool = True) -> str:
    """English long date: "Friday, 22 November 2024" (or "22 November 2024")."""
    return _format(day, weekday, _DAYS_EN, _MONTHS_EN)


# Waktu Indonesia Barat / Tengah / Timur.
TIMEZONES = {"WIB": "Asia/Jakarta", "WITA": "Asia/Makassar", "WIT": "Asia/Jayapura"}

# Kemendagri province codes; every province lies in a single zone.
_PROVINCE_ZONES = {
    **dict.fromkeys(("11", "12", "13", "14", "15", "16", "17", "18", "19", "21"), "WIB"),
    **dict.fromkeys(("31", "32", "33", "34", "35", "36"), "WIB"),
    **dict.fromkeys(("51", "52", "53"), "WITA"),
    **dict.fromkeys(("61", "62"), "WIB"),
    **dict.fromkeys(("63", "64", "65"), "WITA"),
    **dict.fromkeys(("71", "72", "73", "74", "75", "76"), "WITA"),
    **dict.fromkeys(("81", "82"), "WIT"),
    **dict.fromkeys(("91", "92", "93", "94", "95", "96"), "WIT"),
}


def timezone_for_province(province_code: str) -> str:
    """The zone (WIB, WITA or WIT) of a province code such as "35".

    A longer region code ("35.09" for Kabupaten Jember) gives its province's zone.
    """
    code = str(province_code).strip().split(".", 1)[0]
    try:
        return _PROVINCE_ZONES[code]
    except KeyError:
        raise ValueError(f"unknown province code {province_code!r}") from None
