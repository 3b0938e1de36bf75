from django.core.mail import send_mass_mail
from django.utils import translation
from django.utils.translation import gettext as _

from netra.accounts.access import can, region_in_scope
from netra.accounts.models import Role, User
from netra.common import links

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
