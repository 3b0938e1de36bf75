"""The CSV, the XLSX and the JSON file hold the API's rows, field for field: a shown count as a
plain number, a suppressed one as the page writes it ("<5" or "x"; null in JSON), nothing for
a region outside the election. Built on an election with small counts, so that every kind of
cell is compared."""

import csv
import io
import json

import pytest
from django.urls import path
from openpyxl import load_workbook

import netra.urls
from netra.cases import actions
from netra.insights import exports, refresh
from netra.insights.public import public_table
from netra.regions.models import Election, Region

urlpatterns = [
    path("statistik/unduh/<str:fmt>/", exports.download, name="open_data"),
    *netra.urls.urlpatterns,
]
pytestmark = pytest.mark.urls(__name__)

COLUMNS = [
    "code",
    "name",
    "in_election",
    "reports",
    "registered",
    "violations",
    "forwarded",
    "recommended",
    "followed_up",
    "sanctioned",
    "median_days_to_decree",
]


def _findings(officer, code, count):
    election = Election.objects.get(code="pilkada-2020")
    region = Region.objects.get(code=code)
    return [
        actions.open_finding(officer, election=election, region=region, summary=f"Temuan {i}")
        for i in range(count)
    ]


def _download(client, fmt, level):
    response = client.get(
        f"/statistik/unduh/{fmt}/", {"pemilihan": "pilkada-2020", "tingkat": level}
    )
    assert response.status_code == 200
    return response.content


def test_every_file_holds_the_api_rows_with_suppressed_cells_as_the_page_shows_them(
    client, charlie, make_user, alice, walk_case
):
    for case in _findings(charlie, "15.71", 7)[:2]:
        walk_case(case, "registered", officer=charlie)
    _findings(make_user("yusuf", "bawaslu_province", ["15"]), "15", 1)
    _findings(alice, "35.09", 3)  # Jawa Timur takes no part in this election's list
    refresh.refresh_all()
    table = public_table(Election.objects.get(code="pilkada-2020"))

    seen = set()
    for level in ("province", "regency"):
        api = client.get("/api/v1/statistics", {"election": "pilkada-2020", "level": level})
        api = api.json()
        document = json.loads(_download(client, "json", level))
        assert {k: v for k, v in document.items() if k != "meta"} == api

        sheet = load_workbook(io.BytesIO(_download(client, "xlsx", level)))["Data"]
        xlsx = [[cell.value for cell in row] for row in sheet.iter_rows()]
        text = _download(client, "csv", level).decode("utf-8")
        lines = list(csv.reader(io.StringIO(text)))
        assert lines[0] == xlsx[0] == COLUMNS
        assert len(lines) - 1 == len(xlsx) - 1 == len(api["rows"])

        for row, line, cells in zip(api["rows"], lines[1:], xlsx[1:], strict=True):
            assert line[:3] == [row["code"], row["name"], str(row["in_election"]).lower()]
            assert cells[:3] == [row["code"], row["name"], row["in_election"]]
            for name, text_value, xlsx_value in zip(COLUMNS[3:], line[3:], cells[3:], strict=True):
                value = row[name]
                if value is not None:
                    kind = "shown"
                    assert text_value == str(value) and xlsx_value == value
                elif name in row["suppressed"]:
                    public = table.row(row["code"])
                    kind = public.cells.get(name, public.median_days_to_decree).text
                    assert kind in ("<5", "x")
                    assert text_value == xlsx_value == kind
                else:
                    kind = "none"
                    assert text_value == "" and xlsx_value is None
                seen.add((kind, row["in_election"]))
    assert seen >= {("shown", True), ("<5", True), ("x", True), ("none", False)}
