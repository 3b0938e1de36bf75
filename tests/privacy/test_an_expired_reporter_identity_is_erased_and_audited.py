"""A reporter's identity is kept for NETRA_RETENTION_IDENTITY_DAYS after the report's handling
ended; then the vault's ciphertext and the NIK's searchable hash go, the case's timeline says
when, and the audit log says how many identities, never whose."""

import json

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import formats, timezone, translation

from netra.audit.models import AuditEntry
from netra.cases.models import CaseDocument, Hearing
from netra.privacy import actions
from netra.privacy.models import Erasure
from netra.reports.models import Submission

from ..reports.helpers import REPORTER_NAME, REPORTER_NIK
from .helpers import days_later, ended_case


def test_the_identity_stays_within_its_period_and_is_erased_after_it(client, alice, settings):
    case = ended_case(client, alice)
    days = settings.NETRA_RETENTION.identity
    report = Submission.objects.get(pk=case.submission_id)
    assert report.identity_sealed and report.reporter_nik_hash

    assert actions.apply_retention(days_later(days - 1))["identity"] == 0
    report.refresh_from_db()
    assert report.identity_sealed

    later = days_later(days + 1)
    assert actions.apply_retention(later)["identity"] == 1
    report.refresh_from_db()
    assert report.identity_sealed == "" and report.reporter_nik_hash == ""
    assert Erasure.objects.filter(kind="identity", target_id=report.pk).count() == 1

    event = case.events.get(kind="retention")
    with translation.override("id"):
        day = formats.date_format(timezone.localdate(later), "j F Y")
    assert day in event.text

    entry = AuditEntry.objects.get(action="privacy.retention", data__kind="identity")
    assert entry.data == {"kind": "identity", "count": 1} and entry.actor is None


def test_the_audit_log_never_receives_the_identity(client, alice, settings):
    ended_case(client, alice)
    actions.apply_retention(days_later(settings.NETRA_RETENTION.identity + 1))
    logged = json.dumps(list(AuditEntry.objects.values("data", "target_id", "action")))
    assert REPORTER_NAME not in logged and REPORTER_NIK not in logged


def test_a_second_run_finds_nothing_more_to_erase(client, alice, settings):
    ended_case(client, alice)
    later = days_later(settings.NETRA_RETENTION.identity + 1)
    actions.apply_retention(later)
    assert actions.apply_retention(later)["identity"] == 0
    assert AuditEntry.objects.filter(action="privacy.retention", data__kind="identity").count() == 1


def test_a_report_still_being_handled_keeps_its_identity_whatever_its_age(client, alice):
    from ..reports.helpers import file_report

    file_report(client)
    assert actions.apply_retention(days_later(10_000))["identity"] == 0
    assert Submission.objects.get().identity_sealed


def test_the_reporters_hearing_and_the_letters_naming_the_reporter_go_too(
    client, alice, settings, django_capture_on_commit_callbacks
):
    case = ended_case(client, alice)
    heard = Hearing.objects.create(
        case=case,
        party=Hearing.Party.REPORTER,
        name=REPORTER_NAME,
        scheduled_at=timezone.now(),
        place="Kantor Bawaslu",
        minutes="Pelapor menerangkan kejadian.",
        created_by=alice,
    )
    letters = {
        kind: CaseDocument.objects.create(
            case=case,
            kind=kind,
            file=default_storage.save(f"case-documents/{kind}.pdf", ContentFile(b"%PDF-1.4")),
            sha256="0" * 64,
            created_by=alice,
        )
        for kind in ("registration_notice", "forwarding_letter")
    }
    with django_capture_on_commit_callbacks(execute=True):
        actions.apply_retention(days_later(settings.NETRA_RETENTION.identity + 1))
    heard.refresh_from_db()
    assert (heard.name, heard.minutes) == ("—", "")
    assert list(CaseDocument.objects.values_list("kind", flat=True)) == ["forwarding_letter"]
    assert not default_storage.exists(letters["registration_notice"].file.name)
    assert default_storage.exists(letters["forwarding_letter"].file.name)


def test_every_run_says_in_the_audit_log_what_it_did(db):
    actions.apply_retention()
    entry = AuditEntry.objects.get(action="privacy.retention_run")
    assert entry.data == {
        "counts": {
            "cases": 0,
            "identity": 0,
            "evidence": 0,
            "requests": 0,
            "texts": 0,
            "sessions": 0,
        },
        "held_cases": 0,
    }
