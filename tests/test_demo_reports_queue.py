"""The demo files public reports through the real public action, in the demo election, over
the last days; one reporter has a question waiting, and the receipt codes are printed so the
status page can be tried (before: the demo had no public report at all). Kalisat's district
supervisor has studied one report of her district and handed it over to the regency office."""

from django.utils import timezone

from netra.demo import load_demo
from netra.demo_reports import REPORTS
from netra.reports import actions
from netra.reports.models import Submission


def test_the_demo_queues_public_reports_with_printed_receipt_codes(reference):
    lines = load_demo(employees=200, cases_per_state=1)
    submissions = Submission.objects.all()
    assert submissions.count() == len(REPORTS) == 7
    assert {s.election.code for s in submissions} == {"demo-pilkada"}
    assert all(s.submitted_at < timezone.now() for s in submissions)
    assert submissions.filter(status=Submission.Status.NEEDS_INFORMATION).count() == 1
    codes = [line.rsplit("kode tanda terima ", 1)[1] for line in lines if "tanda terima" in line]
    assert len(codes) == 7
    found = {actions.find_by_receipt(code, client_ip="192.0.2.200") for code in codes}
    assert found == set(submissions)


def test_kalisats_district_supervisor_has_handed_one_of_its_reports_over(reference):
    load_demo(employees=100, cases_per_state=1)
    kalisat = Submission.objects.filter(district__code="35.09.27")
    assert kalisat.count() == 3
    handed = kalisat.exclude(handed_over_at=None).get()
    assert handed.handed_over_by.username == "wulan" and handed.study_note
    assert handed.status == Submission.Status.IN_REVIEW
    assert handed.handed_over_at > handed.submitted_at
