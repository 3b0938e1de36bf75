from django_tasks import task


@task()
def run_roster_import(job_id):
    from .actions import run_queued_import

    run_queued_import(job_id)
