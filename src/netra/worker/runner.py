"""The worker process: runs queued tasks under a lease, beats its heartbeat, runs the round.

django-tasks-db marks a task RUNNING when a worker claims it and has no notion of a worker that
died: after a kill -9 the task stays RUNNING forever. Here every worker beats a heartbeat row;
a RUNNING task whose worker has not beaten within the lease goes back to the queue (or fails,
after NETRA_TASK_MAX_ATTEMPTS claims). A locked or unreachable database never ends the worker:
the claim waits and tries again, a task that met a locked database is queued again with a
delay, and its result is written with patience.
"""

import logging
import os
import socket
import threading
import time
from datetime import timedelta
from functools import partial
from pathlib import Path

from django.conf import settings
from django.db import close_old_connections, connection
from django.db.utils import DatabaseError, OperationalError
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

from .lost import task_given_up
from .models import Heartbeat
from .periodic import run_due

logger = logging.getLogger("netra.worker")

RUNNING, READY, FAILED = "RUNNING", "READY", "FAILED"
BATCH_CLAIM_TRIES = 5


class WorkerLost(Exception):
    """Recorded as the error of a task whose worker stopped while running it too often."""


def lease():
    return timedelta(seconds=settings.NETRA_WORKER_LEASE_SECONDS)


def beat(worker_id, started_at, now=None):
    now = now or timezone.now()
    updated = Heartbeat.objects.filter(worker_id=worker_id).update(beat_at=now)
    if not updated:
        Heartbeat.objects.create(
            worker_id=worker_id,
            host=socket.gethostname()[:255],
            pid=os.getpid(),
            started_at=started_at,
            beat_at=now,
        )


def recover_abandoned_tasks(now=None):
    """Queue again every RUNNING task whose worker's heartbeat is older than the lease; a task
    already claimed NETRA_TASK_MAX_ATTEMPTS times fails instead. Safe in several workers at
    once: each change is a conditional update on the row as it was read."""
    now = now or timezone.now()
    cutoff = now - lease()
    alive = set(Heartbeat.objects.filter(beat_at__gte=cutoff).values_list("worker_id", flat=True))
    requeued = failed = 0
    for task in DBTaskResult.objects.filter(status=RUNNING, started_at__lt=cutoff).only(
        "id", "worker_ids", "started_at", "task_path", "args_kwargs"
    ):
        holder = task.worker_ids[-1] if task.worker_ids else None
        if holder in alive:
            continue
        same_claim = DBTaskResult.objects.filter(
            pk=task.pk, status=RUNNING, started_at=task.started_at
        )
        if len(task.worker_ids) >= settings.NETRA_TASK_MAX_ATTEMPTS:
            gave_up = same_claim.update(
                status=FAILED,
                finished_at=now,
                exception_class_path=f"{WorkerLost.__module__}.{WorkerLost.__qualname__}",
                traceback=f"The worker stopped while running this task "
                f"{len(task.worker_ids)} times; it is not tried again.",
            )
            if gave_up:
                task_given_up(task.task_path, task.args_kwargs)
            failed += gave_up
        else:
            requeued += same_claim.update(status=READY, run_after=now)
    if requeued or failed:
        logger.warning("tasks of stopped workers: %d queued again, %d failed", requeued, failed)
    return {"requeued": requeued, "failed": failed}


def refresh_connections():
    """Drop broken or too-old database connections between tasks, as Django does between
    requests; never inside a transaction (closing there would break it, as in tests that wrap
    each test in one)."""
    if not connection.in_atomic_block:
        close_old_connections()


def _patiently(write, what, give_up_after=300.0):
    """Run WRITE until the database takes it; a locked database is waited out."""
    delay, waited = 0.1, 0.0
    while True:
        try:
            return write()
        except DatabaseError as error:
            if waited >= give_up_after:
                # The task stays RUNNING; its lease hands it to a worker that can write.
                logger.error("could not record %s: %s", what, error)
                return None
            logger.warning("recording %s waits for the database: %s", what, error)
            refresh_connections()
            time.sleep(delay)
            waited += delay
            delay = min(delay * 2, 5.0)


class NetraWorker(Worker):
    """django-tasks-db's worker with leases, retries on a locked database, a heartbeat and
    the periodic round beside it."""

    def __init__(self, *, round_jobs=None, **kwargs):
        super().__init__(**kwargs)
        self.started_at = timezone.now()
        self.round_jobs = round_jobs
        self._idle_delay = self.interval

    # The main loop -------------------------------------------------------------------------
    def claim_next(self):
        tasks = DBTaskResult.objects.ready().filter(backend_name=self.backend_name)
        if not self.process_all_queues:
            tasks = tasks.filter(queue_name__in=self.queue_names)
        with exclusive_transaction(tasks.db):
            task = tasks.get_locked()
            if task is not None:
                task.claim(self.worker_id)
        return task

    def run(self):
        logger.info("worker %s started", self.worker_id)
        backoff, failures = 0.5, 0
        while self.running:
            refresh_connections()
            try:
                task = self.claim_next()
                backoff, failures = 0.5, 0
            except DatabaseError as error:
                # Locked (SQLite beside a big write) or unreachable (PostgreSQL restarting):
                # wait and try again; a long-running worker never exits for it, a batch run
                # (one-off, nobody restarts it) gives up after a few tries.
                failures += 1
                if self.batch and failures > BATCH_CLAIM_TRIES:
                    raise
                logger.warning("worker %s cannot claim a task yet: %s", self.worker_id, error)
                refresh_connections()
                time.sleep(backoff)
                backoff = min(backoff * 2, 30.0)
                continue
            if task is not None:
                self.run_task(task)
            elif self.batch:
                return
            if self.max_tasks is not None and self._run_tasks >= self.max_tasks:
                return
            refresh_connections()
            if self.running and task is None:
                time.sleep(self.interval)

    def run_task(self, db_task):
        self.running_task = True
        try:
            try:
                task = db_task.task
                result = db_task.task_result
                value = task.call(*result.args, **result.kwargs)
            except OperationalError as error:
                if (
                    is_locked_database_exception(error)
                    and len(db_task.worker_ids) < settings.NETRA_TASK_MAX_ATTEMPTS
                ):
                    self._retry_later(db_task, error)
                else:
                    _patiently(partial(db_task.set_failed, error), f"task {db_task.pk} failed")
            except Exception as error:
                _patiently(partial(db_task.set_failed, error), f"task {db_task.pk} failed")
            else:
                _patiently(partial(db_task.set_successful, value), f"task {db_task.pk} done")
        finally:
            self.running_task = False
            self._run_tasks += 1

    def _retry_later(self, db_task, error):
        delay = timedelta(seconds=2 ** len(db_task.worker_ids))
        logger.warning(
            "task %s met a locked database; tried again in %s s", db_task.pk, delay.seconds
        )
        _patiently(
            lambda: DBTaskResult.objects.filter(pk=db_task.pk, status=RUNNING).update(
                status=READY, run_after=timezone.now() + delay
            ),
            f"task {db_task.pk} retry",
        )

    # Beside the main loop ------------------------------------------------------------------
    def start_background(self):
        """The heartbeat (with lease recovery) and the periodic round, each in its own daemon
        thread with its own database connection; neither may end the worker."""
        self._background("netra-heartbeat", settings.NETRA_WORKER_BEAT_SECONDS, self._heartbeat)
        if self.round_jobs is not None:
            self._background("netra-round", settings.NETRA_ROUND_SECONDS, self._round)

    def _heartbeat(self):
        # First the supervisor's beat file (a worker waiting on a locked database still lives),
        # then the row that /healthz and the leases read.
        beat_file = os.environ.get("NETRA_WORKER_BEAT_FILE")
        if beat_file:
            Path(beat_file).touch()
        beat(self.worker_id, self.started_at)
        recover_abandoned_tasks()

    def _round(self):
        run_due(self.round_jobs(), self.worker_id)

    def _background(self, name, seconds, work):
        def loop():
            while True:
                try:
                    work()
                except Exception as error:  # logged, and tried again next time
                    logger.error("%s failed: %s", name, error)
                finally:
                    refresh_connections()
                time.sleep(seconds)

        threading.Thread(target=loop, name=name, daemon=True).start()
