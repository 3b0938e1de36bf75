from django_tasks import task

from netra.worker.lost import when_lost

from .verification import give_up_verification, run_verification


@task()
def run_audit_verification(verification_id):
    run_verification(verification_id)


@when_lost(run_audit_verification)
def fail_the_abandoned_verification(verification_id):
    give_up_verification(verification_id)
