"""An uploaded table file checked before anything is read from it, for the imports that take a
whole file or nothing (staff accounts, the vulnerability index): the cost is bounded first
(the file's size and, for XLSX, what it unpacks to; the rows read, blank ones included), the
header is matched to the fields by their accepted spellings, and the rows come out numbered as
a spreadsheet numbers them (the header is row 1).

Problems with the file as a whole raise ``FileProblem`` with a code: ``empty``, ``too_large``,
``too_many_rows``, ``missing_columns``, ``duplicate_columns`` and lib.tables' own
(``encoding``, ``old_excel``, ``not_a_table``, ``unreadable_xlsx``). Each import words them.
"""

import re
import zipfile
from io import BytesIO

from django.utils.translation import gettext_lazy as _

from netra.lib import tables

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


#: The words for the problems of reading any table file, the same in every import.
READ_PROBLEMS = {
    "encoding": _(
        'The file is not readable text in UTF-8 or UTF-16. Save it again as "CSV UTF-8" or as XLSX.'
    ),
    "old_excel": _("Old Excel files (.xls) cannot be read. Save the file as XLSX or CSV UTF-8."),
    "not_a_table": _("This is not a CSV or XLSX file."),
    "unreadable_xlsx": _("The XLSX file is damaged or protected and cannot be read."),
    "missing_columns": _("Required columns are missing: %(missing)s. Columns found: %(found)s."),
    "duplicate_columns": _("The column %(column)s appears more than once."),
}


class FileProblem(Exception):
    def __init__(self, code, **params):
        super().__init__(code)
        self.code, self.params = code, params


def compact(value):
    """A header or a word as compared: lowercased, without spaces or punctuation."""
    return _NON_ALNUM.sub("", (value or "").lower())


def open_checked(data, *, max_bytes, max_unpacked):
    """The lib.tables Table of DATA (bytes), once its size is known to be within bounds."""
    if not data:
        raise FileProblem("empty")
    if len(data) > max_bytes:
        raise FileProblem("too_large", size_mb=_mb(len(data)), limit_mb=max(_mb(max_bytes), 1))
    if data.startswith(tables.XLSX_MAGIC):
        try:
            with zipfile.ZipFile(BytesIO(data)) as archive:
                unpacked = sum(member.file_size for member in archive.infolist())
        except (zipfile.BadZipFile, OSError, ValueError):
            raise FileProblem("unreadable_xlsx") from None
        if unpacked > max_unpacked:
            raise FileProblem("too_large", size_mb=_mb(unpacked), limit_mb=_mb(max_unpacked))
    try:
        table = tables.open_table(data)
    except tables.TableError as error:
        raise FileProblem(error.code) from None
    if not any((cell or "").strip() for cell in table.header):
        raise FileProblem("empty")
    return table


def _mb(size):
    return round(size / 2**20, 1)


def map_header(header, aliases, required, names):
    """(field -> column index, field -> the header as the file writes it) for HEADER, given
    ALIASES (field -> accepted compact spellings); the REQUIRED fields must be there (NAMES:
    field -> the column name to ask for)."""
    field_of = {alias: field for field, spellings in aliases.items() for alias in spellings}
    mapping, labels = {}, {}
    for index, label in enumerate(header):
        field = field_of.get(compact(label))
        if field is None:
            continue
        if field in mapping:
            raise FileProblem("duplicate_columns", column=label.strip()[:100])
        mapping[field], labels[field] = index, label.strip()
    missing = [names[field] for field in required if field not in mapping]
    if missing:
        found = ", ".join(h.strip()[:100] for h in header[:30] if h and h.strip()) or "-"
        raise FileProblem("missing_columns", missing=", ".join(missing), found=found)
    return mapping, labels


def numbered_rows(table, mapping, *, max_rows, max_read_rows):
    """(row number, field -> cell text) for each non-blank row of TABLE, at most MAX_ROWS of
    them within the first MAX_READ_ROWS rows (a sheet may declare a million blank ones)."""
    width = max(mapping.values()) + 1
    number, kept = 1, 0
    try:
        for values in table.rows:
            number += 1
            if number > max_read_rows:
                raise FileProblem("too_many_rows", limit=max_rows)
            if not any((v or "").strip() for v in values[:width]):
                continue
            kept += 1
            if kept > max_rows:
                raise FileProblem("too_many_rows", limit=max_rows)
            values = list(values[:width]) + [""] * max(width - len(values), 0)
            yield number, {field: values[index] for field, index in mapping.items()}
    except tables.TableError as error:
        raise FileProblem(error.code) from None
