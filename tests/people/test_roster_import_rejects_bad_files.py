import pytest
from django.utils import translation

from netra.people.actions import import_roster_file
from netra.people.importer import RosterFileError
from netra.people.models import Employee

from .roster_files import HEADER, write


@pytest.fixture
def jember(region):
    return region("35.09")


def rejection(path, jember, **kwargs):
    with pytest.raises(RosterFileError) as caught:
        import_roster_file(path, region=jember, actor=None, **kwargs)
    assert Employee.objects.count() == 0
    with translation.override("id"):
        return caught.value.message


def test_it_rejects_an_empty_file(tmp_path, jember):
    assert rejection(write(tmp_path, ""), jember) == "Berkas kosong."


def test_it_rejects_a_header_without_rows(tmp_path, jember):
    assert "tidak ada baris pegawai" in rejection(write(tmp_path, HEADER), jember)


def test_it_rejects_a_file_that_is_not_utf8(tmp_path, jember):
    text = HEADER + "198501012010011001,Désirée Ñ,PNS,,,Dinas Pendidikan,,,\n"
    message = rejection(write(tmp_path, text, encoding="cp1252"), jember)
    assert "UTF-8" in message


def test_it_names_the_missing_required_columns(tmp_path, jember):
    message = rejection(write(tmp_path, "Nama,Jabatan\nSiti,Guru\n"), jember)
    assert message.startswith("Kolom wajib tidak ditemukan: NIP, Unit kerja.")
    assert "Nama, Jabatan" in message


def test_it_asks_for_xlsx_when_given_an_old_excel_file(tmp_path, jember):
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    assert "Simpan berkas sebagai XLSX" in rejection(path, jember)


def test_it_rejects_a_pdf_renamed_to_csv(tmp_path, jember):
    pdf = tmp_path / "scan.csv"
    pdf.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 4)
    assert "bukan berkas CSV atau XLSX" in rejection(pdf, jember)


def test_it_rejects_a_damaged_xlsx(tmp_path, jember):
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"garbage" * 100)
    assert "rusak" in rejection(path, jember)


def test_it_rejects_a_200_mb_file_before_reading_it(tmp_path, jember):
    path = tmp_path / "huge.csv"
    with path.open("wb") as fh:
        fh.write(HEADER.encode())
        fh.truncate(200 * 1024 * 1024)  # sparse: costs no disk, but has the size
    assert rejection(path, jember) == (
        "Ukuran berkas 200.0 MB; batasnya 150 MB. Pecah menjadi beberapa berkas yang lebih kecil."
    )
