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
    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="recommendations")
    respondent = models.ForeignKey(
        "cases.Respondent", on_delete=models.PROTECT, related_name="recommendations"
    )
    # What BKN verified, and what it asks the PPK to impose.
    verification = models.TextField(_("verification result"))
    # What the rule engine was given and proposed, kept as it was: a later catalog version
    # never rewrites a decided case.
    employment = models.CharField(max_length=20, blank=True)
    conduct = models.JSONField(default=list, blank=True)  # [{"kind": ..., "date": "YYYY-MM-DD"}]
    proposal = models.JSONField(default=dict, blank=True)
    catalog_version = models.CharField(max_length=40, blank=True)
    track = models.CharField(max_length=12, blank=True)
    level = models.CharField(max_length=8, blank=True)
    codes = models.JSONField(default=list, blank=True)
    legal_basis = models.JSONField(default=list, blank=True)
    criminal_referral = models.BooleanField(default=False)
    sanction = models.CharField(_("recommended sanction"), max_length=255)
    # Required when SANCTION is not among the proposal's lawful options; audited.
    deviation_reason = models.TextField(blank=True)
    note = models.TextField(_("note"), blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    issued_at = models.DateTimeField(auto_now_add=True)
    due_at = models.DateTimeField(db_index=True, help_text="End of the PPK follow-up period")
    # Copied from the respondent and the decree so that the follow-up figures over tens of
    # thousands of recommendations need no joins: whose PPK must act, and when it did.
    government = models.ForeignKey(
        "regions.Region", null=True, on_delete=models.PROTECT, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "respondent"], name="one_recommendation_per_person"
            )
        ]
        indexes = [
            models.Index(
                fields=["due_at"],
                condition=models.Q(answered_at__isnull=True),
                name="recommendation_open_due",
            )
        ]

    def __str__(self):
        return f"recommendation for respondent {self.respondent_id} of case {self.case_id}"

    @property
    def answered(self):
        return hasattr(self, "decree")


class RecommendationCode(models.Model):
    """One catalog code of a recommendation, with the government it concerns: the rows the
    consistency report groups (the same conduct, the sanctions imposed across regions)."""

    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="code_rows"
    )
    code = models.CharField(max_length=12, db_index=True)
    government = models.ForeignKey(
        "regions.Region", null=True, on_delete=models.PROTECT, related_name="+"
    )

    def __str__(self):
        return f"{self.code} (recommendation {self.recommendation_id})"


def decree_path(instance, filename):
    return f"decrees/{secrets.token_hex(16)}.pdf"


class Decree(models.Model):
    """The PPK's answer: a decree imposing a sanction, or the written reason there is none."""

    class Outcome(models.TextChoices):
        IMPOSED = "imposed", _("Sanction imposed")
        NOT_IMPOSED = "not_imposed", _("No sanction imposed")

    recommendation = models.OneToOneField(
        Recommendation, on_delete=models.PROTECT, related_name="decree"
    )
    outcome = models.CharField(max_length=12, choices=Outcome.choices)
    number = models.CharField(_("decree number"), max_length=120, blank=True)
    decided_on = models.DateField(_("decree date"), null=True, blank=True)
    sanction = models.CharField(_("sanction imposed"), max_length=255, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    file = models.FileField(upload_to=decree_path, max_length=255, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    # From the recommendation to the decree, in calendar days (the compliance median).
    days_to_decree = models.IntegerField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return (
            f"{self.number or self.get_outcome_display()} (recommendation {self.recommendation_id})"
        )


class CatalogVersion(models.Model):
    """One version of the violation catalog (data/catalog.json is the shipped one).

    Versions are never edited: an administrator's change makes a new version, and every
    recommendation keeps the version, codes and sanction it was made with, so that a later
    version never rewrites a decided case.
    """

    version = models.CharField(max_length=40, unique=True)
    data = models.JSONField()
    note = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.version


class FollowUpStep(models.Model):
    """A next step once the PPK's period has passed without a decree (docs/DOMAIN.md): proposed by
    Netra when the case goes overdue, recorded by BKN when taken."""

    class Kind(models.TextChoices):
        BLOCK_PERSONNEL_DATA = (
            "block_personnel_data",
            _("Block the employee's personnel data (SIASN)"),
        )
        WARN_PPK = "warn_ppk", _("Warning to the PPK through the Ministry of Home Affairs")

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="follow_up_steps")
    kind = models.CharField(max_length=30, choices=Kind.choices)
    proposed_at = models.DateTimeField(auto_now_add=True)
    taken_at = models.DateTimeField(null=True, blank=True)
    taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["case", "kind"], name="one_follow_up_step_per_kind")
        ]

    def __str__(self):
        return f"{self.get_kind_display()} (case {self.case_id})"


class FollowUpTally(models.Model):
    """The compliance page's figures kept as counts (sanctions.tally keeps them in the
    transaction of every change, so they stay exact): per government whose PPK must act, the
    region and forwarding of the case (what access.restrict_by_case scopes by), and a metric,
    how many recommendations have it. VALUE is 0 for the plain counts, the days to the decree
    for "days" (a histogram the median is read from) and the UTC day of the due date for
    "open" (the unanswered ones, so that the overdue are counted without reading them all)."""

    government_id = models.IntegerField()  # 0: a recommendation with no government
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+")
    forwarded = models.BooleanField()
    metric = models.CharField(max_length=8)  # total, answered, imposed, days, open
    value = models.IntegerField(default=0)
    count = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["government_id", "region", "forwarded", "metric", "value"],
                name="one_follow_up_tally_per_key",
            )
        ]

    def __str__(self):
        return f"{self.metric}={self.value}: {self.count} (government {self.government_id})"
