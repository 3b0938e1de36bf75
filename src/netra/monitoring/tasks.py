from django_tasks import task

from .actions import ingest_stored


@task()
def ingest_stored_file(source_id, stored_name, actor_id):
    """The worker's side of a file import: read, classify, group and flag, then forget the
    file."""
    ingest_stored(source_id, stored_name, actor_id)
