from django_tasks import task

from .notifications import notify_officers_of_new_submission


@task()
def notify_officers(submission_id):
    notify_officers_of_new_submission(submission_id)
