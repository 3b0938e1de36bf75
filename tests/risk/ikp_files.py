"""IKP files for the tests: CSV text or XLSX bytes from rows."""

import io

from openpyxl import Workbook

HEADER = ["kode_wilayah", "nama_wilayah", "skor", "kategori"]


def csv_bytes(rows, header=HEADER, encoding="utf-8", delimiter=","):
    """Excel in an Indonesian locale writes decimal commas and semicolons between cells."""
    lines = [delimiter.join(header)] + [delimiter.join(str(c) for c in row) for row in rows]
    return ("\n".join(lines) + "\n").encode(encoding)


def xlsx_bytes(rows, header=HEADER):
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
