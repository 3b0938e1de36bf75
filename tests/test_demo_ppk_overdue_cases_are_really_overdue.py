"""The demo's "PPK overdue" cases are past the PPK's period, and the cases still awaiting a
decree are not (before: every recommendation was issued at load time, so the 18 overdue cases
showed a period ending ten days in the future)."""

from django.utils import timezone

from netra.cases import workflow as wf
from netra.cases.models import Case
from netra.demo import load_demo
from netra.sanctions.models import Recommendation


def test_the_demo_ppk_overdue_cases_have_their_deadline_in_the_past(reference):
    load_demo(employees=200, cases_per_state=3)
    now = timezone.now()
    overdue = Case.objects.filter(state=wf.PPK_OVERDUE)
    assert overdue.count() == 3
    for case in overdue:
        assert case.due_at is None or case.due_at < now
        recommendations = list(case.recommendations.all())
        assert recommendations and all(r.due_at < now for r in recommendations)
    waiting = Recommendation.objects.filter(case__state=wf.RECOMMENDED)
    assert waiting.exists() and all(r.due_at > now for r in waiting)
