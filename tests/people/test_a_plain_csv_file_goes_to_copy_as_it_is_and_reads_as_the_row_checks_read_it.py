"""PostgreSQL: a CSV file that COPY reads as Python's csv module does (quotes only around whole
cells, no blank line, every row as wide as the header) goes to COPY as it is; any other file is
read by Python. Either way the outcome is the row checks' own, row for row."""

import csv
import io

import pytest
from django.db import connection

from netra.people import staged
from netra.people.actions import district_maps, import_roster_file
from netra.people.importer import check_file
from netra.people.models import Employee

from .test_the_import_reports_what_the_row_checks_report_for_every_odd_row import (
    HEADER,
    ODD_ROWS,
)

# The odd rows but those that make a file unplain: a blank row and rows of another width.
PLAIN_ROWS = [r for r in ODD_ROWS if len(r) == len(HEADER) and "".join(r).strip()]
GOOD = "198501012010011090,Budi Santoso,PNS,Staf,Pelaksana,Dinas Sosial,,,,Ya"


@pytest.fixture
def reader(monkeypatch):
    """Which reader took the file: "copy" or "python"."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite reads every file in Python")
    used = []
    real_plain, real_python = staged._stream_plain, staged._stream

    def plain(*args, **kwargs):
        streamed = real_plain(*args, **kwargs)
        used.append("copy" if streamed is not None else "python")
        return streamed

    def python(*args, **kwargs):
        assert used[-1] == "python"
        return real_python(*args, **kwargs)

    monkeypatch.setattr(staged, "_stream_plain", plain)
    monkeypatch.setattr(staged, "_stream", python)
    return used


def as_tuples(errors):
    return [(e.row, e.column, e.code, e.value, e.params) for e in errors]


def written():
    return {
        (e.nip or e.name): (e.nip, e.name, e.name_key, e.name_phonetic, e.employment_type)
        + (e.position, e.position_class, e.agency.name_key, e.district_id, e.email, e.active)
        for e in Employee.objects.select_related("agency")
    }


def expected_rows(checked, district_ids):
    return {
        (r.nip or r.name): (r.nip, r.name, r.name_key, r.name_phonetic, r.employment_type)
        + (r.position, r.position_class, r.agency_key, district_ids.get(r.district_code))
        + (r.email, r.active)
        for r in checked.rows
    }


def same_as_the_row_checks(path, jember):
    lookup, district_ids = district_maps(jember)
    expected = check_file(path, district_codes=lookup)
    refused = import_roster_file(path, region=jember, actor=None)
    assert refused.rejected == bool(expected.error_count)
    assert as_tuples(refused.errors) == as_tuples(expected.errors)
    assert (refused.invalid, refused.total_rows) == (expected.error_count, expected.total_rows)
    result = import_roster_file(path, region=jember, actor=None, skip_invalid=True)
    assert result.imported == len(expected.rows)
    assert written() == expected_rows(expected, district_ids)


@pytest.mark.parametrize("line_end", ["\r\n", "\n"])
def test_a_plain_file_of_odd_cells_goes_to_copy_and_gives_the_row_checks_outcome(
    reader, tmp_path, region, line_end
):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=line_end)
    writer.writerow(HEADER)
    writer.writerows(PLAIN_ROWS)
    path = tmp_path / "plain.csv"
    path.write_bytes(b"\xef\xbb\xbf" + out.getvalue().encode())
    same_as_the_row_checks(path, region("35.09"))
    assert reader == ["copy", "copy"]


@pytest.mark.parametrize(
    "odd",
    [
        'Budi "Ucok" Santoso',  # a quote inside an unquoted cell
        ' "Budi Santoso"',  # a space before the opening quote
        '"Budi" Santoso',  # text after the closing quote
        '"Budi\nSantoso"',  # a line break inside a quoted cell
        "Budi\rSantoso",  # a bare carriage return
        "Budi Santoso\n",  # a blank line after the row
        "Budi Santoso\n\\.",  # COPY's end-of-data marker
        "Budi Santoso,Lebih",  # a row wider than the header
    ],
)
def test_a_file_copy_would_read_otherwise_is_read_by_python(reader, tmp_path, region, odd):
    rows = [GOOD, GOOD.replace("090", "091").replace("Budi Santoso", odd)]
    path = tmp_path / "odd.csv"
    path.write_bytes((",".join(HEADER) + "\n" + "\n".join(rows) + "\n").encode())
    same_as_the_row_checks(path, region("35.09"))
    assert reader == ["python", "python"]
