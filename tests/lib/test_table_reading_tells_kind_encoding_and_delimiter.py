import codecs

import pytest

from netra.lib import tables


def read(data):
    table = tables.open_table(data)
    return [table.header, *table.rows]


def test_it_reads_utf8_with_and_without_bom_and_utf16_by_its_bom():
    text = "Nama;NIP\nJosé;1\n"
    for data in (text.encode(), codecs.BOM_UTF8 + text.encode(), text.encode("utf-16")):
        assert read(data) == [["Nama", "NIP"], ["José", "1"]]


@pytest.mark.parametrize(
    "data, code",
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", "old_excel"),
        (b"%PDF-1.7\n", "not_a_table"),
        (b"a,b\x00c\n", "not_a_table"),
        ("Nama;NIP\nJos\xe9;1\n".encode("latin-1"), "encoding"),
        (b"PK\x03\x04broken", "unreadable_xlsx"),
        (b"  \n", "empty"),
    ],
)
def test_it_refuses_what_is_not_a_readable_table(data, code):
    with pytest.raises(tables.TableError) as refused:
        read(data)
    assert refused.value.code == code


def test_one_delimiter_heuristic_counts_rows_of_equal_width():
    semicolons_with_titled_names = [
        "NIP;Nama;Unit kerja",
        "1;Ahmad, S.Kom.;Dinas",
        "2;Dr. Budi, S.H., M.H.;Dinas",
    ]
    assert tables.sniff_delimiter(semicolons_with_titled_names) == ";"
    teams = [
        "1. Summary",
        "Meeting title\tRapat",
        "",
        "Name\tFirst Join\tLast Leave",
        "Rina\t11/22/24, 9:01:12 AM\t11/22/24, 10:01:12 AM",
    ]
    assert tables.sniff_delimiter(teams) == "\t"
    zoom_with_meeting_data = [
        "Meeting ID,Topic,Start Time",
        "1,Rapat,10/05/2024 09:00",
        "",
        "Name (Original Name),User Email,Join Time,Leave Time",
        "Rina,,10/05/2024 09:00,10/05/2024 09:20",
    ]
    assert tables.sniff_delimiter(zoom_with_meeting_data) == ","
    assert tables.sniff_delimiter(["a|b|c", "1|2|3"]) == "|"


def test_an_xlsx_number_excel_cut_to_15_digits_is_marked():
    assert tables.is_cut_number(tables.cell_text(1.99e17))
    assert tables.cell_text(42.0) == "42" and tables.cell_text(None) == ""


def test_every_written_cell_is_formula_safe():
    text = tables.csv_text([["=HYPERLINK()", 1, "-2", "ok"]], bom=True)
    assert text == "\ufeff'=HYPERLINK(),1,'-2,ok\r\n"
    import io

    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(tables.xlsx_bytes([("Satu", [["@SUM(A1)", 3]])])))
    assert book.sheetnames == ["Satu"]
    assert [c.value for c in book.active[1]] == ["'@SUM(A1)", 3]
