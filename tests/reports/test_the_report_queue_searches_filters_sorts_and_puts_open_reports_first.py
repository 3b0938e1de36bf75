"""The report queue (/laporan/) searches by a reported person's name, NIP and agency, by the
register number of the case made from it and by words of the account; filters by status,
election, region, conduct, assignee and dates; sorts by its columns; shows reports still
waiting for their initial study first, then the newest; and names who is responsible."""

import secrets
from datetime import timedelta

from django.utils import timezone

from netra.cases.models import Case
from netra.regions.models import Election, Region
from netra.reports.models import ReportedPerson, Submission


def a_report(code, description, person, *, nip="", agency="", conduct=(), status="received", **kw):
    today = timezone.localdate()
    submission = Submission.objects.create(
        kind="report",
        status=status,
        receipt_hash=secrets.token_hex(32),
        election=Election.objects.get(code="pilkada-2024"),
        region=Region.objects.get(code=code),
        incident_date=today,
        known_date=today,
        description=description,
        conduct=list(conduct),
        **kw,
    )
    ReportedPerson.objects.create(submission=submission, name=person, nip=nip, agency=agency)
    return submission


def ids(client, **query):
    response = client.get("/laporan/", query)
    assert response.status_code == 200
    return [s.pk for s in response.context["submissions"]]


def test_search_by_each_key(client_for, alice, reference):
    fauzi = a_report(
        "35.09",
        "Foto bersama calon dengan pose dua jari.",
        "Ahmad Fauzi",
        nip="198501012010011001",
        agency="Dinas Pendidikan",
    )
    rahayu = a_report("35.09", "Memasang baliho calon.", "Sri Rahayu", agency="Dinas Kesehatan")
    Case.objects.create(
        source="report",
        submission=fauzi,
        election=fauzi.election,
        region=fauzi.region,
        summary="x",
        received_at=timezone.now(),
        number="007/Reg/LP/PB/Kab/16.09/XI/2024",
    )
    client = client_for(alice)
    assert ids(client, q="fauzi") == [fauzi.pk]
    assert ids(client, q="198501012010011001") == [fauzi.pk]
    assert ids(client, q="19850101") == [fauzi.pk]
    assert ids(client, q="Kesehatan") == [rahayu.pk]
    assert ids(client, q="baliho") == [rahayu.pk]
    assert ids(client, q="007/Reg") == [fauzi.pk]
    assert set(ids(client, q="dinas")) == {fauzi.pk, rahayu.pk}
    assert ids(client, q="baliho fauzi") == []


def test_filters_narrow_the_queue(client_for, alice, bob, dewi, reference):
    props = a_report("35.09", "A", "Budi", conduct=["props"], assigned_to=bob)
    social = a_report("35.10", "B", "Rina", conduct=["social_media"], status="in_review")
    Submission.objects.filter(pk=social.pk).update(submitted_at=timezone.now() - timedelta(days=20))
    client = client_for(dewi)
    assert set(ids(client)) == {props.pk, social.pk}
    assert ids(client, state="in_review") == [social.pk]
    assert set(ids(client, election="pilkada-2024")) == {props.pk, social.pk}
    assert ids(client, region="35.10") == [social.pk]
    assert ids(client, region="15.71") == []  # out of reach: nothing
    assert ids(client, conduct="DIS-01") == [props.pk]
    assert ids(client, conduct="DIS-06") == [social.pk]
    assert ids(client, petugas=str(bob.pk)) == [props.pk]
    assert ids(client_for(bob), saya="on") == [props.pk]
    today = timezone.localdate()
    assert ids(client, sampai=str(today - timedelta(days=10))) == [social.pk]
    assert ids(client, dari=str(today)) == [props.pk]
    assert ids(client, region="35.09", conduct="DIS-01", state="received") == [props.pk]


def test_open_reports_come_first_and_columns_sort(client_for, alice, bob, reference):
    now = timezone.now()
    done = a_report("35.09", "A", "Budi", status="registered")
    older = a_report("35.09", "B", "Rina", status="in_review")
    newer = a_report("35.09", "C", "Sari", status="received", assigned_to=bob)
    for submission, days in ((done, 0), (older, 5), (newer, 1)):
        Submission.objects.filter(pk=submission.pk).update(submitted_at=now - timedelta(days=days))
    client = client_for(alice)
    assert ids(client) == [newer.pk, older.pk, done.pk]
    assert ids(client, urut="diterima") == [older.pk, newer.pk, done.pk]
    assert ids(client, urut="-nomor") == [newer.pk, older.pk, done.pk]
    page = client.get("/laporan/", {"urut": "status", "saya": ""}).content.decode()
    assert 'aria-sort="ascending"' in page and "urut=-status" in page
    assert "Penanggung jawab" in page and "Bob" in page


def test_a_name_spelt_otherwise_finds_a_person_linked_to_the_roster(
    client_for, alice, employee_factory
):
    employee = employee_factory("Mochammad Hasan")
    report = a_report("35.09", "Uraian", "Muhammad Hasan")
    report.persons.update(employee=employee)
    assert ids(client_for(alice), q="Mohamad Hasan") == [report.pk]
