"""The streaming writers of netra.lib.tables: CSV one line at a time and XLSX row by row into
a temporary file; every cell formula-safe, as csv_text and xlsx_bytes."""

import csv
import io

from openpyxl import load_workbook

from netra.lib.tables import csv_lines, csv_text, xlsx_file

ROWS = [["Nama", "NIP"], ['=HYPERLINK("http://x","y")', "198501012010011001"], ["+1", "@a"]]


def test_csv_lines_give_the_same_text_as_csv_text_one_line_at_a_time():
    lines = list(csv_lines(ROWS))
    assert lines[0] == "\ufeff"
    assert "".join(lines) == csv_text(ROWS, bom=True)
    rows = list(csv.reader(io.StringIO("".join(lines[1:]))))
    assert rows[1][0] == '\'=HYPERLINK("http://x","y")' and rows[2] == ["'+1", "'@a"]


def test_csv_lines_pull_rows_lazily():
    pulled = []

    def rows():
        for i in range(3):
            pulled.append(i)
            yield [str(i)]

    lines = csv_lines(rows(), bom=False)
    assert next(lines) == "0\r\n" and pulled == [0]


def test_xlsx_file_writes_a_formula_safe_sheet_to_a_temporary_file():
    with xlsx_file("Kasus", iter(ROWS)) as fh:
        book = load_workbook(io.BytesIO(fh.read()), read_only=True)
    sheet = [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]
    assert book.sheetnames == ["Kasus"]
    assert sheet[1] == ['\'=HYPERLINK("http://x","y")', "198501012010011001"]
    assert sheet[2] == ["'+1", "'@a"]


def test_xlsx_file_of_many_rows_does_not_hold_them(tmp_path):
    import tracemalloc

    def rows(n):
        for i in range(n):
            yield [f"Pegawai {i}", f"{i:018d}", "Dinas Pendidikan"]

    def peak(n):
        tracemalloc.start()
        with xlsx_file("Kasus", rows(n), directory=tmp_path):
            pass
        top = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        return top

    small, large = peak(1_000), peak(20_000)
    assert large < small * 3  # twenty times the rows, not twenty times the memory
