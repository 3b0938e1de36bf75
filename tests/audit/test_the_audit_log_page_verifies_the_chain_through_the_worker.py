"""The "verify chain" button queues the same walk as `netra audit verify` for the worker,
shows it running, then its outcome: intact with the number of entries and the checkpoint,
or the first break and where it is. One check runs at a time, and each request is audited."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from netra.audit.log import record, write_checkpoint
from netra.audit.models import AuditEntry, AuditVerification
from netra.worker.lost import task_given_up


@pytest.fixture
def auditor(make_user):
    return make_user("indah", "auditor", ["35.09"])


def ask(client, django_capture_on_commit_callbacks):
    # The test's transaction never commits: run what would run at commit (the enqueue, which
    # the tests' immediate task backend runs at once).
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("web:audit_verify"))
    assert response.status_code == 302
    return client.get(response.url)


def test_an_intact_chain_shows_its_entries_and_checkpoint(
    client_for, auditor, django_capture_on_commit_callbacks
):
    for i in range(3):
        record(None, "test.event", data={"i": i})
    write_checkpoint()
    page = ask(client_for(auditor), django_capture_on_commit_callbacks)
    verification = page.context["verification"]
    # the three, and the entry recording who asked for the check
    assert verification.status == "intact" and verification.entries == 4
    text = page.content.decode()
    assert "Rantai audit utuh. Entri diperiksa: 4." in text
    assert "Cocok dengan titik periksa terbaru" in text and "nomor urut 3" in text
    requested = AuditEntry.objects.get(action="audit.verification_requested")
    assert requested.actor == auditor and requested.target_id == str(verification.pk)
    assert AuditEntry.objects.filter(action="audit.verified", data__status="intact").exists()


def test_a_tampered_entry_shows_the_break_and_its_position(
    client_for, auditor, django_capture_on_commit_callbacks
):
    entries = [record(None, "test.event", data={"i": i}) for i in range(3)]
    AuditEntry.objects.filter(pk=entries[1].pk).update(data={"i": 99})
    page = ask(client_for(auditor), django_capture_on_commit_callbacks)
    verification = page.context["verification"]
    assert verification.status == "broken"
    assert verification.broken["kind"] == "changed"
    assert verification.broken["entry_id"] == entries[1].pk
    text = page.content.decode()
    assert "Rantai audit terputus" in text
    assert f"entri audit #{entries[1].pk} tidak cocok dengan tanda tangannya" in text
    assert 'role="alert"' in text


def test_the_break_reads_in_english_for_an_english_reader(
    client_for, admin, django_capture_on_commit_callbacks
):
    entries = [record(None, "test.event", data={"i": i}) for i in range(3)]
    AuditEntry.objects.filter(pk=entries[1].pk).delete()
    client = client_for(admin)
    client.post("/i18n/setlang/", {"language": "en", "next": "/audit/"})
    text = ask(client, django_capture_on_commit_callbacks).content.decode()
    assert "The audit chain is broken" in text
    assert f"audit entries missing before entry #{entries[2].pk}" in text


def test_a_second_click_while_a_check_runs_shows_that_check(client_for, auditor, admin):
    running = AuditVerification.objects.create(requested_by=admin)
    response = client_for(auditor).post(reverse("web:audit_verify"))
    assert response.url == reverse("web:audit_verification", args=[running.pk])
    assert AuditVerification.objects.count() == 1
    page = client_for(auditor).get(response.url).content.decode()
    # The page asks again by itself until the check is done (no inline script).
    assert 'hx-trigger="every 2s"' in page and '<meta http-equiv="refresh"' in page
    assert "Menunggu proses latar belakang memulai pemeriksaan." in page


def test_a_check_the_worker_gave_up_on_fails_and_a_new_one_can_be_asked(
    client_for, auditor, django_capture_on_commit_callbacks
):
    stuck = AuditVerification.objects.create(requested_by=auditor, status="running")
    task_given_up("netra.audit.tasks.run_audit_verification", {"args": [stuck.pk], "kwargs": {}})
    stuck.refresh_from_db()
    assert stuck.status == "failed" and stuck.running is None
    page = client_for(auditor).get(reverse("web:audit_verification", args=[stuck.pk]))
    assert "Proses latar belakang berhenti saat pemeriksaan." in page.content.decode()
    again = ask(client_for(auditor), django_capture_on_commit_callbacks)
    assert again.context["verification"].pk != stuck.pk


# The worker commits and closes connections as in production, so no test transaction wraps it.
@pytest.mark.django_db(transaction=True)
def test_the_database_worker_runs_the_queued_check(client_for, make_user, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    from netra.regions.reference import load_reference_data

    load_reference_data()
    auditor = make_user("indah", "auditor", ["35.09"])
    record(None, "test.event", data={"i": 1})
    client = client_for(auditor)
    url = client.post(reverse("web:audit_verify")).url
    assert "Menunggu proses latar belakang" in client.get(url).content.decode()

    call_command("db_worker", batch=True, no_startup_delay=False, interval=0.01)

    page = client.get(url)
    assert page.context["verification"].status == "intact"
    # The entry asking for the check is part of the chain it walked.
    assert "Rantai audit utuh. Entri diperiksa: 2." in page.content.decode()
    assert 'hx-trigger="every 2s"' not in page.content.decode()
