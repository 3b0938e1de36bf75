"""The reporter waits for neither the duplicate search nor the officers' e-mail: the request
queues one task after its commit, and the worker flags the look-alike and mails the officers
a moment later. A task run again (its worker was lost) flags and mails nothing twice."""

import pytest
from django.core import mail
from django_tasks_db.models import DBTaskResult

from netra.audit.models import AuditEntry
from netra.reports.models import Submission
from netra.reports.tasks import screen_submission

from .helpers import file_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(make_user):
    wati = make_user("wati", "bawaslu_regency", ["35.09"])
    wati.email = "wati@bawaslu.go.id"
    wati.save()
    return wati


def test_the_request_queues_the_screening_and_the_worker_flags_and_mails(
    client, officer, settings, django_capture_on_commit_callbacks
):
    file_report(client)
    first = Submission.objects.get()
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        assert file_report(client).status_code == 302
    second = Submission.objects.latest("pk")
    assert second.duplicate == "" and mail.outbox == []  # the receipt came first
    (queued,) = DBTaskResult.objects.filter(task_path=screen_submission.module_path)
    assert queued.args_kwargs["args"] == [second.pk]

    screen_submission.call(second.pk)  # what the worker runs
    second.refresh_from_db()
    assert (second.duplicate_of, second.duplicate) == (first, "suspected")
    assert [m.to for m in mail.outbox] == [["wati@bawaslu.go.id"]]


def test_a_screening_run_again_flags_once(client, officer):
    file_report(client)
    file_report(client)
    second = Submission.objects.latest("pk")
    for _ in range(2):
        screen_submission.call(second.pk)
    assert AuditEntry.objects.filter(action="report.duplicate_suspected").count() == 1
    assert len(mail.outbox) == 1  # the officers are told once
    second.refresh_from_db()
    assert second.duplicate == "suspected"


def test_an_earlier_report_is_never_the_duplicate_of_a_later_one(client, officer):
    file_report(client)
    file_report(client)
    first = Submission.objects.earliest("pk")
    screen_submission.call(first.pk)  # screened late, after the second arrived
    first.refresh_from_db()
    assert first.duplicate_of is None
