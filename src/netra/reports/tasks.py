from django_tasks import task

from .notifications import (
    notify_officers_of_hand_over,
    notify_officers_of_new_submission,
    notify_reporter_of_news,
)


@task()
def notify_officers(submission_id):
    # No longer queued (screen_submission mails the officers): kept for the rows queued
    # before.
    notify_officers_of_new_submission(submission_id)


@task()
def notify_reporter(submission_id):
    notify_reporter_of_news(submission_id)


@task()
def notify_hand_over(submission_id):
    notify_officers_of_hand_over(submission_id)


@task()
def screen_submission(submission_id):
    """A new public submission: the duplicate search, then the officers' e-mail."""
    from .actions import screen_new_submission

    return screen_new_submission(submission_id)
