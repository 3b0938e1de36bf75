"""An ended report for the retention tests: filed through the public form, opened as a case by
alice, not registered (late) and closed, through the real actions."""

from datetime import timedelta

from django.utils import timezone

from netra.cases import actions
from netra.cases import workflow as wf
from netra.cases.models import Case
from netra.reports.models import Submission

from ..reports.helpers import file_report


def ended_case(client, officer, files=(), **report):
    file_report(client, files=files, **report)
    submission = Submission.objects.order_by("-pk").first()
    case = actions.open_case_from_submission(officer, submission)
    case = actions.transition(officer, case, wf.INITIAL_STUDY, version=case.version)
    case = actions.transition(
        officer, case, wf.NOT_REGISTERED, version=case.version, reason="Laporan kedaluwarsa."
    )
    case = actions.transition(officer, case, wf.CLOSED, version=case.version)
    return Case.objects.get(pk=case.pk)


def days_later(days):
    return timezone.now() + timedelta(days=days)
