"""The enrolment e-mail: a one-time link to set a password and then the authenticator."""

from django.core.mail import EmailMessage, get_connection
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from netra.common import links

from .enrolment import issue_enrolment_link
from .models import User


def send_enrolment_links_now(user_ids, actor_id=None):
    """Issue a fresh enrolment link to each active account of USER_IDS that has an e-mail
    address, and mail it; returns how many were sent. The token exists only here and in the
    mail: the database keeps its digest."""
    actor = User.objects.filter(pk=actor_id).first() if actor_id else None
    users = User.objects.filter(pk__in=user_ids, is_active=True).exclude(email="").order_by("pk")
    sent = 0
    with get_connection() as connection, translation.override("id"):
        for user in users:
            token, expires_at = issue_enrolment_link(actor, user)
            expires = timezone.localtime(expires_at)
            body = _(
                "Hello %(name)s,\n\n"
                "An administrator has made you a Netra account (username: %(username)s, "
                "role: %(role)s). Open this link to choose your password and then set up the "
                "authenticator app on your phone:\n\n%(link)s\n\n"
                "The link works once, until %(expires)s. If it has expired, ask your "
                "administrator for a new one. If you did not expect this e-mail, ignore it."
            ) % {
                "name": user.get_full_name() or user.username,
                "username": user.username,
                "role": user.get_role_display(),
                "link": links.absolute("accounts:enrol", token),
                "expires": expires.strftime("%d-%m-%Y %H:%M %Z"),
            }
            EmailMessage(
                _("Your Netra account: choose your password"),
                body,
                None,
                [user.email],
                connection=connection,
            ).send()
            sent += 1
    return sent
