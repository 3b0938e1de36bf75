"""Issuing an enrolment link: the one state change the enrolment e-mail makes as it is sent
(accounts/notifications.py, run by the worker), so that the token exists only in memory and in
the mail. Kept apart from actions.py, which queues that mail: actions -> tasks ->
notifications -> here, with no way back."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from netra.audit.log import record

from .models import EnrolmentLink

#: How long an enrolment link works (NETRA_ENROLMENT_LINK_HOURS; three days by default).
ENROLMENT_LINK_HOURS = 72


def enrolment_digest(token):
    return hashlib.sha256(token.encode()).hexdigest()


def link_hours():
    return getattr(settings, "NETRA_ENROLMENT_LINK_HOURS", ENROLMENT_LINK_HOURS)


@transaction.atomic
def issue_enrolment_link(actor, user):
    """A new enrolment link for USER, replacing any unused one; returns its token, which is
    stored as a digest only and must go straight into the e-mail, and when it expires."""
    token = secrets.token_urlsafe(32)
    user.enrolment_links.filter(used_at=None).delete()
    link = EnrolmentLink.objects.create(
        user=user,
        digest=enrolment_digest(token),
        expires_at=timezone.now() + timedelta(hours=link_hours()),
    )
    record(actor, "account.enrolment_link_sent", user, data={"expires_at": link.expires_at})
    return token, link.expires_at
