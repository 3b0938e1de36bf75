"""The worker's periodic round: every job, how often it runs, and what it does.

Each job runs in one worker only (see netra/worker/periodic.py). Jobs whose interval is 0 run
in every round because they claim each item they touch themselves."""

from datetime import timedelta

from django.conf import settings

from netra.accounts.throttle import purge_expired as purge_expired_attempts
from netra.audit.log import checkpoint_if_due
from netra.cases.actions import send_reminders
from netra.insights.refresh import refresh as refresh_insights
from netra.monitoring.actions import poll_feeds
from netra.privacy.actions import apply_retention
from netra.reports.actions import screen_left_over
from netra.reports.orphans import sweep_orphan_files
from netra.reports.staging import purge_expired as purge_staged_evidence
from netra.risk.digest import send_digests as send_risk_digests
from netra.risk.refresh import recompute_active as recompute_risk
from netra.risk.report import make_monthly_reports as make_risk_reports
from netra.sanctions.actions import mark_ppk_overdue
from netra.web.sessions import purge_expired_sessions
from netra.worker.periodic import Job, run_due

HOUR = timedelta(hours=1)
# The risk reads the summaries, outreach and flags; at national scale a recompute takes
# seconds, and a region's risk moves over days, not minutes.
RISK_EVERY = timedelta(minutes=15)
# Periods count in days: four runs a day keep erasure within hours of its date, and each run's
# audit entries stay few.
RETENTION_EVERY = timedelta(hours=6)


def _checkpoint():
    checkpoint = checkpoint_if_due()
    return checkpoint.seq if checkpoint is not None else None


def _sweep():
    return len(sweep_orphan_files())


def jobs():
    deadlines = timedelta(seconds=settings.NETRA_TICK_SECONDS)
    return [
        # Recommendations past the PPK period go overdue (optimistic locking on each case).
        Job("ppk_overdue", deadlines, mark_ppk_overdue),
        # Officers hear of tomorrow's deadlines, once per deadline (each case claimed first).
        Job("reminders", deadlines, send_reminders),
        # News feeds due for reading are read (each feed claimed first).
        Job("feed_texts", timedelta(0), poll_feeds),
        # The audit log's signed head goes outside the database (daily by default, see
        # NETRA_AUDIT_CHECKPOINT_HOURS), so that cutting the log's tail is caught by verify.
        Job("audit_checkpoint", HOUR, _checkpoint),
        # Nothing a session held (a sealed receipt code) outlives the session.
        Job("expired_sessions", HOUR, purge_expired_sessions),
        Job("expired_attempts", HOUR, purge_expired_attempts),
        # Files written before a crash, that no committed row references.
        Job("orphan_files", HOUR, _sweep),
        # The statistics' summaries catch up with the audit entries written since their last
        # refresh (the refresh itself locks its mark row: two never interleave).
        Job("insights", deadlines, refresh_insights),
        # Each region's risk, from the summaries just refreshed (one upsert per election).
        Job("risk", RISK_EVERY, recompute_risk),
        # Each office's weekly digest to its officers, from Monday 07:00 (each region and week
        # claimed first: never sent twice).
        Job("risk_digests", HOUR, send_risk_digests),
        # Last month's periodic report of each region with activity, a few minutes of PDFs a
        # run until all are drawn (each region and month claimed first).
        Job("risk_reports", timedelta(minutes=10), make_risk_reports),
        # Personal data past its retention period (docs/privacy.md) is erased, blanked or
        # deleted, never under a legal hold; each thing claimed first (privacy/actions.py).
        Job("retention", RETENTION_EVERY, apply_retention),
        # Evidence kept for a report form with an error, past its 30 minutes.
        Job("staged_evidence", timedelta(minutes=10), purge_staged_evidence),
        # Public submissions whose screening task was lost (a process killed right after
        # the commit): the duplicate search and the officers' e-mail (each claimed first).
        Job("unscreened_submissions", timedelta(minutes=1), screen_left_over),
    ]


def tick(worker_id=""):
    """Run the jobs that are due and that this worker wins; name -> result of each."""
    return run_due(jobs(), worker_id)
