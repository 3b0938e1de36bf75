"""On PostgreSQL the import checks rows in SQL and sends only the rows it cannot pass to the
Python row checks; the outcome must be what those checks alone give, row for row: the same
errors (row, column, code, value) and the same values written. On SQLite both are one path."""

import csv
import io

import pytest

from netra.people.actions import district_maps, import_roster_file
from netra.people.importer import check_file
from netra.people.models import Employee

HEADER = [
    "NIP",
    "Nama",
    "Jenis Pegawai",
    "Jabatan",
    "Jenis Jabatan",
    "Unit Kerja",
    "Kode OPD",
    "Kecamatan",
    "Email",
    "Aktif",
]
LONG = "x" * 300


def row(nip="", name="Ahmad Fauzi", kind="PNS", agency="Dinas Pendidikan", **cells):
    return [
        nip,
        name,
        kind,
        cells.get("position", "Staf"),
        cells.get("position_class", "Pelaksana"),
        agency,
        cells.get("code", ""),
        cells.get("district", ""),
        cells.get("email", ""),
        cells.get("active", "Ya"),
    ]


ODD_ROWS = [
    row("198501012010011001"),
    row("19850101 201001 1 002", "Siti  Aminah"),
    row("19850101.201001.1.003"),
    row("19850101\u00a0201001 1 004"),
    row("19850101\u2013201001\u20131\u2013005"),
    row("19850101201001100"),
    row("1985010120100110a6"),
    row(
        "\u0661\u0669\u0668\u0665\u0660\u0661\u0660\u0661\u0662\u0660\u0661\u0660\u0660\u0661\u0661\u0660\u0660\u0667"
    ),
    row("198502302010011008"),
    row("198402292010011009"),
    row("200002292020011010"),
    row("193901012010011011"),
    row("198501012010131012"),
    row("198501012010001013"),
    row("198501012021212014", kind="PPPK"),
    row("199001012005212015", kind="PPPK"),
    row("198501012099011016"),
    row("198501012000011017"),
    row("198501012010013018"),
    row("198501012010011000"),
    row("199001012021212019", kind="PNS"),
    row("199001012021212020", kind=""),
    row("199001012021212021", kind="  "),
    row("198501012010011022", kind="CPNS"),
    row("", kind="Non ASN", name="Wahyu Hidayat"),
    row("", kind="PNS"),
    row("   ", kind="PNS"),
    row(" . ", kind="Honorer", name="Titik Saja"),
    row("198501012010011001", name=""),
    row("198501012010011001"),
    row("198501012010011030", email="bukan"),
    row("198501012010011030"),
    row("19850101 201001 1 030"),
    row("198501012010011033", kind=" pns "),
    row("198501012010011034", kind="Pegawai Negeri Sipil"),
    row("198501012021212035", kind="P3K"),
    row("198501012010011036", kind="PNS\u00a0"),
    row("198501012010011037", kind="Honorer Daerah"),
    row("", kind="Kepala Desa", name="Pak Kades"),
    row("198501012010011039", position_class="JF"),
    row("198501012010011040", position_class="eselon iii"),
    row("198501012010011041", position_class="  "),
    row("198501012010011042", position_class="Eselon Lima"),
    row("198501012010011043", district="Ajung"),
    row("198501012010011044", district=" ajung "),
    row("198501012010011045", district="AJUNG"),
    row("198501012010011046", district="Atlantis"),
    row("198501012010011047", district="Aj\u00fcng"),
    row("198501012010011048", email="a@b.co"),
    row("198501012010011049", email=" a@b.co "),
    row("198501012010011050", email="a@b"),
    row("198501012010011051", email="a b@c.de"),
    row("198501012010011052", email="a@@b.co"),
    row("198501012010011053", email="a@" + "b" * 250 + ".co"),
    row("198501012010011054", email="\u00e4@b.co"),
    row("198501012010011055", email="a@b.co\u00a0"),
    row("198501012010011056", active="tidak"),
    row("198501012010011057", active=" YA "),
    row("198501012010011058", active="mungkin"),
    row("198501012010011059", active=""),
    row("198501012010011060", active="Non-Aktif"),
    row("198501012010011061", agency=""),
    row("198501012010011062", agency=LONG),
    row("198501012010011063", agency="  Dinas   Pendidikan "),
    row("198501012010011064", agency="Dinas Sosial", code=" K01 "),
    row("198501012010011065", agency="Dinas Sosial", code="K02"),
    row("198501012010011066", agency="Dinas Pertanian", code="Kode\u00a0X"),
    row("198501012010011067", name=LONG),
    row("198501012010011068", name="  Drs.  S\u00efti   Aminah, M.Si "),
    row("198501012010011069", position=LONG),
    row("198501012010011070", position="  Kepala \t Seksi "),
    [""] * 10,
    row("198501012010011072") + ["kolom lebih"],
    ["198501012010011073", "Pendek Saja", "PNS", "Staf", "", "Dinas Kesehatan"],
    row("198501012010011074", kind="village_head"),
]


@pytest.fixture
def odd_file(tmp_path):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    writer.writerows(ODD_ROWS)
    path = tmp_path / "odd.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def as_tuples(errors):
    return [(e.row, e.column, e.code, e.value, e.params) for e in errors]


def test_every_odd_row_gets_the_errors_the_row_checks_give(odd_file, region):
    jember = region("35.09")
    expected = check_file(odd_file, district_codes=district_maps(jember)[0])
    result = import_roster_file(odd_file, region=jember, actor=None)
    assert result.rejected
    assert as_tuples(result.errors) == as_tuples(expected.errors)
    assert (result.invalid, result.total_rows) == (expected.error_count, expected.total_rows)
    assert Employee.objects.count() == 0


def test_the_valid_odd_rows_are_written_as_the_row_checks_read_them(odd_file, region):
    jember = region("35.09")
    lookup, district_ids = district_maps(jember)
    expected = check_file(odd_file, district_codes=lookup)
    result = import_roster_file(odd_file, region=jember, actor=None, skip_invalid=True)
    assert result.imported == len(expected.rows) == Employee.objects.count()
    written = {
        (e.nip or e.name): (
            e.nip,
            e.name,
            e.name_key,
            e.name_phonetic,
            e.employment_type,
            e.position,
            e.position_class,
            e.agency.name_key,
            e.district_id,
            e.email,
            e.active,
        )
        for e in Employee.objects.select_related("agency")
    }
    assert written == {
        (r.nip or r.name): (
            r.nip,
            r.name,
            r.name_key,
            r.name_phonetic,
            r.employment_type,
            r.position,
            r.position_class,
            r.agency_key,
            district_ids.get(r.district_code),
            r.email,
            r.active,
        )
        for r in expected.rows
    }
    codes = {a.name_key: a.code for a in jember.agencies.all()}
    assert codes == {key: code for key, (_name, code) in expected.agencies.items()}
