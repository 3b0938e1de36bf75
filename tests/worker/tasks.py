"""Tasks the worker tests enqueue."""

from django.db.utils import OperationalError
from django_tasks import task


@task()
def remember(value):
    return value


@task()
def meet_a_locked_database():
    raise OperationalError("database is locked")
