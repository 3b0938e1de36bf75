"""Reading and checking a file of staff accounts (CSV or XLSX) before anything is created.

One row per account: name, e-mail, role and regions (Kemendagri codes separated by spaces,
commas or semicolons), optionally the office; headers in Indonesian or English (nama, surel,
peran, wilayah, kantor). Every row is checked; a single error refuses the whole file, with the
row, the column and the reason of each, so that nothing is half-created. The cost is bounded
before the work: the file's size, for an XLSX file the size it unpacks to, the number of rows,
the length of each cell and the number of regions a row names.

Writing happens in actions.create_imported_accounts, in one transaction.
"""

import re
import zipfile
from dataclasses import dataclass, field
from io import BytesIO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models.functions import Lower
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from netra.common.table_files import READ_PROBLEMS
from netra.lib import tables
from netra.regions.models import Region

from .models import Role, User
from .rules import RESERVED_USERNAMES, region_message, region_problem

MAX_BYTES = 2 * 1024 * 1024
MAX_UNPACKED_BYTES = 20 * 1024 * 1024  # an XLSX file is a ZIP: bound what it unpacks to
MAX_ROWS = 2000
MAX_READ_ROWS = 5 * MAX_ROWS  # rows read at most, blank ones included
MAX_CELL = 1000
MAX_NAME = 150
MAX_EMAIL = 254
MAX_OFFICE = 200
MAX_REGIONS = 50
MAX_LISTED_ERRORS = 500

FILE_MESSAGES = {
    "empty": _("The file is empty."),
    "no_rows": _("The file has a header but no account rows."),
    "too_large": _(
        "The file is %(size_mb)s MB; the limit is %(limit_mb)s MB. Split it into smaller files."
    ),
    "too_many_rows": _("The file has more than %(limit)s accounts. Split it into smaller files."),
    **READ_PROBLEMS,
}

ROW_MESSAGES = {
    "too_long": _("The value is longer than %(limit)s characters."),
    "name_required": _("Name is required."),
    "email_required": _("The e-mail address is required: the enrolment link is sent there."),
    "email_invalid": _("%(value)s is not a valid e-mail address."),
    "email_in_file": _("This e-mail address already appears in row %(first_row)s."),
    "email_taken": _("An account with this e-mail address already exists."),
    "role_required": _("The role is required."),
    "role_unknown": _("Unknown role %(value)s; use one of: %(roles)s."),
    "region_unknown": _("No region has the code %(value)s."),
    "region_code": _("%(value)s is not a Kemendagri region code such as 35, 35.09 or 35.09.01."),
    "region_cut_zero": _(
        "%(value)s looks like a code whose last zero the spreadsheet dropped (35.10 became "
        "35.1). Format the column as Text and type the codes again."
    ),
    "too_many_regions": _("A row may name at most %(limit)s regions."),
}

# canonical field -> accepted header spellings, compared lowercased without spaces/punctuation
HEADER_ALIASES = {
    "name": ["nama", "namalengkap", "name", "fullname", "namapegawai", "namapengguna"],
    "email": ["email", "surel", "alamatemail", "alamatsurel", "emailaddress", "mail"],
    "role": ["peran", "role", "perannetra", "hakakses"],
    "regions": ["wilayah", "kodewilayah", "regions", "region", "wilayahkerja", "kodekemendagri"],
    "office": ["kantor", "office", "unitkerja", "satuankerja"],
}
REQUIRED_FIELDS = ("name", "email", "role")
FIELD_LABELS = {"name": "nama", "email": "surel", "role": "peran", "regions": "wilayah"}
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_ALIAS_TO_FIELD = {alias: f for f, aliases in HEADER_ALIASES.items() for alias in aliases}
_CODE = re.compile(r"^\d{2}(\.\d{2}(\.\d{2})?)?$")
_CUT_ZERO = re.compile(r"^\d{2}\.\d$|^\d{2}\.\d{2}\.\d$")
_SEPARATORS = re.compile(r"[\s,;]+")
_USERNAME_DROP = re.compile(r"[^a-z0-9._-]+")

# Short names people write for a role, besides its code and its labels in both languages.
ROLE_ALIASES = {
    "admin": Role.ADMIN,
    "bawaslu": Role.BAWASLU_REGENCY,
    "bawaslukabupaten": Role.BAWASLU_REGENCY,
    "bawaslukota": Role.BAWASLU_REGENCY,
    "bawaslukabupatenkota": Role.BAWASLU_REGENCY,
    "bawaslukabkota": Role.BAWASLU_REGENCY,
    "bawasluprovinsi": Role.BAWASLU_PROVINCE,
    "bawasluprov": Role.BAWASLU_PROVINCE,
    "bawasluri": Role.BAWASLU_RI,
    "bawaslupusat": Role.BAWASLU_RI,
    "panwascam": Role.PANWASCAM,
    "panwaslukecamatan": Role.PANWASCAM,
    "pengawaskecamatan": Role.PANWASCAM,
    "bkpsdm": Role.BKPSDM,
    "bkd": Role.BKPSDM,
    "bkn": Role.BKN,
    "ppk": Role.PPK,
    "auditor": Role.AUDITOR,
}


def compact(value):
    return _NON_ALNUM.sub("", (value or "").lower())


def role_names():
    """compact spelling -> role: the codes, the labels in Indonesian and in English, and the
    short names of ROLE_ALIASES."""
    names = dict(ROLE_ALIASES)
    for role in Role:
        names[compact(role.value)] = role.value
        for language in ("en", "id"):
            with translation.override(language):
                names[compact(str(role.label))] = role.value
    return names


def roles_listed():
    with translation.override("id"):
        return ", ".join(f"{role.value} ({role.label})" for role in Role)


class AccountFileError(Exception):
    """The file as a whole cannot be used; nothing is created."""

    def __init__(self, code, **params):
        super().__init__(code)
        self.code, self.params = code, params

    @property
    def message(self):
        return str(FILE_MESSAGES[self.code]) % self.params


@dataclass
class RowError:
    row: int
    column: str
    code: str
    params: dict = field(default_factory=dict)
    text: str = ""  # a message already made (the region rule's)

    @property
    def message(self):
        return self.text or str(ROW_MESSAGES[self.code]) % self.params


@dataclass
class ImportRow:
    row: int
    name: str
    email: str
    role: str
    office: str
    codes: list
    regions: list = field(default_factory=list)
    username: str = ""


@dataclass
class Checked:
    rows: list
    errors: list
    error_count: int


# ---- reading ---------------------------------------------------------------------------------


def limit_bytes():
    return getattr(settings, "NETRA_ACCOUNT_IMPORT_MAX_BYTES", MAX_BYTES)


def check_size(size):
    if size == 0:
        raise AccountFileError("empty")
    limit = limit_bytes()
    if size > limit:
        raise AccountFileError(
            "too_large", size_mb=round(size / 2**20, 1), limit_mb=max(round(limit / 2**20), 1)
        )


def _check_unpacked(data):
    """An XLSX file unpacking to more than MAX_UNPACKED_BYTES is refused before it is read."""
    if not data.startswith(tables.XLSX_MAGIC):
        return
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise AccountFileError("unreadable_xlsx") from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise AccountFileError(
            "too_large",
            size_mb=round(unpacked / 2**20, 1),
            limit_mb=round(MAX_UNPACKED_BYTES / 2**20),
        )


def _open(data):
    check_size(len(data))
    _check_unpacked(data)
    try:
        table = tables.open_table(data)
    except tables.TableError as error:
        raise AccountFileError(error.code) from None
    if not any((h or "").strip() for h in table.header):
        raise AccountFileError("empty")
    return table


def map_header(header):
    """field -> column index, and field -> the header as the file writes it."""
    mapping, labels = {}, {}
    for index, label in enumerate(header):
        f = _ALIAS_TO_FIELD.get(compact(label))
        if f is None:
            continue
        if f in mapping:
            raise AccountFileError("duplicate_columns", column=label.strip()[:100])
        mapping[f], labels[f] = index, label.strip()
    missing = [FIELD_LABELS[f] for f in REQUIRED_FIELDS if f not in mapping]
    if missing:
        found = ", ".join(h.strip()[:100] for h in header[:30] if h and h.strip()) or "-"
        raise AccountFileError("missing_columns", missing=", ".join(missing), found=found)
    return mapping, labels


# ---- checking --------------------------------------------------------------------------------


def check_file(data):
    """Read and check the account file DATA (bytes); nothing is written here. Raises
    AccountFileError for a file that cannot be used at all; otherwise returns the clean rows
    (with their regions and new usernames) and the row errors."""
    table = _open(data)
    mapping, labels = map_header(table.header)
    label = {f: labels.get(f, FIELD_LABELS.get(f, f)) for f in HEADER_ALIASES}
    width = max(mapping.values()) + 1
    names = role_names()
    errors = []
    error_count = 0

    def fail(row, f, code, text="", **params):
        nonlocal error_count
        error_count += 1
        if len(errors) < MAX_LISTED_ERRORS:
            errors.append(RowError(row, label[f], code, params, str(text)))

    rows, first_row_of_email = [], {}
    row_number = 1
    try:
        for values in table.rows:
            row_number += 1
            if row_number > MAX_READ_ROWS:  # blank rows count too: a sheet may hold a million
                raise AccountFileError("too_many_rows", limit=MAX_ROWS)
            if not any((v or "").strip() for v in values[:width]):
                continue
            if len(rows) >= MAX_ROWS:
                raise AccountFileError("too_many_rows", limit=MAX_ROWS)
            values = list(values[:width]) + [""] * max(width - len(values), 0)
            cell = {f: values[i] if i is not None else "" for f, i in mapping.items()}
            if any(len(v) > MAX_CELL for v in cell.values()):
                for f, v in cell.items():
                    if len(v) > MAX_CELL:
                        fail(row_number, f, "too_long", limit=MAX_CELL)
                continue
            row = _check_row(row_number, cell, names, fail, first_row_of_email)
            if row is not None:
                rows.append(row)
    except tables.TableError as error:
        raise AccountFileError(error.code) from None
    if not rows and not error_count:
        raise AccountFileError("no_rows")
    _check_regions(rows, fail)
    _check_emails_taken(rows, fail)
    if error_count:
        return Checked([], sorted(errors, key=lambda e: e.row), error_count)
    _give_usernames(rows)
    return Checked(rows, [], 0)


def _check_row(row_number, cell, names, fail, first_row_of_email):
    ok = True
    name = " ".join(cell.get("name", "").split())
    if not name:
        fail(row_number, "name", "name_required")
        ok = False
    elif len(name) > MAX_NAME:
        fail(row_number, "name", "too_long", limit=MAX_NAME)
        ok = False

    email = cell.get("email", "").strip()
    if not email:
        fail(row_number, "email", "email_required")
        ok = False
    elif len(email) > MAX_EMAIL:
        fail(row_number, "email", "too_long", limit=MAX_EMAIL)
        ok = False
    else:
        try:
            validate_email(email)
        except ValidationError:
            fail(row_number, "email", "email_invalid", value=email)
            ok = False
        else:
            local, _at, domain = email.rpartition("@")
            email = f"{local}@{domain.lower()}"
            first = first_row_of_email.setdefault(email.lower(), row_number)
            if first != row_number:
                fail(row_number, "email", "email_in_file", first_row=first)
                ok = False

    role_text = " ".join(cell.get("role", "").split())
    role = names.get(compact(role_text)) if role_text else None
    if not role_text:
        fail(row_number, "role", "role_required")
        ok = False
    elif role is None:
        fail(row_number, "role", "role_unknown", value=role_text[:100], roles=roles_listed())
        ok = False

    office = " ".join(cell.get("office", "").split())
    if len(office) > MAX_OFFICE:
        fail(row_number, "office", "too_long", limit=MAX_OFFICE)
        ok = False

    codes = [c for c in _SEPARATORS.split(cell.get("regions", "")) if c]
    if len(codes) > MAX_REGIONS:
        fail(row_number, "regions", "too_many_regions", limit=MAX_REGIONS)
        ok = False
    else:
        for code in codes:
            if _CUT_ZERO.match(code):
                fail(row_number, "regions", "region_cut_zero", value=code)
                ok = False
            elif not _CODE.match(code):
                fail(row_number, "regions", "region_code", value=code[:30])
                ok = False
    if not ok:
        return None
    return ImportRow(row_number, name, email, role, office, list(dict.fromkeys(codes)))


def _check_regions(rows, fail):
    """Every code names a region, and the regions suit the row's role (accounts/rules.py)."""
    codes = {code for row in rows for code in row.codes}
    known = {r.code: r for r in Region.objects.filter(code__in=codes)} if codes else {}
    for row in rows:
        unknown = [code for code in row.codes if code not in known]
        for code in unknown:
            fail(row.row, "regions", "region_unknown", value=code)
        if unknown:
            continue
        row.regions = [known[code] for code in row.codes]
        problem = region_problem(row.role, row.regions)
        if problem:
            fail(row.row, "regions", problem, text=region_message(problem))


def _lowered(field_name, values):
    """Which of VALUES (lowercased) an account already has in FIELD_NAME, in chunks."""
    values, found = sorted(values), set()
    for i in range(0, len(values), 500):
        found.update(
            User.objects.annotate(lowered=Lower(field_name))
            .filter(lowered__in=values[i : i + 500])
            .values_list("lowered", flat=True)
        )
    return found


def _check_emails_taken(rows, fail):
    taken = _lowered("email", {row.email.lower() for row in rows})
    for row in rows:
        if row.email.lower() in taken:
            fail(row.row, "email", "email_taken")


def username_base(email):
    local = email.rpartition("@")[0].lower()
    base = _USERNAME_DROP.sub("", local).strip("._-")[:140]
    return base or "pengguna"


def _give_usernames(rows):
    """Each row's username from its e-mail address: the part before the @, with a number after
    it where that is taken (by an account, or by an earlier row) or reserved ("system", the
    audit log's actor for entries no account made)."""
    bases = {row.row: username_base(row.email) for row in rows}
    taken = _lowered("username", set(bases.values())) | RESERVED_USERNAMES
    crowded = {b for b in bases.values() if b in taken}
    for base in crowded:
        taken.update(
            u.lower()
            for u in User.objects.filter(username__istartswith=base).values_list(
                "username", flat=True
            )[:10_000]
        )
    for row in rows:
        base, candidate, n = bases[row.row], bases[row.row], 1
        while candidate in taken:
            n += 1
            candidate = f"{base}{n}"
        taken.add(candidate)
        row.username = candidate
