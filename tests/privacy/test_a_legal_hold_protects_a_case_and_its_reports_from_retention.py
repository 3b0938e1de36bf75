"""Nothing of a case under a legal hold is erased, nor of the reports linked to it (its own
report, a report marked as its duplicate, its flagged posts), whatever their age; once the hold
is lifted, retention takes its course."""

from django.core.files.storage import default_storage

from netra.monitoring.models import Flag, Source, Text
from netra.privacy import actions
from netra.reports.models import Evidence, StatusStep, Submission

from ..reports.helpers import photo_with_gps
from .helpers import days_later, ended_case

LONG_AFTER = 10_000  # days: past every default period


def held_world(client, alice, region):
    case = ended_case(client, alice, files=[photo_with_gps()])
    duplicate = Submission.objects.create(
        kind="report",
        receipt_hash="f" * 64,
        region=case.region,
        incident_date=case.received_at.date(),
        known_date=case.received_at.date(),
        description="Laporan yang sama.",
        identity_sealed="sealed-identity",
        status=Submission.Status.NOT_REGISTERED,
        duplicate_of_id=case.submission_id,
    )
    StatusStep.objects.create(submission=duplicate, status=Submission.Status.NOT_REGISTERED)
    source = Source.objects.create(name="Impor", kind="file", region=region("35.09"))
    post = Text.objects.create(source=source, external_id="p1", kind="post", text="Dukung!")
    Flag.objects.create(text=post, region=region("35.09"), score=0.9, case=case)
    actions.set_hold(alice, case, "Sengketa di pengadilan: berkas diminta hakim.")
    return case, duplicate, post


def test_nothing_of_a_held_case_or_its_linked_reports_is_erased(client, alice, region):
    case, duplicate, post = held_world(client, alice, region)
    evidence = Evidence.objects.get()
    done = actions.apply_retention(days_later(LONG_AFTER))
    assert done["identity"] == done["evidence"] == done["cases"] == done["texts"] == 0
    report = Submission.objects.get(pk=case.submission_id)
    assert report.identity_sealed and report.reporter_nik_hash
    assert Submission.objects.get(pk=duplicate.pk).identity_sealed == "sealed-identity"
    assert Evidence.objects.filter(pk=evidence.pk).exists()
    assert default_storage.exists(evidence.file.name)
    assert list(case.respondents.values_list("name", flat=True)) == ["Ahmad Fauzi"]
    assert Text.objects.get(pk=post.pk).text == "Dukung!"


def test_once_the_hold_is_lifted_retention_takes_its_course(
    client, alice, region, django_capture_on_commit_callbacks
):
    case, duplicate, post = held_world(client, alice, region)
    evidence = Evidence.objects.get()
    actions.lift_hold(alice, case, "Putusan berkekuatan hukum tetap.")
    with django_capture_on_commit_callbacks(execute=True):  # the files go after the commit
        done = actions.apply_retention(days_later(LONG_AFTER))
    assert done["cases"] == 1 and done["texts"] == 1
    assert Submission.objects.get(pk=case.submission_id).identity_sealed == ""
    assert Submission.objects.get(pk=duplicate.pk).identity_sealed == ""
    assert not Evidence.objects.filter(pk=evidence.pk).exists()
    assert not default_storage.exists(evidence.file.name)
    assert list(case.respondents.values_list("name", "nip")) == [("—", "")]
    assert Text.objects.get(pk=post.pk).text == ""
