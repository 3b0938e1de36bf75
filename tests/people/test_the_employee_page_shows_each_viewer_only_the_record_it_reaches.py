"""An employee's page (/pegawai/<id>/) shows the cases naming them, BKN's recommendations, the
PPK's decrees, the outreach they attended and their pledges: each only as far as the viewer
reaches it, as on the case and prevention pages, and never who reported them."""

import pytest
from django.urls import reverse
from django.utils import timezone

from netra.cases import actions
from netra.cases.models import Respondent
from netra.prevention import actions as prevention
from netra.prevention.models import Attendance, Pledge
from netra.regions.models import Election

from ..case_walk import walk
from ..reports.helpers import REPORTER_NAME, file_report
from ..sanctions_helpers import impose

NIP = "198501012010011001"  # the NIP the test report names (tests/reports/helpers.py)


def finding(officer, region, summary="Temuan patroli siber."):
    election = Election.objects.get(code="pilkada-2024")
    return actions.open_finding(officer, election=election, region=region, summary=summary)


def event(officer, region, title, day):
    return prevention.add_event(
        officer,
        region=region,
        title=title,
        kind="outreach",
        mode="in_person",
        organiser="BKPSDM",
        audience=["asn"],
        starts_at=timezone.make_aware(timezone.datetime(2024, 10, day, 9, 0)),
    )


@pytest.fixture
def record(client, alice, charlie, gita, hadi, fajar, make_user, employee_factory, region):
    """Ahmad Fauzi of Jember is named on:
    - `decided`: the reported case, linked by NIP only, recommended and decided by the PPK;
    - `open`: a finding of Jember, linked to the roster, still in its initial study;
    - `jambi`: a finding of Kota Jambi, linked to the roster.
    He attended a Jember outreach and a Jambi one, and pledged online."""
    ahmad = employee_factory("Ahmad Fauzi", NIP)
    file_report(client)
    from netra.reports.models import Submission

    decided = actions.open_case_from_submission(alice, Submission.objects.get())
    decided.respondents.update(employee=None)  # as if he was not on the roster yet
    decided = walk(decided, "recommended", officer=alice, bkn=gita)
    decided = impose(hadi, decided, timezone.localdate())
    opened = finding(alice, region("35.09"))
    actions.add_respondent(alice, opened, version=opened.version, employee=ahmad)
    jambi = finding(charlie, region("15.71"))
    actions.add_respondent(charlie, jambi, version=jambi.version, employee=ahmad)
    jember_event = event(fajar, region("35.09"), "Sosialisasi Jember", 5)
    jambi_event = event(
        make_user("bkd_jambi", "bkpsdm", ["15.71"]), region("15.71"), "Apel Jambi", 6
    )
    for e in (jember_event, jambi_event):
        Attendance.objects.create(event=e, name=ahmad.name, status="matched", employee=ahmad)
    Pledge.objects.create(employee=ahmad, method="online", reference="IKR-TEST-1")
    return {"employee": ahmad, "decided": decided, "open": opened, "jambi": jambi}


def page_for(client_for, user, employee):
    response = client_for(user).get(reverse("people:employee", args=[employee.pk]))
    assert response.status_code == 200
    return response


def cases_of(response):
    return {c.pk for c in response.context["record"]["cases"].rows}


def test_an_officer_of_the_region_sees_her_cases_and_the_record(client_for, alice, record):
    response = page_for(client_for, alice, record["employee"])
    sections = response.context["record"]
    assert cases_of(response) == {record["decided"].pk, record["open"].pk}
    assert sections["cases"].total == 2
    assert sections["recommendations"].total == 1
    assert sections["decrees"].total == 1
    assert [a.event.title for a in sections["attendance"].rows] == ["Sosialisasi Jember"]
    assert [p.reference for p in sections["pledges"].rows] == ["IKR-TEST-1"]
    page = response.content.decode()
    assert "Kasus yang menyebut pegawai ini" in page
    assert f'href="/kasus/{record["decided"].pk}/"' in page
    assert "NIP sama, belum ditautkan ke daftar pegawai" in page  # the case linked by NIP only
    assert "800/5/35.09/2024" in page  # the PPK's decree number
    assert REPORTER_NAME not in page
    assert "Apel Jambi" not in page


def test_an_officer_of_another_region_gets_404(client_for, charlie, record):
    url = reverse("people:employee", args=[record["employee"].pk])
    assert client_for(charlie).get(url).status_code == 404


def test_bkn_sees_only_the_forwarded_case_and_no_prevention(client_for, gita, record):
    response = page_for(client_for, gita, record["employee"])
    sections = response.context["record"]
    assert cases_of(response) == {record["decided"].pk}
    assert sections["recommendations"].total == 1
    assert sections["attendance"] is None and sections["pledges"] is None
    page = response.content.decode()
    assert "Kegiatan yang dihadiri" not in page and "Ikrar netralitas" not in page
    assert REPORTER_NAME not in page


def test_the_ppk_sees_only_its_governments_recommended_case(client_for, hadi, record):
    response = page_for(client_for, hadi, record["employee"])
    assert cases_of(response) == {record["decided"].pk}
    assert response.context["record"]["decrees"].total == 1
    assert response.context["record"]["attendance"].total == 1  # Jember's own outreach


def test_the_governor_reaches_the_employee_but_not_the_regencys_case(client_for, make_user, record):
    governor = make_user("gubernur", "ppk", ["35"])
    response = page_for(client_for, governor, record["employee"])
    sections = response.context["record"]
    assert sections["cases"].total == 0 and sections["recommendations"].total == 0
    assert "Tidak ada dalam jangkauan Anda." in response.content.decode()


def test_an_auditor_of_the_region_reads_the_cases(client_for, make_user, record):
    auditor = make_user("auditor", "auditor", ["35.09"])
    response = page_for(client_for, auditor, record["employee"])
    assert cases_of(response) == {record["decided"].pk, record["open"].pk}


def test_a_national_supervisor_sees_every_case_and_event(client_for, make_user, record):
    ri = make_user("ri", "bawaslu_ri")
    response = page_for(client_for, ri, record["employee"])
    assert cases_of(response) == {record["decided"].pk, record["open"].pk, record["jambi"].pk}
    assert response.context["record"]["attendance"].total == 2


def test_a_namesake_with_another_nip_is_not_on_the_record(client_for, alice, region, record):
    namesake = finding(alice, region("35.09"))
    Respondent.objects.create(case=namesake, name="Ahmad Fauzi", nip="199001012015031009")
    response = page_for(client_for, alice, record["employee"])
    assert namesake.pk not in cases_of(response)
    assert response.context["record"]["cases"].total == 2
