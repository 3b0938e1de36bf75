"""The demo puts social-media posts into the monitoring queue, some flagged for triage in the
regions of the demo accounts (before: the demo had no monitoring posts at all)."""

from django.utils import timezone

from netra.demo import load_demo
from netra.monitoring.models import Flag, Text


def test_the_demo_queues_monitoring_posts_with_open_flags(reference):
    load_demo(employees=200, cases_per_state=1)
    assert Text.objects.count() >= 10
    open_flags = Flag.objects.filter(status=Flag.Status.OPEN)
    assert open_flags.count() >= 4
    assert {f.region.code for f in open_flags} == {"35.09", "15.71"}
    assert open_flags.filter(employee__isnull=False).exists()
    assert max(Text.objects.values_list("received_at", flat=True)) < timezone.now()
    assert Text.objects.filter(duplicate_of__isnull=False).exists()
