"""The worker's periodic round: every job, how often it runs, and what it does.

Each job runs in one worker only (see netra/worker/periodic.py). Jobs whose interval is 0 run
in every round because they claim each item they touch themselves."""

from datetime import timedelta

from django.conf import settings

from netra.cases.actions import send_reminders
from netra.monitoring.actions import poll_feeds
from netra.sanctions.actions import mark_ppk_overdue
from netra.worker.periodic import Job, run_due


def jobs():
    deadlines = timedelta(seconds=settings.NETRA_TICK_SECONDS)
    return [
        # Recommendations past the PPK period go overdue (optimistic locking on each case).
        Job("ppk_overdue", deadlines, mark_ppk_overdue),
        # Officers hear of tomorrow's deadlines, once per deadline (each case claimed first).
        Job("reminders", deadlines, send_reminders),
        # News feeds due for reading are read (each feed claimed first).
        Job("feed_texts", timedelta(0), poll_feeds),
    ]


def tick(worker_id=""):
    """Run the jobs that are due and that this worker wins; name -> result of each."""
    return run_due(jobs(), worker_id)
