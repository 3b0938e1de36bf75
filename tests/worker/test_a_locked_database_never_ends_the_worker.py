"""A locked database (SQLite beside `netra demo`) makes a task wait and retry; it never ends
the worker."""

from unittest import mock

from django.db.utils import OperationalError
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from netra.worker.runner import NetraWorker

from .tasks import batch_worker as worker
from .tasks import meet_a_locked_database, remember


def test_a_task_that_meets_a_locked_database_is_queued_again_for_later(db, db_tasks):
    result = meet_a_locked_database.enqueue()
    worker().run()

    row = DBTaskResult.objects.get(pk=result.id)
    assert row.status == "READY"
    assert row.run_after > timezone.now()


def test_after_its_last_attempt_such_a_task_fails_instead(db, db_tasks, settings):
    settings.NETRA_TASK_MAX_ATTEMPTS = 1
    result = meet_a_locked_database.enqueue()
    worker().run()
    assert DBTaskResult.objects.get(pk=result.id).status == "FAILED"


def test_the_worker_waits_out_a_locked_database_when_claiming(db, db_tasks):
    result = remember.enqueue("still here")
    real_claim = NetraWorker.claim_next
    calls = []

    def locked_twice(self):
        calls.append(1)
        if len(calls) <= 2:
            raise OperationalError("database is locked")
        return real_claim(self)

    with (
        mock.patch.object(NetraWorker, "claim_next", locked_twice),
        mock.patch("netra.worker.runner.time.sleep"),
    ):
        worker().run()
    assert DBTaskResult.objects.get(pk=result.id).status == "SUCCESSFUL"


def test_a_result_is_recorded_once_the_database_takes_it(db, db_tasks):
    result = remember.enqueue("done")
    real = DBTaskResult.set_successful
    calls = []

    def locked_once(self, value):
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError("database is locked")
        return real(self, value)

    with (
        mock.patch.object(DBTaskResult, "set_successful", locked_once),
        mock.patch("netra.worker.runner.time.sleep"),
    ):
        worker().run()
    assert DBTaskResult.objects.get(pk=result.id).status == "SUCCESSFUL"
