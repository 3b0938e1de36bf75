"""BKN's sanction recommendation (rekomendasi) and the PPK's follow-up (keputusan PPK).

A recommendation concerns one reported person of a forwarded case; the PPK, or the BKPSDM
officer drafting for them, answers it with a decree or with the reason none was issued.
The case moves to "followed up" once every recommendation has such an answer.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Recommendation(models.Model):
    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT,
                             related_name="recommendations")
    respondent = models.ForeignKey("cases.Respondent", on_delete=models.PROTECT,
                                   related_name="recommendations")
    # What BKN verified, and what it asks the PPK to impose.
    verification = models.TextField(_("verification result"))
    sanction = models.CharField(_("recommended sanction"), max_length=255)
    note = models.TextField(_("note"), blank=True)
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                  related_name="+")
    issued_at = models.DateTimeField(auto_now_add=True)
    due_at = models.DateTimeField(db_index=True, help_text="End of the PPK follow-up period")

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["case", "respondent"],
                                               name="one_recommendation_per_person")]

    @property
    def answered(self):
        return hasattr(self, "decree")


def decree_path(instance, filename):
    return f"decrees/{secrets.token_hex(16)}.pdf"


class Decree(models.Model):
    """The PPK's answer: a decree imposing a sanction, or the written reason there is none."""

    class Outcome(models.TextChoices):
        IMPOSED = "imposed", _("Sanction imposed")
        NOT_IMPOSED = "not_imposed", _("No sanction imposed")

    recommendation = models.OneToOneField(Recommendation, on_delete=models.PROTECT,
                                          related_name="decree")
    outcome = models.CharField(max_length=12, choices=Outcome.choices)
    number = models.CharField(_("decree number"), max_length=120, blank=True)
    decided_on = models.DateField(_("decree date"), null=True, blank=True)
    sanction = models.CharField(_("sanction imposed"), max_length=255, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    file = models.FileField(upload_to=decree_path, max_length=255, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)
