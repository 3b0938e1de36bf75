"""A name a spreadsheet would run as a formula (= + - @) is written with a leading
apostrophe in the CSV and the XLSX file, through netra.lib.tables; the JSON keeps it as it is.
No region is named so today; a name read from the reference data tomorrow might be."""

import csv
import io
import json

import pytest
from django.urls import path
from openpyxl import load_workbook

import netra.urls
from netra.insights import exports, refresh
from netra.regions.models import Region

urlpatterns = [
    path("statistik/unduh/<str:fmt>/", exports.download, name="open_data"),
    *netra.urls.urlpatterns,
]
pytestmark = pytest.mark.urls(__name__)
FORMULA = '=HYPERLINK("http://example.invalid/","Jember")'


def test_a_name_that_starts_like_a_formula_gets_an_apostrophe(client, reference):
    Region.objects.filter(code="35.09").update(name=FORMULA)
    Region.objects.filter(code="35.10").update(name="+62 Banyuwangi")
    Region.objects.filter(code="35.11").update(name="@Bondowoso")
    Region.objects.filter(code="35.12").update(name="-Situbondo")
    refresh.refresh_all()
    query = {"pemilihan": "pilkada-2024", "tingkat": "regency"}
    expected = {
        "35.09": "'" + FORMULA,
        "35.10": "'+62 Banyuwangi",
        "35.11": "'@Bondowoso",
        "35.12": "'-Situbondo",
    }

    text = client.get("/statistik/unduh/csv/", query).content.decode("utf-8")
    names = {line[0]: line[1] for line in csv.reader(io.StringIO(text))}
    assert {code: names[code] for code in expected} == expected

    book = load_workbook(io.BytesIO(client.get("/statistik/unduh/xlsx/", query).content))
    names = {row[0]: row[1] for row in book["Data"].iter_rows(values_only=True)}
    assert {code: names[code] for code in expected} == expected

    rows = json.loads(client.get("/statistik/unduh/json/", query).content)["rows"]
    assert next(r for r in rows if r["code"] == "35.09")["name"] == FORMULA
