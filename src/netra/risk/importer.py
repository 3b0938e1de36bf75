"""Reading and checking a file of Bawaslu's election vulnerability index (IKP) before anything
is kept: CSV or XLSX, one row per province or regency/city.

Columns (headers in Indonesian or English, in any order): ``kode_wilayah`` (the Kemendagri
code), ``skor`` (0 to 100, higher is more vulnerable; a decimal comma or point) and
``kategori`` (rendah, sedang, tinggi) are required; the four dimensions of IKP 2024
(``konteks_sosial_politik``, ``penyelenggaraan_pemilu``, ``kontestasi``, ``partisipasi``), the
thematic ASN-neutrality index (``skor_asn``, ``kategori_asn``) and the region's name
(``nama_wilayah``, for people reading the file; not checked) may follow.

Every row is checked; one bad row refuses the whole file, listing the row, the column and the
reason of each, so that nothing is half-imported. Writing is actions.import_ikp's.
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext_lazy as _

from netra.common.table_files import (
    READ_PROBLEMS,
    FileProblem,
    compact,
    map_header,
    numbered_rows,
    open_checked,
)
from netra.regions.models import Region

from .models import IkpCategory

MAX_BYTES = 2 * 1024 * 1024
MAX_UNPACKED_BYTES = 20 * 1024 * 1024
MAX_ROWS = 1000  # 38 provinces and 514 regencies and cities, with room
MAX_READ_ROWS = 5 * MAX_ROWS
MAX_CELL = 200
MAX_LISTED_ERRORS = 200

HEADER_ALIASES = {
    "code": ["kodewilayah", "kode", "kodekemendagri", "kodewil", "regioncode", "code"],
    "name": ["namawilayah", "wilayah", "nama", "provinsikabupatenkota", "region", "name"],
    "score": ["skor", "skorikp", "nilai", "nilaiikp", "ikp", "score"],
    "category": ["kategori", "kategoriikp", "tingkatkerawanan", "kerawanan", "category"],
    "social_political": ["kontekssosialpolitik", "sosialpolitik", "socialpolitical"],
    "electoral_administration": [
        "penyelenggaraanpemilu",
        "penyelenggaraanpemilihan",
        "penyelenggaraan",
        "electoraladministration",
    ],
    "contestation": ["kontestasi", "contestation"],
    "participation": ["partisipasi", "participation"],
    "asn_score": ["skorasn", "ikpasn", "skornetralitasasn", "netralitasasn", "asnscore"],
    "asn_category": ["kategoriasn", "kategorinetralitasasn", "asncategory"],
}
REQUIRED = ("code", "score", "category")
COLUMN_NAMES = {"code": "kode_wilayah", "score": "skor", "category": "kategori"}
SCORES = (
    "score",
    "social_political",
    "electoral_administration",
    "contestation",
    "participation",
    "asn_score",
)
CATEGORY_NAMES = {
    **{compact(c.value): c.value for c in IkpCategory},
    "low": IkpCategory.LOW,
    "medium": IkpCategory.MEDIUM,
    "high": IkpCategory.HIGH,
    "rawanrendah": IkpCategory.LOW,
    "rawansedang": IkpCategory.MEDIUM,
    "rawantinggi": IkpCategory.HIGH,
}
_CODE = re.compile(r"^\d{2}(\.\d{2})?$")
_CUT_ZERO = re.compile(r"^\d{2}\.\d$")

FILE_MESSAGES = {
    "empty": _("The file is empty."),
    "no_rows": _("The file has a header but no rows of the index."),
    "too_large": _(
        "The file is %(size_mb)s MB; the limit is %(limit_mb)s MB. Keep only the index's columns."
    ),
    "too_many_rows": _("The file has more than %(limit)s rows: one row per region is expected."),
    **READ_PROBLEMS,
}
ROW_MESSAGES = {
    "too_long": _("The value is longer than %(limit)s characters."),
    "required": _("A value is required."),
    "code": _(
        "%(value)s is not a Kemendagri code of a province or regency/city, such as 35 or 35.09."
    ),
    "cut_zero": _(
        "%(value)s looks like a code whose last zero the spreadsheet dropped (35.10 became "
        "35.1). Format the column as Text and type the codes again."
    ),
    "unknown_region": _("No province or regency/city has the code %(value)s."),
    "not_in_election": _("%(value)s (%(name)s) takes no part in this election."),
    "duplicate": _("The region %(value)s already appears in row %(first)s."),
    "not_a_number": _("%(value)s is not a number."),
    "out_of_range": _("%(value)s is outside 0 to 100."),
    "category": _("Unknown category %(value)s; use rendah, sedang or tinggi."),
}


class IkpFileError(Exception):
    """The file cannot be imported: as a whole (CODE set) or for its rows (ERRORS)."""

    def __init__(self, code="", errors=(), error_count=0, **params):
        super().__init__(code or "rows")
        self.code, self.params = code, params
        self.errors, self.error_count = list(errors), error_count or len(errors)

    @property
    def message(self):
        if self.code:
            return str(FILE_MESSAGES[self.code]) % self.params
        return str(_("Errors in the file: %(n)s. Nothing was imported.")) % {"n": self.error_count}


@dataclass
class RowError:
    row: int
    column: str
    code: str
    params: dict = field(default_factory=dict)

    @property
    def message(self):
        return str(ROW_MESSAGES[self.code]) % self.params


@dataclass
class IkpRow:
    row: int
    region: Region
    values: dict  # field -> Decimal or category value (None where not given)


def check_file(data, election):
    """The checked rows of the IKP file DATA (bytes) for ELECTION; raises IkpFileError."""
    try:
        table = open_checked(data, max_bytes=MAX_BYTES, max_unpacked=MAX_UNPACKED_BYTES)
        mapping, labels = map_header(table.header, HEADER_ALIASES, REQUIRED, COLUMN_NAMES)
        cells = list(numbered_rows(table, mapping, max_rows=MAX_ROWS, max_read_rows=MAX_READ_ROWS))
    except FileProblem as problem:
        raise IkpFileError(problem.code, **problem.params) from None
    if not cells:
        raise IkpFileError("no_rows")
    errors = []

    def fail(row, column, code, **params):
        errors.append(
            RowError(row, labels.get(column, COLUMN_NAMES.get(column, column)), code, params)
        )

    regions = _regions([cell.get("code", "").strip() for _row, cell in cells])
    member = _member_of(election)
    rows, first_row = [], {}
    for number, cell in cells:
        too_long = [f for f, v in cell.items() if len(v) > MAX_CELL]
        for column in too_long:
            fail(number, column, "too_long", limit=MAX_CELL)
        if too_long:
            continue
        region = _region(number, cell["code"].strip(), regions, member, first_row, fail)
        values = {name: score_value(number, name, cell.get(name, ""), fail) for name in SCORES}
        values["category"] = category_value(number, "category", cell["category"], fail, True)
        values["asn_category"] = category_value(
            number, "asn_category", cell.get("asn_category", ""), fail, False
        )
        if region is not None and all(
            values[name] is not False for name in (*SCORES, "category", "asn_category")
        ):
            rows.append(IkpRow(number, region, values))
    if errors:
        raise IkpFileError(errors=errors[:MAX_LISTED_ERRORS], error_count=len(errors))
    return rows


def _regions(codes):
    wanted = {code for code in codes if _CODE.match(code)}
    found = Region.objects.filter(code__in=wanted, level__in=("province", "regency", "city"))
    return {region.code: region for region in found}


def _member_of(election):
    """Whether a region takes part in ELECTION: any in a national one; else the regions it
    lists, the provinces around them and the regencies inside the provinces it lists."""
    if election.national:
        return lambda code: True
    codes = set(election.regions.values_list("code", flat=True))
    provinces = {code[:2] for code in codes}
    return lambda code: code in codes or code in provinces or code[:2] in codes


def _region(number, code, regions, member, first_row, fail):
    if not code:
        fail(number, "code", "required")
        return None
    if _CUT_ZERO.match(code):
        fail(number, "code", "cut_zero", value=code)
        return None
    if not _CODE.match(code):
        fail(number, "code", "code", value=code)
        return None
    region = regions.get(code)
    if region is None:
        fail(number, "code", "unknown_region", value=code)
        return None
    if not member(code):
        fail(number, "code", "not_in_election", value=code, name=region.name)
        return None
    first = first_row.setdefault(code, number)
    if first != number:
        fail(number, "code", "duplicate", value=code, first=first)
        return None
    return region


def score_value(number, name, text, fail):
    """A score as a Decimal, None when an optional one is not given, False when wrong."""
    text = text.strip().replace(" ", "")
    if not text:
        if name == "score":
            fail(number, name, "required")
            return False
        return None
    try:
        value = Decimal(text.replace(",", "."))
    except InvalidOperation:
        fail(number, name, "not_a_number", value=text)
        return False
    if not value.is_finite():
        fail(number, name, "not_a_number", value=text)
        return False
    if not 0 <= value <= 100:
        fail(number, name, "out_of_range", value=text)
        return False
    return value.quantize(Decimal("0.01"))


def category_value(number, name, text, fail, required):
    text = " ".join(text.split())
    if not text:
        if required:
            fail(number, name, "required")
            return False
        return ""
    value = CATEGORY_NAMES.get(compact(text))
    if value is None:
        fail(number, name, "category", value=text)
        return False
    return value
