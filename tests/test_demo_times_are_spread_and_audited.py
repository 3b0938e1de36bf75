"""The demo's cases were received over weeks, at every time of day, and moved on at their own
moments, all written by the real actions so that the audit chain verifies and its times only go
forward (before: all 288 cases carried the same minute)."""

from django.utils import timezone

from netra.audit.log import verify_chain
from netra.audit.models import AuditEntry
from netra.cases.models import Case, CaseEvent
from netra.demo import load_demo


def test_the_demo_cases_are_received_over_weeks_at_many_times_of_day(reference):
    load_demo(employees=200, cases_per_state=3)
    now = timezone.now()
    received = list(Case.objects.values_list("received_at", flat=True))
    assert len(received) == 48 and max(received) < now
    assert len({r.replace(second=0, microsecond=0) for r in received}) >= 45
    assert len({timezone.localtime(r).date() for r in received}) >= 15
    assert len({timezone.localtime(r).hour for r in received}) >= 12
    assert (now - min(received)).days >= 21
    # Each case's timeline is in order and has more than one moment.
    for case in Case.objects.filter(events__kind="transition").distinct()[:10]:
        moments = list(
            CaseEvent.objects.filter(case=case).order_by("pk").values_list("at", flat=True)
        )
        assert moments == sorted(moments) and moments[-1] > moments[0]


def test_the_audit_chain_of_the_demo_verifies_and_its_times_go_forward(reference):
    load_demo(employees=200, cases_per_state=2)
    assert verify_chain() is None
    times = list(AuditEntry.objects.order_by("pk").values_list("at", flat=True))
    assert len(times) > 100 and times == sorted(times)
