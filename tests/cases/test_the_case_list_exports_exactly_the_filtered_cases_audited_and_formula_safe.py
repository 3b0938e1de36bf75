"""?format=csv and ?format=xlsx export exactly the listed cases (same filters, scope and
order), with the reported persons but never the reporter; a name that a spreadsheet would run
as a formula comes out as text; each export writes one audit entry; exports are never cached."""

import csv
import io

from openpyxl import load_workbook

from netra.audit.models import AuditEntry
from netra.cases import actions
from netra.cases.models import Case, Respondent
from netra.regions.models import Election

FORMULA = '=HYPERLINK("http://contoh.id/x","klik")'


def a_case(officer, region, person, number):
    election = Election.objects.get(code="pilkada-2024")
    case = actions.open_finding(officer, election=election, region=region, summary="Temuan")
    Respondent.objects.create(case=case, name=person, nip="198501012010011001", agency="Dinas")
    Case.objects.filter(pk=case.pk).update(number=number)
    return case


def test_csv_and_xlsx_hold_the_filtered_rows_and_each_export_is_audited(client_for, alice, region):
    jember = region("35.09")
    a_case(alice, jember, FORMULA, "001/Reg/2024")
    a_case(alice, jember, "Sri Rahayu", "002/Reg/2024")
    a_case(alice, jember, "Budi Santoso", "003/Reg/2024")
    client = client_for(alice)
    query = {"q": "Dinas", "urut": "-nomor"}
    listed = [str(c) for c in client.get("/kasus/", query).context["cases"]]
    assert listed == ["003/Reg/2024", "002/Reg/2024", "001/Reg/2024"]

    before = AuditEntry.objects.filter(action="cases.list_exported").count()
    response = client.get("/kasus/", {**query, "format": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith("attachment")
    assert "no-store" in response["Cache-Control"]
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][0] == "Nomor register" and "Terlapor" in rows[0]
    assert [r[0] for r in rows[1:]] == listed
    person = rows[0].index("Terlapor")
    assert rows[3][person] == "'" + FORMULA  # formula-safe: a leading apostrophe
    assert rows[1][rows[0].index("NIP terlapor")] == "198501012010011001"

    response = client.get(
        "/kasus/", {**query, "format": "xlsx", "state": "received", "region": "35.09"}
    )
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    sheet = [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]
    assert [r[0] for r in sheet[1:]] == listed
    assert sheet[3][person] == "'" + FORMULA

    entries = AuditEntry.objects.filter(action="cases.list_exported").order_by("seq")
    assert entries.count() == before + 2
    last = entries.last()
    assert last.actor_label == "alice"
    assert last.data["rows"] == 3 and last.data["format"] == "xlsx"
    assert last.data["filters"] == {
        "q": "Dinas",
        "urut": "-nomor",
        "state": "received",
        "region": "35.09",
    }


def test_a_narrower_filter_exports_fewer_rows(client_for, alice, region):
    jember = region("35.09")
    a_case(alice, jember, "Sri Rahayu", "001/Reg/2024")
    a_case(alice, jember, "Budi Santoso", "002/Reg/2024")
    response = client_for(alice).get("/kasus/", {"q": "Rahayu", "format": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert [r[0] for r in rows[1:]] == ["001/Reg/2024"]


def test_an_export_past_the_cap_is_refused_with_a_message(client_for, alice, region, monkeypatch):
    from netra.common import listing

    a_case(alice, region("35.09"), "Sri Rahayu", "001/Reg/2024")
    a_case(alice, region("35.09"), "Budi", "002/Reg/2024")
    monkeypatch.setattr(listing, "EXPORT_LIMIT", 1)
    response = client_for(alice).get("/kasus/", {"format": "xlsx"})
    assert response.status_code == 200
    assert "Content-Disposition" not in response
    assert "Ekspor memuat paling banyak 1 baris" in response.content.decode()
    assert not AuditEntry.objects.filter(action="cases.list_exported").exists()
