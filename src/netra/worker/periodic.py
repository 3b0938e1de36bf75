"""Periodic jobs that stay single when several workers run the round.

A job runs only in the worker that wins its claim: a conditional UPDATE that moves the job's
next run forward and touches one row. The loser sees 0 rows and skips. Jobs that work on many
items (reminders, feeds) also claim each item, so a job whose interval is 0 (every round) is
still safe to run in several workers at once.
"""

import logging
import traceback
from dataclasses import dataclass
from datetime import timedelta
from typing import Callable

from django.db import IntegrityError, transaction
from django.db.utils import DatabaseError
from django.utils import timezone

from .models import PeriodicJob

logger = logging.getLogger("netra.worker")


@dataclass(frozen=True)
class Job:
    name: str
    every: timedelta
    run: Callable[[], object]


def claim(name, every, worker_id="", now=None):
    """True if this caller won the job's run due now; False if it is not due or another won."""
    now = now or timezone.now()
    try:
        with transaction.atomic():
            PeriodicJob.objects.get_or_create(name=name, defaults={"next_run_at": now})
    except IntegrityError:
        pass  # another worker created the row at the same moment: the update decides
    won = PeriodicJob.objects.filter(name=name, next_run_at__lte=now).update(
        next_run_at=now + every, last_started_at=now, last_worker_id=worker_id[:64]
    )
    return won == 1


def _finish(name, error=""):
    PeriodicJob.objects.filter(name=name).update(
        last_finished_at=timezone.now(), last_error=error[:10000]
    )


def run_due(jobs, worker_id="", now=None):
    """Run every job of JOBS that is due and whose claim this worker wins; a failing job is
    logged and recorded on its row, and never stops the others. Returns name -> result of the
    jobs that ran here."""
    results = {}
    for job in jobs:
        try:
            if not claim(job.name, job.every, worker_id, now):
                continue
        except DatabaseError as error:
            logger.warning("periodic job %s not claimed: %s", job.name, error)
            continue
        try:
            results[job.name] = job.run()
        except Exception as error:  # one job's failure must not stop the round
            logger.error("periodic job %s failed: %s", job.name, error)
            try:
                _finish(job.name, "".join(traceback.format_exception(error)))
            except DatabaseError:
                pass
            continue
        try:
            _finish(job.name)
        except DatabaseError:
            pass
    return results
