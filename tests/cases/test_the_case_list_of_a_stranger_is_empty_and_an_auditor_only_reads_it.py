"""An officer of another region gets an empty case list and an empty export (whatever the
filters name); an auditor gets the list and its export but nothing on it that changes a case."""

import csv
import io

from netra.cases import actions
from netra.cases.models import Respondent
from netra.regions.models import Election


def test_the_stranger_sees_and_exports_nothing(client_for, alice, charlie, region):
    election = Election.objects.get(code="pilkada-2024")
    case = actions.open_finding(alice, election=election, region=region("35.09"), summary="Baliho")
    Respondent.objects.create(case=case, name="Ahmad Fauzi", nip="198501012010011001")
    client = client_for(charlie)
    for query in ({}, {"q": "Fauzi"}, {"q": "198501012010011001"}, {"region": "35.09"}):
        response = client.get("/kasus/", query)
        assert response.status_code == 200
        assert list(response.context["cases"]) == []
        assert "Ahmad Fauzi" not in response.content.decode()
    response = client.get("/kasus/", {"region": "35.09", "format": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert len(rows) == 1  # the header only
    response = client.get(f"/kasus/{case.pk}/")
    assert response.status_code == 404


def test_the_auditor_reads_the_list_and_may_export_but_changes_nothing(
    client_for, alice, make_user, region
):
    election = Election.objects.get(code="pilkada-2024")
    case = actions.open_finding(alice, election=election, region=region("35.09"), summary="Baliho")
    auditor = make_user("audra", "auditor", ["35.09"])
    client = client_for(auditor)
    page = client.get("/kasus/")
    assert page.status_code == 200
    assert [c.pk for c in page.context["cases"]] == [case.pk]
    html = page.content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    assert "/kasus/temuan/" not in main  # no "record a finding"
    assert 'method="post"' not in main.lower()  # no form that changes anything
    assert client.get("/kasus/", {"format": "xlsx"}).status_code == 200
