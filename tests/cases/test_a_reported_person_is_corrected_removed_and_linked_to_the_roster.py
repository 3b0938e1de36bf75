"""Item 5 of issue 13: the reporter typed a name without a NIP, the officer added the real
roster entry, the case then had two people and BKN's letter proposed a sanction for the
phantom. Officers edit a reported person, link a free-typed one to the roster by a name
search, remove one with a reason (audited), and letters list only the persons who remain."""

import pytest

from netra.audit.models import AuditEntry
from netra.cases import actions
from netra.common import pdf
from netra.reports.models import Submission

from ..conftest import SMALL_PDF
from ..reports.helpers import file_report


@pytest.fixture
def nameless_case(client, alice, reference):
    """The report names "Ahmad Fauzi" with no NIP."""
    file_report(client, person_nip="", person_name="Ahmad Fauzi")
    return actions.open_case_from_submission(alice, Submission.objects.get())


@pytest.fixture
def roster_entry(employee_factory):
    return employee_factory("Achmad Fauzi, S.Pd.", nip="198501012010011001")


def test_a_name_search_finds_the_roster_entry_and_linking_fills_in_the_person(
    nameless_case, roster_entry, client_for, alice
):
    case = nameless_case
    (person,) = case.respondents.all()
    officer = client_for(alice)
    page = officer.get(
        f"/kasus/{case.pk}/", {"terlapor": person.pk, "cari": "Ahmad Fauzi"}
    ).content.decode()
    assert f'name="employee" value="{roster_entry.pk}"' in page
    assert "Achmad Fauzi, S.Pd." in page
    response = officer.post(
        f"/kasus/{case.pk}/terlapor/{person.pk}/",
        {"version": case.version, "employee": roster_entry.pk, "name": "Ahmad Fauzi"},
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.employee == roster_entry
    assert (person.name, person.nip) == ("Achmad Fauzi, S.Pd.", "198501012010011001")
    assert case.respondents.count() == 1
    assert AuditEntry.objects.filter(action="case.respondent_changed").exists()


def test_the_name_search_finds_nobody_outside_the_officers_reach(
    nameless_case, employee_factory, client_for, alice
):
    case = nameless_case
    (person,) = case.respondents.all()
    elsewhere = employee_factory("Ahmad Fauzi", nip="198501012010011002", code="35.10")
    officer = client_for(alice)
    page = officer.get(
        f"/kasus/{case.pk}/", {"terlapor": person.pk, "cari": "Ahmad Fauzi"}
    ).content.decode()
    assert f'name="employee" value="{elsewhere.pk}"' not in page
    officer.post(
        f"/kasus/{case.pk}/terlapor/{person.pk}/",
        {"version": case.version, "employee": elsewhere.pk, "name": "Ahmad Fauzi"},
    )
    person.refresh_from_db()
    assert person.employee is None and person.nip == ""


def test_an_edit_changes_the_typed_details(nameless_case, client_for, alice):
    case = nameless_case
    (person,) = case.respondents.all()
    response = client_for(alice).post(
        f"/kasus/{case.pk}/terlapor/{person.pk}/",
        {
            "version": case.version,
            "name": "Ahmad Fauzi Rahman",
            "subject_type": "pns",
            "agency": "Dinas Kesehatan",
            "position": "Kepala Seksi",
        },
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert (person.name, person.agency, person.position) == (
        "Ahmad Fauzi Rahman",
        "Dinas Kesehatan",
        "Kepala Seksi",
    )


def test_removing_needs_a_reason_and_is_audited_and_the_letter_lists_who_remains(
    nameless_case, roster_entry, client_for, alice, monkeypatch
):
    case = nameless_case
    officer = client_for(alice)
    officer.post(
        f"/kasus/{case.pk}/terlapor/",
        {"version": case.version, "nip": roster_entry.nip, "subject_type": "unknown"},
    )
    phantom = case.respondents.get(nip="")
    case.refresh_from_db()
    refused = officer.post(
        f"/kasus/{case.pk}/terlapor/{phantom.pk}/hapus/", {"version": case.version, "reason": ""}
    )
    assert refused.status_code == 200
    assert f'id="remove-reason-{phantom.pk}-error"' in refused.content.decode()
    assert case.respondents.count() == 2
    officer.post(
        f"/kasus/{case.pk}/terlapor/{phantom.pk}/hapus/",
        {"version": case.version, "reason": "Orang yang sama dengan entri roster."},
    )
    assert list(case.respondents.values_list("name", flat=True)) == ["Achmad Fauzi, S.Pd."]
    entry = AuditEntry.objects.get(action="case.respondent_removed")
    assert entry.data["reason"] == "Orang yang sama dengan entri roster."
    assert (
        "Orang yang sama dengan entri roster." in officer.get(f"/kasus/{case.pk}/").content.decode()
    )

    rendered = []
    monkeypatch.setattr(pdf, "render", lambda html: rendered.append(html) or SMALL_PDF)
    officer.post(f"/kasus/{case.pk}/dokumen/", {"kind": "case_summary"})
    assert rendered and "Achmad Fauzi, S.Pd." in rendered[0]
    assert "Ahmad Fauzi<" not in rendered[0] and "Ahmad Fauzi " not in rendered[0]


def test_a_forwarded_case_keeps_its_persons(reported_case, walk_case, client_for, alice):
    case = walk_case(reported_case, "forwarded", officer=alice)
    (person,) = case.respondents.all()
    response = client_for(alice).post(
        f"/kasus/{case.pk}/terlapor/{person.pk}/hapus/",
        {"version": case.version, "reason": "Salah orang."},
    )
    assert response.status_code == 200
    assert case.respondents.count() == 1
