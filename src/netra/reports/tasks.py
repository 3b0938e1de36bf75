from django_tasks import task

from .notifications import (
    notify_officers_of_hand_over,
    notify_officers_of_new_submission,
    notify_reporter_of_news,
)


@task()
def notify_officers(submission_id):
    notify_officers_of_new_submission(submission_id)


@task()
def notify_reporter(submission_id):
    notify_reporter_of_news(submission_id)


@task()
def notify_hand_over(submission_id):
    notify_officers_of_hand_over(submission_id)
