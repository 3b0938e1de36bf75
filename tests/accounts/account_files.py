"""Account files for the import tests: CSV text or XLSX bytes from rows."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

HEADER = ["Nama", "Surel", "Peran", "Wilayah"]


def csv_file(rows, header=HEADER, name="akun.csv", delimiter=","):
    lines = [delimiter.join(header)] + [delimiter.join(row) for row in rows]
    return SimpleUploadedFile(name, ("\n".join(lines) + "\n").encode(), content_type="text/csv")


def xlsx_file(rows, header=HEADER, name="akun.xlsx"):
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return SimpleUploadedFile(name, out.getvalue())


def upload(client, file, on_commit=None):
    """Post FILE to the import page; with ON_COMMIT (django_capture_on_commit_callbacks) the
    work queued for after the commit (the e-mails) runs too, as the worker would."""
    if on_commit is None:
        return client.post("/akun/pengguna/impor/", {"file": file})
    with on_commit(execute=True):
        return client.post("/akun/pengguna/impor/", {"file": file})
