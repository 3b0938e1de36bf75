"""The screening task is queued after the commit: a web process killed between the two leaves
a stored submission with no task. The worker's round screens such submissions once their
task is overdue (SCREENING_GRACE): the duplicate flag and the officers' e-mail still come,
once each."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from netra.reports.actions import SCREENING_GRACE, screen_left_over
from netra.reports.models import Submission
from netra.reports.tasks import screen_submission
from netra.rounds import jobs

from .helpers import file_report

pytestmark = pytest.mark.django_db


def test_a_submission_left_without_its_task_is_flagged_and_mailed_by_the_round(make_user, client):
    officer = make_user("wati", "bawaslu_regency", ["35.09"])
    officer.email = "wati@bawaslu.go.id"
    officer.save()
    # A test drops what was to run after the commit: as a kill -9 right after it would.
    file_report(client)
    file_report(client)
    first, second = Submission.objects.order_by("pk")
    assert (second.screened_at, second.duplicate, mail.outbox) == (None, "", [])

    assert screen_left_over() == 0  # its task may still be on its way
    later = timezone.now() + SCREENING_GRACE + timedelta(seconds=1)
    assert screen_left_over(now=later) == 2
    second.refresh_from_db()
    assert (second.duplicate_of, second.duplicate) == (first, "suspected")
    assert second.screened_at is not None
    assert [m.to for m in mail.outbox] == [["wati@bawaslu.go.id"]] * 2

    # Once: neither the round again nor a late task screens or mails a second time.
    assert screen_left_over(now=later) == 0
    assert screen_submission.call(second.pk) is False
    assert len(mail.outbox) == 2


def test_the_round_has_the_job():
    assert "unscreened_submissions" in {job.name for job in jobs()}
