"""An XLSX sheet states its size in <dimension ref="A1:XFD10000"/>, and openpyxl's read-only
mode pads every row to that width: a 50 KB file of 10,000 one-cell rows became 164 million
cells read one by one (about 6 s of a worker for one upload). The import must read only the
cells the file holds, whatever the sheet claims."""

import io
import re
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from netra.lib import tables

ROWS = 300


def _claiming_every_column(rows=ROWS):
    book = Workbook()
    book.active.append(["nama", "surel", "peran", "wilayah"])
    plain = io.BytesIO()
    book.save(plain)
    filler = b"".join(
        b'<row r="%d"><c r="A%d" t="inlineStr"><is><t> </t></is></c></row>' % (i, i)
        for i in range(2, rows + 2)
    )
    out = io.BytesIO()
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(
                    rb'<dimension ref="[^"]*" ?/>', b'<dimension ref="A1:XFD1048576"/>', data
                )
                data = data.replace(b"</row></sheetData>", b"</row>" + filler + b"</sheetData>")
            dst.writestr(item, data)
    return out.getvalue()


def test_the_import_reads_only_the_cells_the_file_holds(admin, client_for, monkeypatch):
    read = []
    cell_text = tables.cell_text
    monkeypatch.setattr(tables, "cell_text", lambda value: read.append(1) or cell_text(value))
    upload = SimpleUploadedFile("akun.xlsx", _claiming_every_column())
    response = client_for(admin).post("/akun/pengguna/impor/", {"file": upload})
    assert response.status_code == 200
    assert (
        "tidak ada baris akun" in response.content.decode().lower()
        or response.context["file_error"]
    )
    # 4 header cells and one per row, give or take the row's declared cells: never the
    # 16,384 columns the sheet claims.
    assert len(read) <= 10 * (ROWS + 1), len(read)


def test_a_table_yields_rows_no_wider_than_their_cells():
    table = tables.open_table(_claiming_every_column(5))
    assert len(table.header) == 4
    assert all(len(row) <= 4 for row in table.rows)


def test_the_attendance_upload_keeps_rows_no_wider_than_their_cells():
    from netra.prevention.attendance import table_rows

    rows = table_rows(_claiming_every_column(5))
    assert len(rows) == 6
    assert all(len(cells) <= 4 for _number, cells in rows)
