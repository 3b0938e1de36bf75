"""The worker's round sends the weekly digests after the risk is recomputed, and draws last
month's periodic reports; both jobs are claimed first, so a second worker in the same period
runs neither (and each digest and report is claimed again on its own)."""

from datetime import timedelta

from django.core import mail
from django.utils import timezone

from netra.risk.models import PeriodicReport, RiskDigest
from netra.rounds import jobs, tick
from netra.worker.periodic import run_due

from .digest_data import case_fact, with_address
from .risk_data import election, ikp


def test_the_digest_and_report_jobs_follow_the_risk_job():
    names = [job.name for job in jobs()]
    assert names.index("risk_digests") == names.index("risk") + 1
    assert names.index("risk_reports") == names.index("risk") + 2


def test_a_round_sends_the_digests_and_draws_the_reports_once(alice, admin, settings, tmp_path):
    settings.NETRA_AUDIT_CHECKPOINT_DIR = tmp_path / "checkpoints"
    ikp(admin, [("35.09", "61", "tinggi")])
    tick("w0")  # the statistics' first (full) refresh; nobody to write to yet
    with_address(alice)
    last_month = timezone.localdate().replace(day=1) - timedelta(days=3)
    case_fact(
        election(),
        "35.09",
        timezone.make_aware(timezone.datetime.combine(last_month, timezone.datetime.min.time())),
    )

    later = timezone.now() + timedelta(hours=2)
    first = run_due(jobs(), "w1", later)

    assert first["risk_digests"] == 1
    assert [message.to for message in mail.outbox] == [["alice@bawaslu.go.id"]]
    assert "Skor risiko: 61" in mail.outbox[0].body
    assert first["risk_reports"] == 2  # Jember and its province
    second = run_due(jobs(), "w2", later + timedelta(minutes=1))
    assert "risk_digests" not in second and "risk_reports" not in second
    assert RiskDigest.objects.count() == 1 and PeriodicReport.objects.count() == 2
