"""Naming a reported person by NIP fills in name, agency and position only from the part of
the national roster the handler may see (accounts/access.py: roster_by_nip)."""

import json

from netra.cases.models import Respondent

from .test_reported_persons import roster_employee

JAMBI_NIP = "199202022016042001"


def add_by_nip(client, case, nip, **fields):
    return client.post(
        f"/kasus/{case.pk}/terlapor/",
        {"version": case.version, "nip": nip, "subject_type": "unknown", **fields},
        follow=True,
    )


def test_a_nip_of_another_regions_employee_shows_nothing_of_them(
    client_for, alice, reported_case, region
):
    roster_employee(region("15.71"), nip=JAMBI_NIP, name="Rahasia Jambi")
    page = add_by_nip(client_for(alice), reported_case, JAMBI_NIP).content.decode()
    assert "Rahasia Jambi" not in page
    assert not Respondent.objects.filter(nip=JAMBI_NIP).exists()


def test_with_the_name_as_reported_it_is_added_without_the_roster_entry(
    client_for, alice, reported_case, region
):
    roster_employee(region("15.71"), nip=JAMBI_NIP, name="Rahasia Jambi")
    add_by_nip(client_for(alice), reported_case, JAMBI_NIP, name="Seperti Dilaporkan")
    added = Respondent.objects.get(nip=JAMBI_NIP)
    assert (added.name, added.agency, added.employee) == ("Seperti Dilaporkan", "", None)


def test_the_api_finds_no_more(client_for, alice, reported_case, region):
    roster_employee(region("15.71"), nip=JAMBI_NIP, name="Rahasia Jambi")
    response = client_for(alice).post(
        f"/api/v1/cases/{reported_case.pk}/respondents",
        json.dumps({"version": reported_case.version, "nip": JAMBI_NIP}),
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "Rahasia Jambi" not in response.content.decode()


def test_the_provinces_own_staff_are_found_on_a_regency_case(
    client_for, alice, reported_case, region
):
    staff = roster_employee(region("35"), nip="198803032012032004", name="Rina Kartika")
    add_by_nip(client_for(alice), reported_case, staff.nip)
    assert Respondent.objects.get(nip=staff.nip).employee == staff


def test_a_provincial_officer_finds_the_staff_of_every_regency_it_reaches(
    client_for, dewi, reported_case, region
):
    surabaya = roster_employee(region("35.78"), nip="198704042011011003", name="Budi Surabaya")
    add_by_nip(client_for(dewi), reported_case, surabaya.nip)
    assert Respondent.objects.get(nip=surabaya.nip).name == "Budi Surabaya"


def test_only_a_whole_nip_finds_anyone(alice, reported_case, region):
    from netra.accounts.access import roster_by_nip
    from netra.people.models import Employee

    own = roster_employee(region("35.09"))
    assert list(roster_by_nip(Employee.objects.all(), alice, reported_case.region, own.nip)) == [
        own
    ]
    assert not roster_by_nip(
        Employee.objects.all(), alice, reported_case.region, own.nip[:12]
    ).exists()
