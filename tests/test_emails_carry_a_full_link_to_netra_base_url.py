"""E-mails used to carry a bare path ("/kasus/7/"), which no mail reader can open: every link
in a message is now built on NETRA_BASE_URL."""

from datetime import timedelta

from django.core import mail

from netra.cases import actions
from netra.cases.models import Case
from netra.reports.models import Submission

from .reports.helpers import file_report


def test_the_new_submission_mail_links_to_the_submission_on_the_base_url(
    make_user, client, settings, django_capture_on_commit_callbacks
):
    settings.NETRA_BASE_URL = "https://netra.bawaslu.example"
    officer = make_user("wati", "bawaslu_regency", ["35.09"])
    officer.email = "wati@bawaslu.go.id"
    officer.save()
    with django_capture_on_commit_callbacks(execute=True):
        file_report(client)
    submission = Submission.objects.get()
    assert f"https://netra.bawaslu.example/laporan/{submission.pk}/" in mail.outbox[0].body


def test_the_deadline_reminder_links_to_the_case_on_the_base_url(
    client, client_for, alice, reference, settings, walk_case
):
    settings.NETRA_BASE_URL = "https://netra.bawaslu.example"
    alice.email = "alice@bawaslu.go.id"
    alice.save()
    file_report(client)
    client_for(alice).post(f"/laporan/{Submission.objects.get().pk}/buka-kasus/")
    case = walk_case(Case.objects.get(), "initial_study", officer=alice)
    assert actions.send_reminders(now=case.due_at - timedelta(hours=20)) == 1
    assert f"https://netra.bawaslu.example/kasus/{case.pk}/" in mail.outbox[-1].body
