from django_tasks import task

from netra.worker.lost import when_lost

from .actions import give_up_import, run_queued_import


@task()
def run_roster_import(job_id):
    run_queued_import(job_id)


@when_lost(run_roster_import)
def fail_the_abandoned_import(job_id):
    give_up_import(job_id)
