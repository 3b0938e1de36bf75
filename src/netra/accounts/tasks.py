from django_tasks import task

from .notifications import send_enrolment_links_now


@task()
def send_enrolment_links(user_ids, actor_id=None):
    send_enrolment_links_now(user_ids, actor_id)
