"""A task whose worker was killed (kill -9) while running it is queued again once the worker's
lease has passed, and done by the next worker; after too many tries it fails, never stuck."""

from datetime import timedelta
from unittest import mock

from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from netra.people.actions import queue_roster_import
from netra.worker.models import Heartbeat
from netra.worker.runner import beat, recover_abandoned_tasks

from .tasks import batch_worker as worker
from .tasks import remember


def running_task(worker_ids, started_minutes_ago=5):
    """The rows a kill -9 leaves behind: the task claimed and RUNNING, its worker gone."""
    result = remember.enqueue("hello")
    started = timezone.now() - timedelta(minutes=started_minutes_ago)
    DBTaskResult.objects.filter(pk=result.id).update(
        status="RUNNING", started_at=started, worker_ids=worker_ids
    )
    return DBTaskResult.objects.get(pk=result.id)


def test_it_queues_again_a_task_whose_worker_stopped_beating(db, db_tasks):
    task = running_task(["killed-worker"])
    beat(
        "killed-worker",
        timezone.now() - timedelta(minutes=10),
        now=timezone.now() - timedelta(minutes=5),
    )

    assert recover_abandoned_tasks() == {"requeued": 1, "failed": 0}
    worker(worker_id="next-worker").run()

    task.refresh_from_db()
    assert task.status == "SUCCESSFUL"
    assert task.return_value == "hello"
    assert task.worker_ids == ["killed-worker", "next-worker"]


def test_it_leaves_alone_a_task_whose_worker_still_beats(db, db_tasks):
    task = running_task(["busy-worker"])
    beat("busy-worker", timezone.now() - timedelta(minutes=10))

    assert recover_abandoned_tasks() == {"requeued": 0, "failed": 0}
    task.refresh_from_db()
    assert task.status == "RUNNING"


def test_a_task_that_lost_its_worker_too_often_fails_with_a_reason(db, db_tasks, settings):
    settings.NETRA_TASK_MAX_ATTEMPTS = 3
    task = running_task(["first", "second", "third"])

    assert recover_abandoned_tasks() == {"requeued": 0, "failed": 1}
    task.refresh_from_db()
    assert task.status == "FAILED"
    assert "stopped while running this task 3 times" in task.traceback


def test_two_workers_recovering_at_once_queue_the_task_once(db, db_tasks):
    running_task(["killed-worker"])
    assert recover_abandoned_tasks()["requeued"] == 1
    assert recover_abandoned_tasks()["requeued"] == 0
    assert Heartbeat.objects.count() == 0


def test_a_roster_import_given_up_shows_as_failed_and_its_upload_is_removed(
    db, db_tasks, settings, fajar, region
):
    settings.NETRA_TASK_MAX_ATTEMPTS = 1
    with mock.patch("django.db.transaction.on_commit", lambda queue: queue()):
        job = queue_roster_import(
            fajar, region("35.09"), SimpleUploadedFile("pegawai.csv", b"NIP,Nama\n"), False
        )
    DBTaskResult.objects.update(
        status="RUNNING",
        worker_ids=["killed-worker"],
        started_at=timezone.now() - timedelta(minutes=5),
    )

    assert recover_abandoned_tasks()["failed"] == 1
    job.refresh_from_db()
    assert job.status == "failed" and job.finished_at is not None
    assert not default_storage.exists(job.stored_file)
