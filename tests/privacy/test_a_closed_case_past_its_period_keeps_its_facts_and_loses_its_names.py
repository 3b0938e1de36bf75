"""A closed case past NETRA_RETENTION_CASES_DAYS keeps what the statistics count (region,
election, state, employment type) and loses every name and text: reported persons, hearings,
summary, letters, and its report's identity, evidence, links and description."""

from django.core.files.storage import default_storage

from netra.audit.models import AuditEntry
from netra.cases.models import Case
from netra.privacy import actions
from netra.reports.models import Evidence, EvidenceLink, ReportedPerson, Submission

from ..reports.helpers import photo_with_gps
from .helpers import days_later, ended_case


def test_the_case_keeps_its_facts_and_loses_its_names(
    client, alice, settings, django_capture_on_commit_callbacks
):
    case = ended_case(client, alice, files=[photo_with_gps()])
    stored = Evidence.objects.get().file.name
    facts = (case.region_id, case.election_id, case.state, case.number)
    kinds = list(case.respondents.values_list("subject_type", flat=True))

    with django_capture_on_commit_callbacks(execute=True):
        done = actions.apply_retention(days_later(settings.NETRA_RETENTION.cases + 1))
    assert done["cases"] == 1

    case = Case.objects.get(pk=case.pk)
    assert (case.region_id, case.election_id, case.state, case.number) == facts
    assert list(case.respondents.values_list("subject_type", flat=True)) == kinds
    assert set(case.respondents.values_list("name", "nip", "agency")) == {("—", "", "")}
    assert case.summary == "—"
    report = Submission.objects.get(pk=case.submission_id)
    assert report.identity_sealed == "" and report.description == "—"
    assert set(ReportedPerson.objects.values_list("name", "nip")) == {("—", "")}
    assert not EvidenceLink.objects.exists() and not Evidence.objects.exists()
    assert not default_storage.exists(stored)
    kinds_audited = set(
        AuditEntry.objects.filter(action="privacy.retention").values_list("data__kind", flat=True)
    )
    assert kinds_audited - {"sessions"} == {"cases"}  # the report's session expired too


def test_a_case_before_its_period_is_left_whole(client, alice, settings):
    case = ended_case(client, alice)
    actions.apply_retention(days_later(settings.NETRA_RETENTION.cases - 1))
    assert Case.objects.get(pk=case.pk).summary == case.summary != "—"


def test_the_case_page_still_opens_after_the_erasure(client, alice, client_for, settings):
    case = ended_case(client, alice, files=[photo_with_gps()])
    actions.apply_retention(days_later(settings.NETRA_RETENTION.cases + 1))
    officer = client_for(alice)
    assert officer.get(f"/kasus/{case.pk}/").status_code == 200
    assert officer.get(f"/laporan/{case.submission_id}/").status_code == 200
