from django.core.mail import send_mail, send_mass_mail
from django.utils import translation
from django.utils.translation import gettext as _

from netra.accounts.access import can, restrict_reports, users_reaching
from netra.accounts.models import Role
from netra.common import links

from . import identity
from .models import Submission

REGIONAL_OFFICERS = [Role.BAWASLU_PROVINCE, Role.BAWASLU_REGENCY]


def _officers_reaching(submission, roles):
    """Active officers of ROLES with an e-mail address who reach SUBMISSION, as the report
    pages decide (access.restrict_reports): the regency or city office and its province, and
    the district supervisor (Panwascam) of the report's district."""
    place = submission.district or submission.region
    one = Submission.objects.filter(pk=submission.pk)
    return [
        u
        for u in users_reaching(place, roles=roles).exclude(email="").order_by("pk")
        if can(u, "reports.view") and restrict_reports(one, u).exists()
    ]


def notify_officers_of_new_submission(submission_id):
    """E-mail the Bawaslu officers who reach the submission: those of its regency or city and
    province, and the district supervisor of its district.

    The mail says only that something arrived and where to look: no text, no names.
    """
    submission = Submission.objects.select_related("region", "district").get(pk=submission_id)
    officers = _officers_reaching(submission, [*REGIONAL_OFFICERS, Role.PANWASCAM])
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


def notify_officers_of_hand_over(submission_id):
    """E-mail the regency or city office's officers that their district supervisor has handed
    a report over to them: only that, and where to look."""
    submission = Submission.objects.select_related("region", "district").get(pk=submission_id)
    officers = _officers_reaching(submission, [Role.BAWASLU_REGENCY])
    with translation.override("id"):
        subject = _("Submission #%(id)s handed over by the district supervisor of %(district)s") % {
            "id": submission.pk,
            "district": submission.district.name if submission.district else submission.region.name,
        }
        body = _(
            "The district supervisor has studied a submission and handed it over to your office. "
            "Open it in Netra: %(link)s"
        ) % {"link": links.absolute("reports:detail", submission.pk)}
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
