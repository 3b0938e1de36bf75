"""Tables in and out: reading CSV and XLSX files, and writing cells a spreadsheet never runs.

Reading (``open_table``) takes a path or the file's bytes and tells the kind by content, not
by name: XLSX by its ZIP magic, an old Excel file (``.xls``, an OLE container) is refused, so
are a PDF and binary data; anything else is CSV text in UTF-16 (by its byte-order mark) or
UTF-8 (with or without one). Files that are neither are refused: a cp1252 file would otherwise
come in with its accents silently wrong. The delimiter of a CSV file is guessed once, here
(``sniff_delimiter``). Cells come out as text; an XLSX number of 16 or more digits, which Excel
keeps to 15 significant digits (an 18-digit NIP typed as a number), is marked with
``EXCEL_NUMBER_MARK`` so that the caller refuses it instead of guessing the lost digits.

Failures raise ``TableError`` with a code (``empty``, ``old_excel``, ``not_a_table``,
``encoding``, ``unreadable_xlsx``); the callers turn it into their own messages.

Writing: a spreadsheet runs a cell that starts with = + - or @ (and, in some programs, one that
starts with a tab or a carriage return before them) as a formula, which can fetch URLs or start
programs. Every value that came from outside and goes into a CSV or XLSX file we hand out passes
through ``formula_safe`` (``csv_text`` and ``xlsx_bytes`` do it for every cell): such a value
gets a leading apostrophe, which spreadsheets show as plain text (OWASP, "CSV Injection").

Framework-free: no Django import.
"""

import codecs
import csv
import io
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

EXCEL_NUMBER_MARK = "\u2248"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
DELIMITERS = (",", ";", "\t", "|")
SNIFF_BYTES = 64 * 1024
SNIFF_LINES = 40

XLSX_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"
PDF_MAGIC = b"%PDF"
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


class TableError(Exception):
    """The file as a whole cannot be read as a table; CODE names why."""

    def __init__(self, code, **params):
        super().__init__(code)
        self.code, self.params = code, params


@dataclass
class Table:
    kind: str  # csv | xlsx
    header: list  # the first row's cells (an empty list for an empty table)
    rows: object  # iterator over the following rows, each a list of text cells
    estimate: int  # rows after the header, counted (CSV lines) or as the sheet declares it


# ---- reading ---------------------------------------------------------------------------------


def kind_of(head):
    """ "xlsx" or "csv" from a file's first bytes; TableError for other known binary files."""
    if head.startswith(XLSX_MAGIC):
        return "xlsx"
    if head.startswith(OLE_MAGIC):
        raise TableError("old_excel")
    if head.startswith(PDF_MAGIC) or b"\x00" in head[:8] and not head.startswith(UTF16_BOMS):
        raise TableError("not_a_table")
    return "csv"


def encoding_of(head):
    """The text encoding by byte-order mark: UTF-16 with one, else UTF-8 (BOM or not)."""
    return "utf-16" if head.startswith(UTF16_BOMS) else "utf-8-sig"


def sniff_delimiter(lines):
    """The delimiter of LINES (a CSV file's first lines): the candidate that splits the most
    lines into the same number (more than one) of cells; ties go to more cells, then to the
    order comma, semicolon, tab, bar. Counting rows of equal width, not characters, keeps a
    semicolon file whose names carry commas ("Ahmad, S.Kom.") and Teams' tab file whose times
    carry commas ("11/22/24, 9:01 AM") apart, and lets meeting data above a header pass."""
    lines = [line for line in lines if line.strip()][:SNIFF_LINES]
    best, best_score = DELIMITERS[0], (0, 0)
    for delimiter in DELIMITERS:
        try:
            widths = Counter(len(cells) for cells in csv.reader(lines, delimiter=delimiter))
        except csv.Error:
            continue
        score = max(
            ((count, width) for width, count in widths.items() if width > 1), default=(0, 0)
        )
        if score > best_score:
            best, best_score = delimiter, score
    return best


def open_table(source):
    """A ``Table`` for SOURCE, a path or the file's bytes. The rows are read lazily; a CSV
    file is decoded (and checked for NUL characters) whole before the first row comes out."""
    if isinstance(source, (bytes, bytearray)):
        if not source.strip():
            raise TableError("empty")

        def opener():
            return io.BytesIO(source)
    else:

        def opener():
            return Path(source).open("rb")  # the table's reader closes it

    with opener() as fh:
        head = fh.read(8)
    if kind_of(head) == "xlsx":
        return _open_xlsx(opener())
    return _open_csv(opener(), encoding_of(head))


def _open_csv(fh, encoding):
    decoder = codecs.getincrementaldecoder(encoding)()
    lines = 0
    try:
        while chunk := fh.read(1 << 20):
            lines += chunk.count(b"\n")
            if "\x00" in decoder.decode(chunk):
                fh.close()
                raise TableError("not_a_table")
        decoder.decode(b"", final=True)
    except UnicodeError:
        fh.close()
        raise TableError("encoding") from None
    fh.seek(0)
    text = io.TextIOWrapper(fh, encoding=encoding, newline="")
    sample = text.read(SNIFF_BYTES)
    text.seek(0)
    reader = csv.reader(text, delimiter=sniff_delimiter(sample.splitlines()))
    try:
        header = next(reader, None) or []
    except csv.Error:
        text.close()
        raise TableError("not_a_table") from None

    def rows():
        try:
            yield from reader
        except csv.Error:
            raise TableError("not_a_table") from None
        finally:
            text.close()

    return Table("csv", header, rows(), max(lines - 1, 1))


def cell_text(value):
    """An XLSX cell's value as the text a CSV file would hold; numbers Excel has already cut
    to 15 digits are marked (``EXCEL_NUMBER_MARK``)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        if abs(value) >= 1e15:
            return EXCEL_NUMBER_MARK + repr(value)
        return str(int(value))
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    return str(value)


def is_cut_number(text):
    """True for a cell ``cell_text`` marked as a number Excel cut to 15 digits."""
    return text.startswith(EXCEL_NUMBER_MARK)


def _open_xlsx(fh):
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(fh, read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        estimate = max((sheet.max_row or 2) - 1, 1)
        # A sheet's declared size is the writer's word: a 15 KB file that claims A1:XFD1048576
        # would have every row padded to 16,384 cells. Read each row at the width of its cells.
        sheet.reset_dimensions()
        it = sheet.iter_rows(values_only=True)
        header = next(it, None)
    except Exception:  # noqa: BLE001 - a damaged workbook fails in many ways (zip, XML, cells)
        fh.close()
        raise TableError("unreadable_xlsx") from None

    def rows():
        try:
            for values in it:
                yield [cell_text(v) for v in values]
        except Exception:  # noqa: BLE001 - as above, for a sheet damaged past its first row
            raise TableError("unreadable_xlsx") from None
        finally:
            workbook.close()
            fh.close()

    return Table("xlsx", [cell_text(v) for v in header or ()], rows(), estimate)


# ---- writing ---------------------------------------------------------------------------------


def formula_safe(value):
    """VALUE as text a spreadsheet shows and never runs; numbers and None pass unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(values):
    return [formula_safe(v) for v in values]


def csv_text(rows, *, bom=False):
    """ROWS as CSV text (comma-separated, CRLF line ends), every cell through
    ``formula_safe``; with BOM, led by a byte-order mark so that spreadsheet programs read
    the text as UTF-8."""
    out = io.StringIO()
    writer = csv.writer(out)
    for row in rows:
        writer.writerow(safe_row(row))
    return ("\ufeff" if bom else "") + out.getvalue()


XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def xlsx_bytes(sheets):
    """An XLSX workbook of SHEETS, (title, rows) pairs, every cell through ``formula_safe``."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(safe_row(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# ---- streaming writers -----------------------------------------------------------------------
# For exports of many rows: the rows are pulled one at a time from an iterator (a database
# cursor, say) and never held together, so that memory stays flat whatever the number of rows.


class _Line:
    """A file-like object whose write returns what it was given: csv.writer makes one line."""

    def write(self, text):
        return text


def csv_lines(rows, *, bom=True):
    """ROWS (an iterable of lists) as CSV text one line at a time (comma-separated, CRLF line
    ends), every cell through ``formula_safe``; led by a byte-order mark unless BOM is false,
    so that spreadsheet programs read the text as UTF-8."""
    writer = csv.writer(_Line())
    if bom:
        yield "\ufeff"
    for row in rows:
        yield writer.writerow(safe_row(row))


def xlsx_file(title, rows, *, directory=None):
    """An XLSX workbook of one sheet named TITLE holding ROWS, every cell through
    ``formula_safe``, written row by row (openpyxl's write-only mode) to a temporary file.
    Returns the file, open for reading at its start; it is deleted when closed."""
    import tempfile

    from openpyxl import Workbook

    out = tempfile.TemporaryFile(suffix=".xlsx", dir=directory)
    try:
        book = Workbook(write_only=True)
        sheet = book.create_sheet(title[:31])
        for row in rows:
            sheet.append(safe_row(row))
        book.save(out)
    except BaseException:
        out.close()
        raise
    out.seek(0)
    return out
