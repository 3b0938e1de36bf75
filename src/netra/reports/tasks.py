from django_tasks import task


@task()
def notify_officers(submission_id):
    from .notifications import notify_officers_of_new_submission

    notify_officers_of_new_submission(submission_id)
