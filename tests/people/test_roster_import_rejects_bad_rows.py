import pytest
from django.utils import translation

from netra.people.actions import import_roster_file
from netra.people.models import Employee

from .roster_files import HEADER, VALID_ROWS, write


@pytest.fixture
def jember(region):
    return region("35.09")


def messages_of(result):
    with translation.override("id"):
        return {(e.row, e.column): e.message for e in result.errors}


def test_it_imports_nothing_when_one_row_is_invalid(tmp_path, jember):
    bad = "198513012010011001,Nama Salah,PNS,Staf,Pelaksana,Dinas Pendidikan,,,\n"
    path = write(tmp_path, HEADER + "".join(VALID_ROWS) + bad)
    result = import_roster_file(path, region=jember, actor=None)
    assert result.rejected
    assert result.imported == 0
    assert Employee.objects.count() == 0
    assert messages_of(result) == {
        (6, "NIP"): "Tanggal lahir pada NIP (digit 1-8) bukan tanggal yang benar."
    }


def test_it_imports_the_valid_rows_when_asked_to_skip_invalid_ones(tmp_path, jember):
    bad = "198513012010011001,Nama Salah,PNS,Staf,Pelaksana,Dinas Pendidikan,,,\n"
    path = write(tmp_path, HEADER + "".join(VALID_ROWS) + bad)
    result = import_roster_file(path, region=jember, actor=None, skip_invalid=True)
    assert (result.imported, result.invalid, result.rejected) == (4, 1, False)
    assert Employee.objects.count() == 4


def test_it_names_the_first_row_of_a_duplicated_nip(tmp_path, jember):
    path = write(tmp_path, HEADER + VALID_ROWS[0] + VALID_ROWS[1] + VALID_ROWS[0])
    result = import_roster_file(path, region=jember, actor=None)
    assert messages_of(result) == {(4, "NIP"): "NIP ini sudah muncul di baris 2."}


def test_it_reports_every_kind_of_row_error_with_row_and_column(tmp_path, jember):
    rows = [
        "19850101201001100,Kurang Digit,PNS,,,Dinas Pendidikan,,,\n",
        "198501012010011001,,PNS,,,Dinas Pendidikan,,,\n",
        ",Tanpa NIP,PNS,,,Dinas Pendidikan,,,\n",
        "199003152015032002,Siti,Honorer Daerah X,,,Dinas Pendidikan,,,\n",
        "199001012021212001,Budi,PPPK,,Eselon Lima,,Atlantis,bukan-email,mungkin\n",
    ]
    result = import_roster_file(write(tmp_path, HEADER + "".join(rows)), region=jember, actor=None)
    found = {(e.row, e.column, e.code) for e in result.errors}
    assert found == {
        (2, "NIP", "nip_length"),
        (3, "Nama", "name_required"),
        (4, "NIP", "nip_required"),
        (5, "Jenis Pegawai", "employment_type"),
        (6, "Jenis Jabatan", "position_class"),
        (6, "Unit Kerja", "agency_required"),
        (6, "Kecamatan", "district"),
        (6, "Email", "email"),
        (6, "Aktif", "active"),
    }
    assert Employee.objects.count() == 0


def test_it_writes_an_error_report_a_spreadsheet_can_open(tmp_path, jember):
    bad = "198513012010011001,Nama Salah,PNS,Staf,Pelaksana,Dinas Pendidikan,,,\n"
    result = import_roster_file(write(tmp_path, HEADER + bad), region=jember, actor=None)
    report = tmp_path / "errors.csv"
    with translation.override("id"):
        result.write_error_report(report)
    text = report.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0] == "baris,kolom,nilai,alasan"
    assert "2,NIP,198513012010011001,Tanggal lahir pada NIP" in text
