"""Every periodic job claims its work before acting, so several workers never do it twice."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.utils import timezone

from netra.cases import actions
from netra.cases.models import Case
from netra.worker.models import PeriodicJob
from netra.worker.periodic import Job, claim, run_due


def test_only_the_first_worker_wins_a_due_job(db):
    now = timezone.now()
    assert claim("checkpoint", timedelta(days=1), "w1", now) is True
    assert claim("checkpoint", timedelta(days=1), "w2", now) is False
    assert claim("checkpoint", timedelta(days=1), "w3", now + timedelta(hours=23)) is False
    assert claim("checkpoint", timedelta(days=1), "w2", now + timedelta(days=1)) is True
    assert PeriodicJob.objects.get().last_worker_id == "w2"


def test_a_failing_job_is_recorded_and_the_others_still_run(db):
    def broken():
        raise RuntimeError("feed server down")

    results = run_due(
        [Job("broken", timedelta(minutes=5), broken), Job("fine", timedelta(minutes=5), lambda: 7)],
        "w1",
    )
    assert results == {"fine": 7}
    assert "feed server down" in PeriodicJob.objects.get(name="broken").last_error
    assert PeriodicJob.objects.get(name="fine").last_finished_at is not None


@pytest.fixture
def cases_due_tomorrow(reported_case, alice, employee_factory, client, client_for):
    from netra.reports.models import Submission

    from ..reports.helpers import file_report

    alice.email = "alice@bawaslu.go.id"
    alice.save()
    for _ in range(2):
        file_report(client)
    for submission in Submission.objects.filter(case__isnull=True):
        client_for(alice).post(f"/laporan/{submission.pk}/buka-kasus/")
    due = timezone.now() + timedelta(hours=20)
    Case.objects.update(due_at=due, assigned_to=alice, reminded_for=None)
    return list(Case.objects.all())


def test_three_workers_in_the_same_round_send_each_reminder_once(cases_due_tomorrow):
    """Workers 2 and 3 run their round while worker 1 is sending its first reminder, all three
    having read the same list of due cases."""
    real_send = actions._send_reminder
    others_ran = []

    def send_then_let_the_others_run(case, officer):
        real_send(case, officer)
        if not others_ran:
            others_ran.append(True)
            actions.send_reminders()
            actions.send_reminders()

    with mock.patch.object(actions, "_send_reminder", send_then_let_the_others_run):
        actions.send_reminders()

    assert len(cases_due_tomorrow) >= 2
    subjects = [message.subject for message in mail.outbox]
    assert len(subjects) == len(cases_due_tomorrow)
    assert len(set(subjects)) == len(subjects)


def test_a_reminder_that_could_not_be_sent_is_tried_again_next_round(cases_due_tomorrow):
    with mock.patch.object(actions, "_send_reminder", side_effect=ConnectionError("smtp down")):
        with pytest.raises(ConnectionError):
            actions.send_reminders()
    assert actions.send_reminders() == len(cases_due_tomorrow)
