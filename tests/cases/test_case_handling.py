"""A report taken through the case workflow over HTTP, by each role in turn."""

import re

import pytest
from django.utils import timezone

from netra.audit.log import verify_chain
from netra.cases.models import Case
from netra.reports.models import Submission

from ..reports.helpers import file_report


@pytest.fixture
def submission(client, reference):
    file_report(client)
    return Submission.objects.get()


def open_case(client, submission):
    response = client.post(f"/laporan/{submission.pk}/buka-kasus/")
    case = Case.objects.get(submission=submission)
    assert response.url == f"/kasus/{case.pk}/"
    return case


def step(client, case, target, reason="", **extra):
    case.refresh_from_db()
    return client.post(
        f"/kasus/{case.pk}/langkah/",
        {"target": target, "version": case.version, "reason": reason, **extra},
    )


def recommend(client, case, sanction="Penurunan jabatan setingkat lebih rendah selama 12 bulan"):
    """The BKN form: the proven conduct of every reported person, then the chosen sanction."""
    case.refresh_from_db()
    data = {
        "verification": "Terbukti dari tangkapan layar dan klarifikasi.",
        "version": case.version,
        "issue": "1",
    }
    for r in case.respondents.all():
        data.update(
            {
                f"employment_{r.pk}": "PNS",
                f"kind_{r.pk}_0": "partisan_photo",
                f"date_{r.pk}_0": "2024-10-05",
                f"sanction_{r.pk}": sanction,
            }
        )
    return client.post(f"/kasus/{case.pk}/rekomendasi/", data)


SIGNED_DECREE = b"%PDF-1.4\n% keputusan bupati\n%%EOF\n"


def decree(client, case, **overrides):
    from django.core.files.uploadedfile import SimpleUploadedFile

    case.refresh_from_db()
    response = None
    for recommendation in case.recommendations.all():
        prefix = f"r{recommendation.pk}-"
        data = {
            "version": case.version,
            prefix + "outcome": "imposed",
            prefix + "number": "800/123/35.09/2024",
            prefix + "decided_on": str(timezone.localdate()),
            prefix + "sanction": "Pemotongan tunjangan kinerja 25% selama 6 bulan",
            prefix + "file": SimpleUploadedFile("sk.pdf", SIGNED_DECREE, "application/pdf"),
        }
        data.update({prefix + k: v for k, v in overrides.items()})
        response = client.post(f"/rekomendasi/{recommendation.pk}/keputusan/", data)
        case.refresh_from_db()
    return response


def test_a_report_goes_through_every_hand_to_a_closed_case(
    client_for, alice, gita, hadi, submission
):
    officer = client_for(alice)
    case = open_case(officer, submission)
    assert case.state == "received" and case.source == "report"
    for target in [
        "initial_study",
        "registered",
        "clarification",
        "study",
        "decided_other_law",
        "forwarded",
    ]:
        assert step(officer, case, target).status_code == 302
    case.refresh_from_db()
    assert case.state == "forwarded" and case.forwarded
    assert re.fullmatch(r"001/Reg/LP/PB/Kab/35\.09/[IVX]+/\d{4}", case.number)
    submission.refresh_from_db()
    # The reporter's status follows the case past registration (it stopped at "registered").
    assert submission.status == "forwarded"

    bkn = client_for(gita)
    step(bkn, case, "bkn_verification")
    recommend(bkn, case)
    decree(client_for(hadi), case)
    step(bkn, case, "closed")
    case.refresh_from_db()
    submission.refresh_from_db()
    assert (case.state, submission.status) == ("closed", "closed")
    (recommendation,) = case.recommendations.all()
    assert recommendation.respondent.name == "Ahmad Fauzi"
    assert recommendation.decree.number == "800/123/35.09/2024"
    assert len(recommendation.decree.sha256) == 64
    assert [e.to_state for e in case.events.exclude(to_state="")] == [
        "received",
        "initial_study",
        "registered",
        "clarification",
        "study",
        "decided_other_law",
        "forwarded",
        "bkn_verification",
        "recommended",
        "followed_up",
        "closed",
    ]
    assert verify_chain() is None


def test_the_clock_follows_the_step(client_for, alice, submission):
    officer = client_for(alice)
    case = open_case(officer, submission)
    step(officer, case, "initial_study")
    case.refresh_from_db()
    local_received = timezone.localtime(case.received_at, case.due_at.tzinfo)
    assert (case.due_at.date() - local_received.date()).days == 2  # kajian awal, calendar days
    step(officer, case, "registered")
    case.refresh_from_db()
    assert (case.due_at.date() - local_received.date()).days == 3  # decision within 3 days
    officer.post(
        f"/kasus/{case.pk}/perpanjang/",
        {"version": case.version, "reason": "Menunggu keterangan pelapor."},
    )
    case.refresh_from_db()
    assert case.extended and (case.due_at.date() - local_received.date()).days == 5


def test_a_stale_form_gets_a_conflict_not_a_silent_overwrite(client_for, alice, bob, submission):
    case = open_case(client_for(alice), submission)
    stale_version = case.version
    first = client_for(alice).post(
        f"/kasus/{case.pk}/langkah/", {"target": "initial_study", "version": stale_version}
    )
    assert first.status_code == 302
    second = client_for(bob).post(
        f"/kasus/{case.pk}/langkah/", {"target": "initial_study", "version": stale_version}
    )
    assert second.status_code == 409
    case.refresh_from_db()
    assert case.events.filter(kind="transition").count() == 1


def test_not_registering_needs_a_reason_which_the_reporter_then_sees(client_for, alice, submission):
    officer = client_for(alice)
    case = open_case(officer, submission)
    step(officer, case, "initial_study")
    response = step(officer, case, "not_registered")
    case.refresh_from_db()
    assert case.state == "initial_study"
    # The refusal answers with the case page itself, the message by the reason field.
    page = response.content.decode()
    assert "Tulis alasannya" in page
    step(officer, case, "not_registered", reason="Dilaporkan melewati 7 hari.")
    submission.refresh_from_db()
    assert submission.status == "not_registered"


def test_each_role_sees_a_case_only_when_it_is_theirs(
    client_for, alice, charlie, gita, hadi, make_user, submission
):
    case = open_case(client_for(alice), submission)
    url = f"/kasus/{case.pk}/"
    assert client_for(charlie).get(url).status_code == 404
    assert client_for(gita).get(url).status_code == 404  # not forwarded yet
    assert client_for(hadi).get(url).status_code == 404
    auditor = make_user("indah", "auditor", ["35.09"])
    assert client_for(auditor).get(url).status_code == 200
    officer = client_for(alice)
    for target in ["initial_study", "registered", "study", "decided_other_law", "forwarded"]:
        step(officer, case, target)
    assert client_for(gita).get(url).status_code == 200
    assert client_for(hadi).get(url).status_code == 404  # no recommendation yet
    bkn = client_for(gita)
    step(bkn, case, "bkn_verification")
    recommend(bkn, case)
    assert client_for(hadi).get(url).status_code == 200
    assert (
        client_for(charlie)
        .post(f"/kasus/{case.pk}/langkah/", {"target": "followed_up", "version": 99})
        .status_code
        == 404
    )


def test_an_auditor_cannot_take_a_step(client_for, alice, make_user, submission):
    case = open_case(client_for(alice), submission)
    auditor = client_for(make_user("indah", "auditor", ["35.09"]))
    step(auditor, case, "initial_study")
    case.refresh_from_db()
    assert case.state == "received"


def test_anonymous_information_is_adopted_as_a_finding(client, client_for, alice, reference):
    file_report(
        client,
        anonymous="on",
        reporter_name="",
        reporter_address="",
        reporter_nik="",
        reporter_phone="",
        reporter_email="",
    )
    case = open_case(client_for(alice), Submission.objects.get())
    assert case.source == "adopted"


def test_an_officer_records_her_own_finding(client_for, alice, reference):
    from netra.regions.models import Election, Region

    response = client_for(alice).post(
        "/kasus/temuan/",
        {
            "election": Election.objects.get(code="pilkada-2024").pk,
            "region": Region.objects.get(code="35.09").pk,
            "summary": "Camat hadir di deklarasi pasangan calon dan mengacungkan dua jari.",
        },
    )
    case = Case.objects.get()
    assert response.url == f"/kasus/{case.pk}/" and case.source == "finding"
