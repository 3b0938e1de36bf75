"""Reading and checking roster files (CSV or XLSX) before anything is written.

The file is read once, every row is checked, and the outcome is a list of clean rows plus a list
of row errors (row number, column, reason code). Writing happens elsewhere (``writer.py``) and
only when the caller's policy allows it: all rows valid, or ``skip_invalid``.
"""

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from netra.lib import tables
from netra.lib.names import name_key, phonetic_index
from netra.lib.nip import NipError, normalize_nip, parse_nip

from .models import ASN_TYPES, EmploymentType, PositionClass

MAX_LISTED_ERRORS = 100_000

FILE_MESSAGES = {
    "empty": _("The file is empty."),
    "no_rows": _("The file has a header but no employee rows."),
    "too_large": _(
        "The file is %(size_mb)s MB; the limit is %(limit_mb)s MB. Split it into smaller files."
    ),
    "encoding": _(
        'The file is not readable text in UTF-8 or UTF-16. Save it again as "CSV UTF-8" or as XLSX.'
    ),
    "old_excel": _("Old Excel files (.xls) cannot be read. Save the file as XLSX or CSV UTF-8."),
    "not_a_table": _("This is not a CSV or XLSX file."),
    "unreadable_xlsx": _("The XLSX file is damaged or protected and cannot be read."),
    "missing_columns": _("Required columns are missing: %(missing)s. Columns found: %(found)s."),
    "duplicate_columns": _("The column %(column)s appears more than once."),
    "not_found": _("The file cannot be opened."),
}

ROW_MESSAGES = {
    "nip_required": _("NIP is required for PNS, CPNS and PPPK."),
    "nip_empty": _("NIP is required for PNS, CPNS and PPPK."),
    "nip_length": _("NIP must have 18 digits."),
    "nip_not_digits": _("NIP may contain digits only."),
    "nip_birth_date": _("The birth date in the NIP (digits 1-8) is not a real date."),
    "nip_appointment_date": _("The appointment month in the NIP (digits 9-14) is not valid."),
    "nip_appointment_before_adulthood": _(
        "The appointment date in the NIP is before the employee turned 18."
    ),
    "nip_appointment_in_future": _("The appointment date in the NIP is in the future."),
    "nip_gender": _("Digit 15 of the NIP must be 1 (male) or 2 (female)."),
    "nip_sequence": _("The sequence number in the NIP (last 3 digits) cannot be 000."),
    "nip_excel_number": _(
        "Excel stored this NIP as a number and lost its last digits. "
        "Format the NIP column as Text and type the NIPs again."
    ),
    "duplicate_nip": _("This NIP already appears in row %(first_row)s."),
    "name_required": _("Name is required."),
    "name_too_long": _("Name is longer than 255 characters."),
    "agency_required": _("Agency (unit kerja) is required."),
    "employment_type": _(
        "Unknown employment type %(value)s; use PNS, CPNS, PPPK, Non-ASN, "
        "Kepala Desa or Perangkat Desa."
    ),
    "employment_type_mismatch": _(
        "The NIP belongs to a PPPK employee but the type says %(value)s."
    ),
    "position_class": _(
        "Unknown position class %(value)s; use JPT, Administrator, Pengawas, "
        "Fungsional or Pelaksana."
    ),
    "district": _("District %(value)s is not in this region."),
    "email": _("%(value)s is not a valid e-mail address."),
    "active": _("Active must be Ya/Tidak (yes/no), not %(value)s."),
    "nip_other_region": _("This NIP is registered to an employee of a region outside your reach."),
    "too_long": _("The value is longer than 255 characters."),
}


class RosterFileError(Exception):
    """The file as a whole cannot be used; nothing is imported."""

    def __init__(self, code, **params):
        super().__init__(code)
        self.code, self.params = code, params

    @property
    def message(self):
        return str(FILE_MESSAGES[self.code]) % self.params


def row_message(code, params):
    return str(ROW_MESSAGES[code]) % params


# canonical field -> accepted header spellings, compared lowercased without spaces/punctuation
HEADER_ALIASES = {
    "nip": ["nip", "nipbaru", "nip18", "nomorindukpegawai", "nipnrp"],
    "name": ["nama", "namalengkap", "namapegawai", "name", "fullname", "namaasn"],
    "employment_type": [
        "jenispegawai",
        "statuspegawai",
        "statuskepegawaian",
        "jeniskepegawaian",
        "employmenttype",
        "status",
        "jenisasn",
    ],
    "position": ["jabatan", "namajabatan", "position", "jabatanterakhir"],
    "position_class": ["jenisjabatan", "kelompokjabatan", "positionclass", "kelasjabatan"],
    "agency": [
        "unitkerja",
        "opd",
        "perangkatdaerah",
        "instansi",
        "satuankerja",
        "satker",
        "skpd",
        "agency",
        "unitorganisasi",
        "namaopd",
        "namaunitkerja",
    ],
    "agency_code": ["kodeopd", "kodeunitkerja", "kodeinstansi", "kodesatker", "agencycode"],
    "district": ["kecamatan", "kodekecamatan", "district"],
    "email": ["email", "surel", "alamatemail", "emailaddress"],
    "active": ["aktif", "statusaktif", "active", "isactive"],
}
REQUIRED_FIELDS = ("nip", "name", "agency")
FIELD_LABELS = {"nip": "NIP", "name": "Nama", "agency": "Unit kerja"}
_ALIAS_TO_FIELD = {alias: f for f, aliases in HEADER_ALIASES.items() for alias in aliases}
_NON_ALNUM = re.compile(r"[^a-z0-9]+")

EMPLOYMENT_TYPES = {
    "pns": EmploymentType.PNS,
    "pegawainegerisipil": EmploymentType.PNS,
    "cpns": EmploymentType.CPNS,
    "calonpns": EmploymentType.CPNS,
    "pppk": EmploymentType.PPPK,
    "p3k": EmploymentType.PPPK,
    "pppkparuhwaktu": EmploymentType.PPPK,
    "nonasn": EmploymentType.NON_ASN,
    "honorer": EmploymentType.NON_ASN,
    "ppnpn": EmploymentType.NON_ASN,
    "tenagakontrak": EmploymentType.NON_ASN,
    "thl": EmploymentType.NON_ASN,
    "tenagahariannlepas": EmploymentType.NON_ASN,
    "tenagaharianlepas": EmploymentType.NON_ASN,
    "kepaladesa": EmploymentType.VILLAGE_HEAD,
    "kades": EmploymentType.VILLAGE_HEAD,
    "villagehead": EmploymentType.VILLAGE_HEAD,
    "perangkatdesa": EmploymentType.VILLAGE_OFFICIAL,
    "villageofficial": EmploymentType.VILLAGE_OFFICIAL,
}
for _choice in EmploymentType:
    EMPLOYMENT_TYPES[_choice.value.replace("_", "")] = _choice

POSITION_CLASSES = {
    "jpt": PositionClass.JPT,
    "jptpratama": PositionClass.JPT,
    "jptmadya": PositionClass.JPT,
    "jptutama": PositionClass.JPT,
    "eselonii": PositionClass.JPT,
    "eseloni": PositionClass.JPT,
    "administrator": PositionClass.ADMINISTRATOR,
    "eseloniii": PositionClass.ADMINISTRATOR,
    "pengawas": PositionClass.PENGAWAS,
    "eseloniv": PositionClass.PENGAWAS,
    "fungsional": PositionClass.FUNGSIONAL,
    "jf": PositionClass.FUNGSIONAL,
    "jft": PositionClass.FUNGSIONAL,
    "jabatanfungsional": PositionClass.FUNGSIONAL,
    "fungsionaltertentu": PositionClass.FUNGSIONAL,
    "pelaksana": PositionClass.PELAKSANA,
    "jfu": PositionClass.PELAKSANA,
    "fungsionalumum": PositionClass.PELAKSANA,
}
ACTIVE_VALUES = {
    "": True,
    "ya": True,
    "y": True,
    "aktif": True,
    "1": True,
    "true": True,
    "yes": True,
    "tidak": False,
    "t": False,
    "n": False,
    "no": False,
    "0": False,
    "false": False,
    "nonaktif": False,
    "tidakaktif": False,
    "pensiun": False,
    "inactive": False,
}
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@functools.lru_cache(maxsize=4096)
def compact(value):
    """Lowercase letters and digits only: how headers and coded values are compared."""
    return _NON_ALNUM.sub("", value.lower())


@dataclass(slots=True)
class CleanRow:
    row: int
    nip: str | None
    name: str
    name_key: str
    name_phonetic: str
    employment_type: str
    position: str
    position_class: str
    agency_key: str
    district_code: str | None
    email: str
    active: bool


@dataclass
class RowError:
    row: int
    column: str
    code: str
    value: str = ""
    params: dict = field(default_factory=dict)

    @property
    def message(self):
        return row_message(self.code, {"value": self.value, **self.params})

    def as_list(self):
        return [self.row, self.column, self.code, self.value, self.params]


@dataclass
class CheckedFile:
    rows: list
    errors: list
    error_count: int
    total_rows: int
    agencies: dict  # agency key -> (display name, code)
    columns: dict  # field -> header label as written in the file


# ---- reading ---------------------------------------------------------------------------------


def check_size(path, limit_bytes):
    try:
        size = Path(path).stat().st_size
    except OSError:
        raise RosterFileError("not_found") from None
    if size == 0:
        raise RosterFileError("empty")
    if limit_bytes and size > limit_bytes:
        raise RosterFileError(
            "too_large", size_mb=round(size / 2**20, 1), limit_mb=round(limit_bytes / 2**20)
        )
    return size


def open_table(path):
    """(header, rows iterator, estimated row count) for a CSV or XLSX file, by content
    (netra/lib/tables.py)."""
    try:
        table = tables.open_table(path)
    except tables.TableError as error:
        raise RosterFileError(error.code, **error.params) from None
    if not any(h.strip() for h in table.header):
        raise RosterFileError("empty")

    def rows():
        try:
            yield from table.rows
        except tables.TableError as error:
            raise RosterFileError(error.code, **error.params) from None

    return table.header, rows(), table.estimate


def map_header(header):
    """field -> column index, from the file's own header spellings."""
    mapping, labels = {}, {}
    for index, label in enumerate(header):
        f = _ALIAS_TO_FIELD.get(compact(label or ""))
        if f is None:
            continue
        if f in mapping:
            raise RosterFileError("duplicate_columns", column=label)
        mapping[f], labels[f] = index, label.strip()
    missing = [FIELD_LABELS[f] for f in REQUIRED_FIELDS if f not in mapping]
    if missing:
        found = ", ".join(h.strip() for h in header if h and h.strip()) or "-"
        raise RosterFileError("missing_columns", missing=", ".join(missing), found=found)
    return mapping, labels


# ---- checking --------------------------------------------------------------------------------


def row_checker(district_codes, label, fail, *, today=None):
    """The checks of one row, as ``check(row_number, nip, name, employment_type, position,
    position_class, agency, agency_code, district, email, active, seen_nips, agency_keys)``
    over the row's raw cells ("" for a column the file lacks). Returns the CleanRow and the
    agency's (name, code), or None after calling ``fail(row, field, code, value, **params)``
    for each error. SEEN_NIPS (NIP -> first row) and AGENCY_KEYS (raw text -> (name, key))
    are the caller's, shared by the rows of one file.

    Used for every row on SQLite, and on PostgreSQL for the rows SQL could not pass as
    certainly valid (people/staged.py), so that both report the same errors."""

    def check(
        row_number,
        raw_nip,
        raw_name,
        raw_type,
        raw_position,
        raw_class,
        raw_agency,
        raw_code,
        raw_district,
        raw_email,
        raw_active,
        seen_nips,
        agency_keys,
    ):
        ok = True
        name = " ".join(raw_name.split())
        if not name:
            fail(row_number, "name", "name_required")
            ok = False
        elif len(name) > 255:
            fail(row_number, "name", "name_too_long")
            ok = False

        raw_type = raw_type.strip()
        nip = normalize_nip(raw_nip) if raw_nip.strip() else None
        info = None
        if nip and tables.is_cut_number(nip):
            fail(row_number, "nip", "nip_excel_number", nip[1:])
            ok = False
        elif nip:
            try:
                info = parse_nip(nip, today=today)
            except NipError as exc:
                fail(row_number, "nip", f"nip_{exc.code}", raw_nip.strip())
                ok = False
        if raw_type:
            employment_type = EMPLOYMENT_TYPES.get(compact(raw_type))
            if employment_type is None:
                fail(row_number, "employment_type", "employment_type", raw_type)
                ok = False
            elif (
                info is not None
                and info.is_pppk
                and employment_type in (EmploymentType.PNS, EmploymentType.CPNS)
            ):
                fail(row_number, "employment_type", "employment_type_mismatch", raw_type)
                ok = False
        else:
            employment_type = (
                EmploymentType.PPPK if info is not None and info.is_pppk else EmploymentType.PNS
            )
        if employment_type in ASN_TYPES and not nip:
            fail(row_number, "nip", "nip_required")
            ok = False
        if nip and ok:
            first = seen_nips.get(nip)
            if first is not None:
                fail(row_number, "nip", "duplicate_nip", nip, first_row=first)
                ok = False
            else:
                seen_nips[nip] = row_number

        agency_name, agency_key = agency_keys.get(raw_agency, (None, None))
        if agency_key is None:
            agency_name = " ".join(raw_agency.split())
            agency_key = name_key(agency_name) if agency_name else ""
            agency_keys[raw_agency] = (agency_name, agency_key)
        if not agency_key:
            fail(row_number, "agency", "agency_required")
            ok = False
        elif len(agency_name) > 255:
            fail(row_number, "agency", "too_long")
            ok = False

        position = " ".join(raw_position.split())
        if len(position) > 255:
            fail(row_number, "position", "too_long")
            ok = False
        position_class = ""
        if raw_class.strip():
            position_class = POSITION_CLASSES.get(compact(raw_class))
            if position_class is None:
                fail(row_number, "position_class", "position_class", raw_class.strip())
                ok = False

        district_code = None
        if raw_district.strip():
            raw = raw_district.strip()
            district_code = district_codes.get(raw) or district_codes.get(compact(raw))
            if district_code is None:
                fail(row_number, "district", "district", raw)
                ok = False

        email = raw_email.strip()
        if email and (len(email) > 254 or not _EMAIL.match(email)):
            fail(row_number, "email", "email", email)
            ok = False

        active = ACTIVE_VALUES.get(compact(raw_active))
        if active is None:
            fail(row_number, "active", "active", raw_active.strip())
            ok = False

        if not ok:
            return None
        return (
            CleanRow(
                row_number,
                nip,
                name,
                name_key(name),
                phonetic_index(name),
                employment_type,
                position,
                position_class,
                agency_key,
                district_code,
                email,
                active,
            ),
            (agency_name, raw_code.strip()[:40]),
        )

    return check


class ErrorList:
    """Row errors in file order: the first MAX_LISTED_ERRORS kept, all of them counted."""

    def __init__(self, labels):
        self.errors, self.count = [], 0
        self.label = {f: labels.get(f, f) for f in HEADER_ALIASES}

    def fail(self, row, f, code, value="", **params):
        self.count += 1
        if len(self.errors) < MAX_LISTED_ERRORS:
            self.errors.append(RowError(row, self.label[f], code, value, params))


def read_header(path, limit_bytes):
    """(rows iterator, estimated row count, field -> column index, field -> label): the file
    opened and its header understood, or RosterFileError."""
    check_size(path, limit_bytes)
    header, rows, estimate = open_table(path)
    mapping, labels = map_header(header)
    return rows, estimate, mapping, labels


def check_file(
    path,
    *,
    district_codes,
    limit_bytes=0,
    progress=None,
    today=None,
    on_chunk=None,
    chunk_size=50_000,
):
    """Read and check every row of PATH; nothing is written here.

    DISTRICT_CODES maps a district's normalised name and its code to its code, for the region
    being imported. With ON_CHUNK, clean rows are handed over every CHUNK_SIZE rows as
    ``on_chunk(rows, agencies, error_count)`` (agencies and error count so far) instead of being
    collected, so that a writer can work while the rest of the file is checked.
    """
    rows, estimate, mapping, labels = read_header(path, limit_bytes)
    fields = [
        "nip",
        "name",
        "employment_type",
        "position",
        "position_class",
        "agency",
        "agency_code",
        "district",
        "email",
        "active",
    ]
    # A column the file lacks reads as an empty cell: the checks treat both alike.
    width = max(mapping.values()) + 2
    columns = [mapping.get(f, width - 1) for f in fields]
    errors = ErrorList(labels)
    check = row_checker(district_codes, errors.label, errors.fail, today=today)

    clean = []
    seen_nips, agencies = {}, {}
    agency_keys = {}  # raw agency text -> key: a file names the same few agencies many times

    row_number = 1
    data_rows = 0
    for values in rows:
        row_number += 1
        if not "".join(values).strip():
            continue
        if len(values) < width:
            values = values + [""] * (width - len(values))
        else:
            values[width - 1] = ""  # the empty cell of the columns the file lacks
        data_rows += 1
        if progress and data_rows % 20_000 == 0:
            progress(data_rows, max(estimate, data_rows))
        checked = check(row_number, *[values[i] for i in columns], seen_nips, agency_keys)
        if checked is not None:
            row, agency = checked
            if row.agency_key not in agencies:
                agencies[row.agency_key] = agency
            clean.append(row)
            if on_chunk is not None and len(clean) >= chunk_size:
                on_chunk(clean, agencies, errors.count)
                clean = []
    if data_rows == 0:
        raise RosterFileError("no_rows")
    if on_chunk is not None and clean:
        on_chunk(clean, agencies, errors.count)
        clean = []
    if progress:
        progress(data_rows, data_rows)
    return CheckedFile(clean, errors.errors, errors.count, data_rows, agencies, labels)


def errors_as_csv(errors):
    """The error report as CSV text, in the active language. Values and header names come
    from the uploaded file, so no cell may start a formula (netra/lib/tables.py)."""
    return tables.csv_text(
        [
            [_("row"), _("column"), _("value"), _("reason")],
            *([e.row, e.column, e.value, str(e.message)] for e in errors),
        ]
    )
