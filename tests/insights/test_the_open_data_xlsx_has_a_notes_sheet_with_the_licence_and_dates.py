"""The XLSX file's second sheet, "Keterangan", says what the file is: the election, the level,
the licence (CC BY 4.0), the source, that the codes are Kemendagri's, what "<5" and "x" mean,
when the file was made and how fresh its figures are. The JSON file says the same in "meta";
the CSV holds the header and the rows only."""

import csv
import io
import json
from datetime import datetime

import pytest
from django.urls import path
from django.utils import timezone
from openpyxl import load_workbook

import netra.urls
from netra.insights import exports, refresh
from netra.insights.models import RefreshMark

urlpatterns = [
    path("statistik/unduh/<str:fmt>/", exports.download, name="open_data"),
    *netra.urls.urlpatterns,
]
pytestmark = pytest.mark.urls(__name__)
QUERY = {"pemilihan": "pilkada-2024", "tingkat": "regency"}


def _as_of():
    return timezone.localtime(RefreshMark.objects.get().refreshed_at).isoformat(timespec="seconds")


def test_the_notes_sheet_has_the_licence_the_source_and_both_dates(client, reference):
    refresh.refresh_all()
    before = timezone.now().replace(microsecond=0)
    response = client.get("/statistik/unduh/xlsx/", QUERY)
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Data", "Keterangan"]
    notes = dict(book["Keterangan"].iter_rows(values_only=True))
    values = list(notes.values())
    assert "CC BY 4.0" in values
    assert "https://creativecommons.org/licenses/by/4.0/deed.id" in values
    assert "pilkada-2024" in values and "Pemilihan Serentak 2024" in values
    assert _as_of() in values
    generated = [v for v in values if isinstance(v, str) and v[:4].isdigit() and "T" in v]
    assert any(before <= datetime.fromisoformat(v) <= timezone.now() for v in generated)
    assert any("Kemendagri" in str(v) for v in values)
    assert any("Bawaslu" in str(v) for v in values)
    assert any("<5" in str(v) and "x" in str(v) for v in values)


def test_the_json_file_says_the_same_in_meta_and_the_csv_is_only_the_table(client, reference):
    refresh.refresh_all()
    meta = json.loads(client.get("/statistik/unduh/json/", QUERY).content)["meta"]
    assert meta["licence"] == "CC BY 4.0" and meta["election"] == "pilkada-2024"
    assert meta["level"] == "regency" and meta["as_of"] == _as_of()
    assert datetime.fromisoformat(meta["generated_at"]) <= timezone.now()
    assert "Kemendagri" in meta["region_codes"] and "Bawaslu" in meta["source"]

    text = client.get("/statistik/unduh/csv/", QUERY).content.decode("utf-8")
    lines = list(csv.reader(io.StringIO(text)))
    assert lines[0][0] == "code" and len(lines) == 1 + 514
    assert all(len(line) == len(lines[0]) for line in lines)
