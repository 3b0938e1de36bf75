"""Indonesian civil-servant numbers (NIP, Nomor Induk Pegawai).

A NIP has 18 digits::

    YYYYMMDD  YYYYMM  G  NNN
    birth     TMT     |  sequence (001-999)
    date      CPNS    gender (1 male, 2 female)

The middle block is the appointment (TMT CPNS: terhitung mulai tanggal) year and
month.  PPPK employees (Pegawai Pemerintah dengan Perjanjian Kerja) get the
appointment year followed by ``21`` instead of a month, e.g. ``199001012021212001``.

Errors carry a short machine code (see ``ERROR_CODES``) so that the web layer can
show a translated message; ``detail`` is an English explanation for logs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

__all__ = [
    "ERROR_CODES",
    "NipError",
    "NipInfo",
    "is_valid_nip",
    "normalize_nip",
    "parse_nip",
]

EMPTY = "empty"
NOT_DIGITS = "not_digits"
LENGTH = "length"
BIRTH_DATE = "birth_date"
APPOINTMENT_DATE = "appointment_date"
APPOINTMENT_BEFORE_ADULTHOOD = "appointment_before_adulthood"
APPOINTMENT_IN_FUTURE = "appointment_in_future"
GENDER = "gender"
SEQUENCE = "sequence"

ERROR_CODES = frozenset(
    {
        EMPTY,
        NOT_DIGITS,
        LENGTH,
        BIRTH_DATE,
        APPOINTMENT_DATE,
        APPOINTMENT_BEFORE_ADULTHOOD,
        APPOINTMENT_IN_FUTURE,
        GENDER,
        SEQUENCE,
    }
)

NIP_LENGTH = 18
EARLIEST_BIRTH_YEAR = 1940
ADULT_AGE = 18
PPPK_MONTH = 21

# People copy NIPs from letters and spreadsheets as "19800101 200501 1 001",
# "19800101.200501.1.001" or with non-breaking spaces and typographic dashes.
_SEPARATORS = str.maketrans(
    "", "", " \t\r\n\u00a0\u2007\u2009\u202f.-\u2010\u2011\u2012\u2013\u2014\u2212"
)


class NipError(ValueError):
    """A NIP that cannot be right; ``code`` is one of ``ERROR_CODES``."""

    def __init__(self, code: str, detail: str) -> None:
        # Both arguments go to the base class so that the error survives pickling
        # (task queues serialise exceptions).
        super().__init__(code, detail)
        self.code = code
        self.detail = detail

    def __str__(self) -> str:
        return f"{self.code}: {self.detail}"


@dataclass(frozen=True, slots=True)
class NipInfo:
    nip: str
    birth_date: date
    appointment_year: int
    appointment_month: int | None  # None for PPPK, whose NIP carries no month
    gender: str  # "M" or "F"
    sequence: int
    is_pppk: bool


def normalize_nip(value: str) -> str:
    """Drop the spaces, dots and dashes people put between the NIP's blocks."""
    return value.translate(_SEPARATORS)


# The clock only moves forward, so an appointment no later than one year after
# the import date can never be "in the future"; this spares most calls the
# comparatively slow date.today().
_IMPORT_DAY = date.today()
_NEVER_FUTURE_YEAR = _IMPORT_DAY.year + 1
_NEVER_FUTURE_MONTHS = _NEVER_FUTURE_YEAR * 12 + _IMPORT_DAY.month


def _examine(value: str, today: date | None) -> tuple | NipError:
    # Returning the error instead of raising it, and a tuple instead of a
    # NipInfo, keeps is_valid_nip cheap on large rosters.
    if not value:
        return NipError(EMPTY, "no NIP given")
    if value.isdigit() and value.isascii():
        nip = value
    else:
        nip = value.translate(_SEPARATORS)
        if not nip:
            return NipError(EMPTY, "no NIP given")
        # isdigit() alone accepts Arabic-Indic and superscript digits.
        if not (nip.isascii() and nip.isdigit()):
            return NipError(NOT_DIGITS, f"{nip!r} contains characters other than digits")
    if len(nip) != NIP_LENGTH:
        return NipError(LENGTH, f"a NIP has {NIP_LENGTH} digits, got {len(nip)}")

    # One int() and a few divmods are several times faster than int() per slice.
    rest, month = divmod(int(nip[:14]), 100)
    rest, year = divmod(rest, 10000)
    rest, birth_day = divmod(rest, 100)
    birth_year, birth_month = divmod(rest, 100)

    if birth_year < EARLIEST_BIRTH_YEAR:
        return NipError(BIRTH_DATE, f"birth year {birth_year} is before {EARLIEST_BIRTH_YEAR}")
    try:
        birth = date(birth_year, birth_month, birth_day)
    except ValueError:
        return NipError(BIRTH_DATE, f"{nip[0:8]} is not a calendar date")

    if month == PPPK_MONTH:
        # Without a month, only whole years can be compared.
        if year - birth_year < ADULT_AGE:
            return NipError(
                APPOINTMENT_BEFORE_ADULTHOOD, f"appointed in {year}, born in {birth_year}"
            )
        if year > _NEVER_FUTURE_YEAR or today is not None:
            today = today or date.today()
            if year > today.year + 1:
                return NipError(APPOINTMENT_IN_FUTURE, f"appointment year {year} is in the future")
        appointment_month = None
    elif 1 <= month <= 12:
        # Months since year 0 make "turned 18 by that month" a single comparison.
        appointed = year * 12 + month
        if appointed < (birth_year + ADULT_AGE) * 12 + birth_month:
            return NipError(
                APPOINTMENT_BEFORE_ADULTHOOD,
                f"appointed {year}-{month:02d}, born {birth.isoformat()}",
            )
        if appointed > _NEVER_FUTURE_MONTHS or today is not None:
            today = today or date.today()
            if appointed > (today.year + 1) * 12 + today.month:
                return NipError(
                    APPOINTMENT_IN_FUTURE, f"appointment {year}-{month:02d} is in the future"
                )
        appointment_month = month
    else:
        return NipError(APPOINTMENT_DATE, f"appointment month {month:02d} does not exist")

    gender_digit = nip[14]
    if gender_digit == "1":
        gender = "M"
    elif gender_digit == "2":
        gender = "F"
    else:
        return NipError(GENDER, f"gender digit is {gender_digit}, expected 1 or 2")

    if nip.endswith("000"):
        return NipError(SEQUENCE, "sequence number 000 is never issued")

    # The sequence stays text here: only parse_nip needs it as a number.
    return (nip, birth, year, appointment_month, gender, nip[15:], appointment_month is None)


def parse_nip(value: str, today: date | None = None) -> NipInfo:
    """Parse and check a NIP; raise ``NipError`` when it cannot be genuine.

    ``today`` (default: the current date) bounds the appointment date: a TMT more
    than one year ahead is rejected, since NIPs are issued shortly before the TMT.
    """
    result = _examine(value, today)
    if isinstance(result, NipError):
        raise result
    nip, birth, year, month, gender, sequence, is_pppk = result
    return NipInfo(nip, birth, year, month, gender, int(sequence), is_pppk)


def is_valid_nip(value: str, today: date | None = None) -> bool:
    return not isinstance(_examine(value, today), NipError)
