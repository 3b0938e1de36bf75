from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from netra.cases import actions
from netra.cases.models import Case
from netra.reports.models import Submission
from netra.sanctions.actions import mark_ppk_overdue

from ..reports.helpers import file_report


@pytest.fixture
def case(client, client_for, alice, reference):
    alice.email = "alice@bawaslu.go.id"
    alice.save()
    file_report(client)
    client_for(alice).post(f"/laporan/{Submission.objects.get().pk}/buka-kasus/")
    return Case.objects.get()


def test_a_recommendation_gets_the_ppk_period_and_goes_overdue_after_it(
    case, alice, gita, settings, walk_case
):
    settings.NETRA_PPK_PERIOD_DAYS = 10
    case = walk_case(case, "recommended", officer=alice, bkn=gita)
    case.refresh_from_db()
    assert (case.due_at.date() - timezone.localdate()).days in (10, 11)  # local zone vs server
    assert mark_ppk_overdue() == 0
    assert mark_ppk_overdue(now=case.due_at + timedelta(seconds=1)) == 1
    case.refresh_from_db()
    assert case.state == "ppk_overdue"
    assert case.events.last().actor is None  # done by the system


def test_the_assigned_officer_is_reminded_once_the_day_before(case, alice, walk_case):
    case = walk_case(case, "initial_study", officer=alice)
    day_before = case.due_at - timedelta(hours=20)
    assert actions.send_reminders(now=day_before) == 1
    assert actions.send_reminders(now=day_before) == 0
    assert mail.outbox[0].to == ["alice@bawaslu.go.id"]
    assert str(case) in mail.outbox[0].subject
    assert actions.send_reminders(now=case.due_at - timedelta(days=2)) == 0
