"""The demo files public reports through the real public action, in the demo election, over
the last days; one reporter has a question waiting, and the receipt codes are printed so the
status page can be tried (before: the demo had no public report at all)."""

from django.utils import timezone

from netra.demo import load_demo
from netra.reports import actions
from netra.reports.models import Submission


def test_the_demo_queues_public_reports_with_printed_receipt_codes(reference):
    lines = load_demo(employees=200, cases_per_state=1)
    submissions = Submission.objects.all()
    assert submissions.count() == 5
    assert {s.election.code for s in submissions} == {"demo-pilkada"}
    assert all(s.submitted_at < timezone.now() for s in submissions)
    assert submissions.filter(status=Submission.Status.NEEDS_INFORMATION).count() == 1
    codes = [line.rsplit("kode tanda terima ", 1)[1] for line in lines if "tanda terima" in line]
    assert len(codes) == 5
    found = {actions.find_by_receipt(code, client_ip="192.0.2.200") for code in codes}
    assert found == set(submissions)
