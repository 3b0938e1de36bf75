"""Early warning: Bawaslu's election vulnerability index (IKP) as imported, the weights of the
risk score, and each region's computed risk.

IkpRelease: one imported file of the index for one election, with where it was published
(every version is kept; the newest is the one in force). IkpScore: one region's values in a
release. RiskWeights: the weights of the score's components, newest in force (the shipped
defaults until an administrator sets others). RegionRisk: per election and region, the score,
each component's value and the components that had no data (computed by risk/refresh.py).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from netra.regions.models import Election, Region


class IkpRelease(models.Model):
    election = models.ForeignKey(Election, on_delete=models.PROTECT, related_name="ikp_releases")
    source = models.CharField(max_length=300)  # who published it, and where
    published_on = models.DateField(null=True, blank=True)
    fictional = models.BooleanField(default=False)  # the demo's made-up values
    file_name = models.CharField(max_length=255, blank=True)
    sha256 = models.CharField(max_length=64)
    rows = models.IntegerField()
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    imported_at = models.DateTimeField()

    class Meta:
        ordering = ["-imported_at", "-id"]

    def __str__(self):
        return f"IKP of election {self.election_id} ({self.source})"

    @property
    def importer_name(self):
        """Who imported it, or "" for the command line (no account)."""
        user = self.imported_by
        return (user.get_full_name() or user.get_username()) if user is not None else ""


class IkpCategory(models.TextChoices):
    LOW = "rendah", _("Low")
    MEDIUM = "sedang", _("Medium")
    HIGH = "tinggi", _("High")


class IkpScore(models.Model):
    """One region's index. Scores run from 0 to 100, higher meaning more vulnerable; the four
    dimensions of IKP 2024 and the thematic ASN-neutrality index are kept where given."""

    release = models.ForeignKey(IkpRelease, on_delete=models.CASCADE, related_name="scores")
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")
    score = models.DecimalField(max_digits=5, decimal_places=2)
    category = models.CharField(max_length=10, choices=IkpCategory.choices)
    social_political = models.DecimalField(max_digits=5, decimal_places=2, null=True)
    electoral_administration = models.DecimalField(max_digits=5, decimal_places=2, null=True)
    contestation = models.DecimalField(max_digits=5, decimal_places=2, null=True)
    participation = models.DecimalField(max_digits=5, decimal_places=2, null=True)
    asn_score = models.DecimalField(max_digits=5, decimal_places=2, null=True)
    asn_category = models.CharField(max_length=10, choices=IkpCategory.choices, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["release", "region"], name="one_ikp_row_per_region")
        ]

    def __str__(self):
        return f"IKP {self.score} ({self.category}) of region {self.region_id}"


class RiskWeights(models.Model):
    weights = models.JSONField()  # component -> weight (risk.score.COMPONENTS)
    note = models.CharField(max_length=300, blank=True)  # why they were set so
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    changed_at = models.DateTimeField()

    class Meta:
        ordering = ["-changed_at", "-id"]

    def __str__(self):
        return f"risk weights of {self.changed_at:%Y-%m-%d}"


class RegionRisk(models.Model):
    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="+")
    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+")
    score = models.FloatField(null=True)  # 0..100; None: no component had data
    components = models.JSONField(default=dict)  # component -> 0..100 or None
    facts = models.JSONField(default=dict)  # what each component was made from (explanation)
    missing = models.JSONField(default=list)  # components without data
    computed_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["election", "region"], name="one_risk_per_region")
        ]
        indexes = [models.Index(fields=["election", "-score"], name="risk_ranked")]

    def __str__(self):
        return f"risk {self.score} of region {self.region_id}"


class RiskDigest(models.Model):
    """One office's weekly digest (digest.py): inserted before any mail goes out, so that the
    unique region and week make a second worker, or a re-run in the same week, send nothing.
    SNAPSHOT holds what the digest told (per election: the score, the components, the cases,
    overdue steps and unanswered recommendations), which the next week's digest compares with."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+")
    week = models.DateField()  # the Monday of the week (TIME_ZONE)
    claimed_at = models.DateTimeField()
    worker = models.CharField(max_length=64, blank=True)
    sent_at = models.DateTimeField(null=True)
    recipients = models.IntegerField(default=0)
    snapshot = models.JSONField(default=dict)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-week", "region_id"]
        constraints = [
            models.UniqueConstraint(fields=["region", "week"], name="one_digest_per_region_week")
        ]

    def __str__(self):
        return f"digest of region {self.region_id} for the week of {self.week}"


class PeriodicReport(models.Model):
    """A periodic report (report.py) the worker made for one region and month: claimed by its
    insertion before the PDF is drawn (unique region and period), its file stored after."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+")
    start = models.DateField()
    end = models.DateField()  # the last day, inclusive
    claimed_at = models.DateTimeField()
    worker = models.CharField(max_length=64, blank=True)
    made_at = models.DateTimeField(null=True)
    file = models.FileField(upload_to="risk-reports/", max_length=200, blank=True)
    size = models.IntegerField(default=0)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-start", "region_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "start", "end"], name="one_report_per_region_period"
            )
        ]

    def __str__(self):
        return f"report of region {self.region_id} for {self.start} to {self.end}"
