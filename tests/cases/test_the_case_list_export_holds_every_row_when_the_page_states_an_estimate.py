"""A case list whose page states an estimate (or would, on PostgreSQL) still exports exactly
its rows: the export is never estimated."""

import csv
import io

from openpyxl import load_workbook

from netra.common import listing


def test_csv_and_xlsx_hold_exactly_the_listed_cases(
    client_for, alice, monkeypatch, jember_findings, short_pages
):
    made = jember_findings(7)
    monkeypatch.setattr(listing, "planner_estimate", lambda queryset: 1_000)
    listed = sorted((c.refresh_from_db() or c.number) or f"#{c.pk}" for c in made)
    client = client_for(alice)
    response = client.get("/kasus/", {"format": "csv"})
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))[1:]
    assert sorted(r[0] for r in rows) == listed
    response = client.get("/kasus/", {"format": "xlsx"})
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    sheet = list(book.worksheets[0].iter_rows(values_only=True))[1:]
    assert sorted(r[0] for r in sheet) == listed
