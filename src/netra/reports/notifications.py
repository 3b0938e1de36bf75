from django.core.mail import send_mail, send_mass_mail
from django.utils import translation
from django.utils.translation import gettext as _

from netra.accounts.access import can, region_in_scope
from netra.accounts.models import Role, User
from netra.common import links

from . import identity
from .models import Submission

REGIONAL_OFFICERS = [Role.BAWASLU_PROVINCE, Role.BAWASLU_REGENCY]


def notify_officers_of_new_submission(submission_id):
    """E-mail the Bawaslu officers whose reach holds the submission's region.

    The mail says only that something arrived and where to look: no text, no names.
    """
    submission = Submission.objects.select_related("region").get(pk=submission_id)
    officers = [
        u
        for u in User.objects.filter(is_active=True, role__in=REGIONAL_OFFICERS).exclude(email="")
        if can(u, "reports.view") and region_in_scope(u, submission.region)
    ]
    with translation.override("id"):
        subject = _("New submission #%(id)s in %(region)s") % {
            "id": submission.pk,
            "region": submission.region.name,
        }
        body = _("A new submission has arrived. Open it in Netra: %(link)s") % {
            "link": links.absolute("reports:detail", submission.pk)
        }
    send_mass_mail([(subject, body, None, [u.email]) for u in officers], fail_silently=False)
    return len(officers)


def notify_reporter_of_news(submission_id):
    """Tell the reporter, if they left an e-mail address, that their submission has news.

    Nothing of the case goes into the mail (a mailbox is read by others too, and mail travels
    in the clear): only that there is news, and where to read it with the receipt code."""
    submission = Submission.objects.filter(pk=submission_id).first()
    if submission is None or not submission.identity_sealed:
        return 0
    address = (identity.open_identity(submission) or {}).get("email", "")
    if not address:
        return 0
    with translation.override("id"):
        subject = _("There is news about your report to Bawaslu")
        body = _(
            "There is news about the report you sent through Netra. Open %(link)s and enter "
            "your receipt code to read it. Bawaslu never asks for your receipt code by e-mail "
            "or telephone."
        ) % {"link": links.absolute("reports:status")}
    send_mail(subject, body, None, [address], fail_silently=False)
    return 1
