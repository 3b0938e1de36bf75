"""Tasks the worker tests enqueue."""

from django.db.utils import OperationalError
from django_tasks import task

from netra.worker.runner import NetraWorker


@task()
def remember(value):
    return value


@task()
def meet_a_locked_database():
    raise OperationalError("database is locked")


def batch_worker(**options):
    """A worker that runs what is queued, then returns (worker id "w1" unless given)."""
    defaults = dict(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="w1",
        excluded_queue_names=[],
    )
    return NetraWorker(**{**defaults, **options})
