from django_tasks import task

from netra.worker.lost import when_lost


@task()
def run_roster_import(job_id):
    from .actions import run_queued_import

    run_queued_import(job_id)


@when_lost(run_roster_import)
def fail_the_abandoned_import(job_id):
    from .actions import give_up_import

    give_up_import(job_id)
