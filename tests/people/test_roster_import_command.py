from netra.cli import main
from netra.people.models import Employee

from .roster_files import HEADER, VALID_ROWS, write


def run(monkeypatch, tmp_path, *args):
    monkeypatch.setenv("NETRA_DATA_DIR", str(tmp_path / "var"))
    return main(["roster", "import", *map(str, args)])


def test_the_command_imports_a_file_and_reports_the_counts(
    monkeypatch, tmp_path, reference, capsys
):
    path = write(tmp_path, HEADER + "".join(VALID_ROWS))
    assert run(monkeypatch, tmp_path, path, "--region", "35.09") == 0
    assert "4 baris diimpor (4 baru" in capsys.readouterr().out
    assert Employee.objects.count() == 4


def test_the_command_writes_an_error_report_and_imports_nothing(
    monkeypatch, tmp_path, reference, capsys
):
    bad = "198513012010011001,Nama Salah,PNS,Staf,Pelaksana,Dinas Pendidikan,,,\n"
    path = write(tmp_path, HEADER + VALID_ROWS[0] + bad)
    report = tmp_path / "errors.csv"
    assert run(monkeypatch, tmp_path, path, "--region", "35.09", "--errors", report) == 2
    out = capsys.readouterr().out
    assert "Tidak ada yang diimpor" in out
    assert "3,NIP,198513012010011001,Tanggal lahir" in report.read_text(encoding="utf-8-sig")
    assert Employee.objects.count() == 0


def test_the_command_explains_an_unknown_region_in_one_line(
    monkeypatch, tmp_path, reference, capsys
):
    path = write(tmp_path, HEADER + "".join(VALID_ROWS))
    assert run(monkeypatch, tmp_path, path, "--region", "99.99") == 1
    assert capsys.readouterr().err.strip() == "netra: kode wilayah '99.99' tidak dikenal."


def test_the_command_explains_a_bad_file_in_one_line(monkeypatch, tmp_path, reference, capsys):
    path = write(tmp_path, "")
    assert run(monkeypatch, tmp_path, path, "--region", "35.09") == 1
    assert capsys.readouterr().err.strip() == "netra: Berkas kosong."
