"""XLSX roster reading: openpyxl (read-only, values only, what netra/lib/tables.py uses) against
python-calamine, over the same synthetic roster saved as XLSX.

    python bench/xlsx_reading.py [--rows 200000]

Prints the rows/s of each reader and the time a 150 MB roster would take at that rate (a 150 MB
roster CSV of bench/synthetic.py holds about ROWS_PER_150_MB rows). Reading only: no checking,
no writing. python-calamine is not a dependency of Netra; install it to compare.

Measured here (2 shared cores, 100,000 rows: 9.0 MB as CSV, 3.9 MB as XLSX; a 150 MB CSV of
the same rows holds 1.66 million): openpyxl 4,100-5,700 rows/s at 36 MB peak RSS, flat, since
it streams (a 150 MB roster about 5-7 minutes); python-calamine 0.9.1 72,000-83,000 rows/s
(about 23 s) but 83 MB peak RSS, as it loads the whole sheet (about 1 GB for 1.66 million
rows). openpyxl stays: calamine would need that memory in the worker and drops leading empty
rows and columns (sheet.start), which moves row numbers in error reports; revisit with a
streaming reader.
"""

import argparse
import csv
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
sys.path.insert(0, str(HERE))


def make_files(rows):
    from openpyxl import Workbook
    from synthetic import HEADER, roster_rows

    OUT.mkdir(exist_ok=True)
    csv_path, xlsx_path = OUT / f"roster-{rows}.csv", OUT / f"roster-{rows}.xlsx"
    if not csv_path.exists():
        with csv_path.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            writer.writerow(HEADER)
            writer.writerows(roster_rows(rows))
    if not xlsx_path.exists():
        book = Workbook(write_only=True)
        sheet = book.create_sheet()
        with csv_path.open(newline="", encoding="utf-8") as fh:
            for row in csv.reader(fh):
                sheet.append(row)
        book.save(xlsx_path)
    return csv_path, xlsx_path


def read_openpyxl(path):
    from netra.lib import tables

    table = tables.open_table(path)
    return 1 + sum(1 for _row in table.rows)


def read_calamine(path):
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    sheet = book.get_sheet_by_index(0)
    count = 0
    for row in sheet.iter_rows():
        [str(v) for v in row]
        count += 1
    return count


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=200_000)
    args = parser.parse_args()
    csv_path, xlsx_path = make_files(args.rows)
    rows_per_150_mb = args.rows * 150 * 2**20 / csv_path.stat().st_size
    print(
        f"{args.rows:,} rows: CSV {csv_path.stat().st_size / 2**20:.1f} MB, "
        f"XLSX {xlsx_path.stat().st_size / 2**20:.1f} MB; a 150 MB CSV holds "
        f"{rows_per_150_mb:,.0f} rows"
    )
    readers = [("openpyxl (read-only)", read_openpyxl)]
    try:
        import python_calamine  # noqa: F401 - only to know whether it is there

        readers.append(("python-calamine", read_calamine))
    except ImportError:
        print("python-calamine is not installed: only openpyxl measured")
    for name, reader in readers:
        start = time.perf_counter()
        count = reader(xlsx_path)
        seconds = time.perf_counter() - start
        print(
            f"{name}: {count:,} rows in {seconds:.1f} s = {count / seconds:,.0f} rows/s; "
            f"150 MB roster about {rows_per_150_mb / (count / seconds):.0f} s"
        )


if __name__ == "__main__":
    main()
