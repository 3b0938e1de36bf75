import pytest

from netra.cases import actions
from netra.cases.models import Case
from netra.reports.models import Submission

from ..reports.helpers import file_report


@pytest.fixture
def two_reports(client, alice, reference):
    file_report(client)
    file_report(
        client,
        person_name="Ahmad Fauzi",
        description="Foto yang sama, pelapor lain.",
        reporter_nik="3509014501900003",
    )
    first, second = Submission.objects.order_by("pk")
    return (
        actions.open_case_from_submission(alice, first),
        actions.open_case_from_submission(alice, second),
    )


def test_a_duplicate_is_closed_into_the_first_case_and_its_reporter_follows_it(
    client_for, alice, two_reports
):
    keep, duplicate = two_reports
    keep = actions.transition(alice, keep, "initial_study", version=keep.version)
    keep = actions.transition(alice, keep, "registered", version=keep.version)
    response = client_for(alice).post(
        f"/kasus/{duplicate.pk}/gabung/",
        {
            "version": duplicate.version,
            "into": keep.pk,
            "reason": "Peristiwa dan terlapor yang sama.",
        },
    )
    assert response.url == f"/kasus/{keep.pk}/"
    duplicate.refresh_from_db()
    assert (duplicate.state, duplicate.merged_into) == ("closed", keep)
    assert keep.respondents.count() == 1  # the same person is not listed twice
    assert duplicate.submission.status == "registered"
    keep.refresh_from_db()
    actions.transition(alice, keep, "study", version=keep.version)
    keep.refresh_from_db()
    for target in ["decided_no_violation", "closed"]:
        keep = actions.transition(alice, keep, target, version=keep.version)
    assert Submission.objects.filter(status="closed").count() == 2
    assert keep.events.filter(kind="merged_in").exists()


def test_a_merge_needs_a_reason_and_an_open_case_of_the_same_office(
    client_for, alice, charlie, two_reports, region
):
    keep, duplicate = two_reports
    with pytest.raises(actions.Refused) as refused:
        actions.merge(alice, duplicate, keep, version=duplicate.version, reason=" ")
    assert refused.value.code == "reason_required"
    with pytest.raises(actions.Refused):
        actions.merge(alice, duplicate, duplicate, version=duplicate.version, reason="Sama.")
    elsewhere = actions.open_finding(
        charlie, election=keep.election, region=region("15.71"), summary="Temuan di Kota Jambi."
    )
    with pytest.raises(actions.Refused):
        actions.merge(alice, duplicate, elsewhere, version=duplicate.version, reason="Sama.")
    # Through the page, a case out of reach is simply not found.
    page = client_for(alice).post(
        f"/kasus/{duplicate.pk}/gabung/",
        {"version": duplicate.version, "into": elsewhere.pk, "reason": "Sama."},
        follow=True,
    )
    assert "dapat digabungkan" in page.content.decode()
    assert Case.objects.filter(state="closed").count() == 0
