from netra.cases.models import Case, Respondent
from netra.people.models import Agency, Employee


def roster_employee(
    region,
    nip="199001012015031002",
    name="Siti Aminah, S.Pd.",
    agency_region=None,
    employment_type="pppk",
):
    agency = Agency.objects.create(
        name="Dinas Pendidikan", name_key="dinas pendidikan", region=agency_region or region
    )
    from django.utils import timezone

    return Employee.objects.create(
        nip=nip,
        name=name,
        name_key=name.lower(),
        name_phonetic="",
        employment_type=employment_type,
        agency=agency,
        region=region,
        updated_at=timezone.now(),
    )


def test_the_reported_person_of_a_report_joins_the_case(reported_case):
    (person,) = reported_case.respondents.all()
    assert (person.name, person.nip, person.agency) == (
        "Ahmad Fauzi",
        "198501012010011001",
        "Dinas Pendidikan",
    )
    assert person.government == reported_case.region


def test_a_nip_from_the_roster_fills_in_the_person(client_for, alice, reported_case, region):
    employee = roster_employee(region("35.09"))
    response = client_for(alice).post(
        f"/kasus/{reported_case.pk}/terlapor/",
        {
            "version": reported_case.version,
            "nip": "1990 0101 2015 0310 02",
            "subject_type": "unknown",
        },
    )
    assert response.status_code == 302
    added = Respondent.objects.get(nip=employee.nip)
    assert (added.name, added.subject_type, added.agency) == (
        "Siti Aminah, S.Pd.",
        "pppk",
        "Dinas Pendidikan",
    )
    assert added.employee == employee


def test_a_person_without_a_name_or_known_nip_is_refused(client_for, alice, reported_case):
    response = client_for(alice).post(
        f"/kasus/{reported_case.pk}/terlapor/",
        {"version": reported_case.version, "nip": "12345", "subject_type": "pns"},
        follow=True,
    )
    page = response.content.decode()
    assert "NIP terdiri atas 18 digit." in page
    assert reported_case.respondents.count() == 1


def test_a_case_cannot_be_forwarded_without_a_reported_person(alice, reference, region):
    from netra.cases import actions
    from netra.regions.models import Election

    from ..case_walk import walk

    case = actions.open_finding(
        alice,
        election=Election.objects.get(code="pilkada-2024"),
        region=region("35.09"),
        summary="Temuan patroli siber.",
    )
    case = walk(case, "decided_other_law", officer=alice)
    try:
        actions.transition(alice, case, "forwarded", version=case.version)
    except actions.Refused as refused:
        assert refused.code == "needs_respondent"
    assert Case.objects.get().state == "decided_other_law"


def test_the_ppk_sees_the_case_of_its_own_government_not_of_where_it_was_handled(
    client_for, alice, gita, hadi, make_user, reported_case, region
):
    """A provincial employee reported in Jember: the governor's PPK sees it, Jember's does not."""
    from netra.cases import actions

    from ..case_walk import walk

    province_staff = roster_employee(
        region("35.09"),
        nip="198803032012032004",
        name="Rina Kartika",
        agency_region=region("35"),
        employment_type="pns",
    )
    reported_case.respondents.all().delete()
    case = reported_case
    actions.add_respondent(alice, case, version=case.version, employee=province_staff)
    case.refresh_from_db()
    assert case.respondents.get().government == region("35")
    walk(case, "recommended", officer=alice, bkn=gita)
    governor_ppk = make_user("gubernur", "ppk", ["35"])
    assert client_for(governor_ppk).get(f"/kasus/{case.pk}/").status_code == 200
    assert client_for(hadi).get(f"/kasus/{case.pk}/").status_code == 404
