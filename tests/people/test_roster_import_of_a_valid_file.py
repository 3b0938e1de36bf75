import pytest

from netra.people.actions import import_roster_file
from netra.people.models import Agency, Employee

from .roster_files import VALID_ROWS, valid_csv


@pytest.fixture
def jember(region):
    return region("35.09")


def test_it_imports_every_row_with_its_agency_district_and_type(tmp_path, jember):
    result = import_roster_file(valid_csv(tmp_path), region=jember, actor=None)
    assert (result.imported, result.created, result.invalid, result.rejected) == (4, 4, 0, False)
    fauzi = Employee.objects.get(nip="198501012010011001")
    assert fauzi.name == "Drs. H. Ahmad Fauzi M.Si"
    assert fauzi.name_key == "ahmad fauzi"
    assert fauzi.position_class == "administrator"
    assert fauzi.district.name == "Ajung"
    assert fauzi.agency.name == "Dinas Pendidikan"
    assert Employee.objects.get(nip="199001012021212001").employment_type == "pppk"
    assert Employee.objects.get(name="Wahyu Hidayat").nip is None
    assert set(Agency.objects.filter(region=jember).values_list("name", flat=True)) == {
        "Dinas Pendidikan",
        "Dinas Kesehatan",
    }


def test_it_updates_by_nip_and_never_duplicates_on_reimport(tmp_path, jember):
    import_roster_file(valid_csv(tmp_path), region=jember, actor=None)
    changed = [VALID_ROWS[0].replace("Kepala Bidang", "Sekretaris Dinas")] + VALID_ROWS[1:]
    result = import_roster_file(
        valid_csv(tmp_path, changed, "second.csv"), region=jember, actor=None
    )
    assert (result.created, result.updated, result.unchanged) == (0, 1, 3)
    assert Employee.objects.count() == 4
    assert Employee.objects.get(nip="198501012010011001").position == "Sekretaris Dinas"


def test_it_reads_semicolon_separated_files_with_a_bom_and_other_header_spellings(tmp_path, jember):
    text = (
        "\ufeffNIP Baru;NAMA LENGKAP;Status Kepegawaian;OPD\r\n"
        "198501012010011001;Ahmad Fauzi;PNS;Dinas Pendidikan\r\n"
    )
    path = tmp_path / "excel.csv"
    path.write_bytes(text.encode("utf-8"))
    result = import_roster_file(path, region=jember, actor=None)
    assert result.imported == 1
    assert Employee.objects.get().agency.name == "Dinas Pendidikan"


def test_it_reads_utf16_files(tmp_path, jember):
    path = tmp_path / "utf16.csv"
    path.write_bytes(
        "NIP\tNama\tUnit Kerja\n198501012010011001\tAhmad Fauzi\tDinas Pendidikan\n".encode(
            "utf-16"
        )
    )
    assert import_roster_file(path, region=jember, actor=None).imported == 1


def test_it_imports_xlsx_and_refuses_nips_that_excel_stored_as_numbers(tmp_path, jember):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["NIP", "Nama", "Jenis Pegawai", "Unit Kerja"])
    sheet.append(["199003152015032002", "Siti Aminah", "PNS", "Dinas Kesehatan"])
    sheet.append([198501012010011001, "Ahmad Fauzi", "PNS", "Dinas Kesehatan"])
    path = tmp_path / "roster.xlsx"
    book.save(path)
    result = import_roster_file(path, region=jember, actor=None, skip_invalid=True)
    assert result.imported == 1
    assert Employee.objects.filter(nip="199003152015032002").exists()
    assert [(e.row, e.code) for e in result.errors] == [(3, "nip_excel_number")]


def test_it_writes_an_audit_entry(tmp_path, jember):
    from netra.audit.models import AuditEntry

    import_roster_file(valid_csv(tmp_path), region=jember, actor=None)
    entry = AuditEntry.objects.get(action="roster.imported")
    assert entry.region_code == "35.09"
    assert entry.data["imported"] == 4
