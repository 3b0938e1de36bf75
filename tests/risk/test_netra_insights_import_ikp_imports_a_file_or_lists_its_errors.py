"""`netra insights import-ikp FILE --election CODE --source TEXT` imports the index whole, or
lists every bad row in Indonesian and exits 2; an unknown election exits 1 and names the
known ones."""

import pytest
from django.core.management import call_command

from netra.risk.models import IkpRelease

from .ikp_files import csv_bytes


def _run(*args):
    with pytest.raises(SystemExit) as exited:
        call_command("insights_import_ikp", *args)
    return exited.value.code


def test_it_imports_the_file_and_says_how_many_regions(reference, tmp_path, capsys):
    path = tmp_path / "ikp.csv"
    path.write_bytes(csv_bytes([["15", "Jambi", "61", "tinggi"], ["15.71", "", "72", "tinggi"]]))
    call_command(
        "insights_import_ikp", str(path), "--election", "pilkada-2020", "--source", "Bawaslu RI"
    )
    assert "2 wilayah diimpor" in capsys.readouterr().out
    release = IkpRelease.objects.get()
    assert release.imported_by is None and release.file_name == "ikp.csv"


def test_it_lists_each_bad_row_and_imports_nothing(reference, tmp_path, capsys):
    path = tmp_path / "ikp.csv"
    path.write_bytes(csv_bytes([["15", "", "61", "tinggi"], ["15", "", "200", "parah"]]))
    code = _run(str(path), "--election", "pilkada-2020", "--source", "Bawaslu RI")
    err = capsys.readouterr().err
    assert code == 2 and not IkpRelease.objects.exists()
    assert "baris 3, kolom kode_wilayah" in err and "baris 3, kolom skor" in err
    assert "baris 3, kolom kategori" in err


def test_an_unknown_election_or_a_missing_file_is_refused_with_a_reason(
    reference, tmp_path, capsys
):
    assert _run(str(tmp_path / "x.csv"), "--election", "pilkada-1999", "--source", "B") == 1
    assert "pilkada-2024" in capsys.readouterr().err
    assert _run(str(tmp_path / "x.csv"), "--election", "pilkada-2024", "--source", "B") == 1
    assert "tidak dapat dibaca" in capsys.readouterr().err
