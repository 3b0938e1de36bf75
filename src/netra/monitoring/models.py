"""Monitoring (pemantauan): texts from files, tools and news feeds, the flags a supervisor
triages, and the prevention records suggested by the news."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Source(models.Model):
    class Kind(models.TextChoices):
        FILE = "file", _("File import")
        API = "api", _("Pushed through the API")
        FEED = "feed", _("RSS/Atom feed")

    # A name is unique within its region only: another region's source of the same name is
    # another source (sources made before regions were required may have none).
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(max_length=8, choices=Kind.choices)
    url = models.URLField(_("feed address"), max_length=1000, blank=True)
    region = models.ForeignKey(
        "regions.Region",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Where its texts belong"),
    )
    active = models.BooleanField(default=True)
    last_polled_at = models.DateTimeField(null=True, blank=True)
    # A feed is due when this passes; a worker claims it by moving it ahead (actions.claim_feed).
    next_poll_at = models.DateTimeField(null=True, blank=True, db_index=True)
    last_error = models.CharField(max_length=500, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["region", "name"], name="one_source_name_per_region"),
            models.UniqueConstraint(
                fields=["name"],
                condition=Q(region__isnull=True),
                name="one_source_name_without_region",
            ),
        ]

    def __str__(self):
        return self.name


class Text(models.Model):
    """A post or an article as it arrived. Near-duplicates point to the first of their group,
    which alone is triaged."""

    class Kind(models.TextChoices):
        POST = "post", _("Social-media post")
        ARTICLE = "article", _("News article")

    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="texts")
    external_id = models.CharField(max_length=300)
    kind = models.CharField(max_length=8, choices=Kind.choices)
    url = models.URLField(max_length=2000, blank=True)
    author = models.CharField(max_length=200, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    text = models.TextField()
    region = models.ForeignKey(
        "regions.Region", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # 64-bit SimHash of the normalised words (nlp/duplicates.py); its bands are in TextBand.
    simhash = models.BigIntegerField(default=0)
    duplicate_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="duplicates"
    )
    label = models.CharField(max_length=20, blank=True)
    received_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["source", "external_id"], name="one_text_per_source_id")
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.external_id} (source {self.source_id})"


class TextBand(models.Model):
    """One of the eight bands of an original text's SimHash, as KEY = band index * 256 + band
    value (0-2047), in the text's region: near-duplicate candidates are the originals of the
    region sharing a key, found through the index with one IN over the eight keys."""

    region = models.ForeignKey(
        "regions.Region", null=True, on_delete=models.PROTECT, related_name="+"
    )
    key = models.SmallIntegerField()
    text = models.ForeignKey(Text, on_delete=models.CASCADE, related_name="bands")

    class Meta:
        indexes = [models.Index(fields=["region", "key", "text"], name="text_band_lookup")]

    def __str__(self):
        return f"band key {self.key} of text {self.text_id}"


class AuthorHandle(models.Model):
    """An account known to belong to a rostered employee, recorded by an officer for one
    region: it names the employee on that region's posts (and on those of the regions
    inside it), never on another region's."""

    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+")
    handle = models.CharField(max_length=200)  # lowercase, without "@"
    employee = models.ForeignKey("people.Employee", on_delete=models.CASCADE, related_name="+")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["region", "handle"], name="one_handle_per_region")
        ]

    def __str__(self):
        return f"@{self.handle} (region {self.region_id})"


class Flag(models.Model):
    """A post the classifier found partisan, waiting for a supervisor."""

    class Status(models.TextChoices):
        OPEN = "open", _("To triage")
        DISMISSED = "dismissed", _("Dismissed")
        FINDING = "finding", _("Turned into a finding")

    text = models.OneToOneField(Text, on_delete=models.CASCADE, related_name="flag")
    region = models.ForeignKey(
        "regions.Region", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    score = models.FloatField(db_index=True)
    codes = models.JSONField(default=list)
    evidence = models.JSONField(default=list)  # [[start, end], ...] into text.text
    employee = models.ForeignKey(
        "people.Employee", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    reason = models.TextField(blank=True)
    # The label the supervisor's decision gives the post, for retraining.
    training_label = models.CharField(max_length=20, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    case = models.ForeignKey(
        "cases.Case", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-score", "-id"]

    def __str__(self):
        return f"{self.get_status_display()}: text {self.text_id} ({self.score:.2f})"


class NewsSuggestion(models.Model):
    """Prevention activity a news article reports, for an officer to confirm."""

    class Status(models.TextChoices):
        PENDING = "pending", _("To confirm")
        CONFIRMED = "confirmed", _("Confirmed")
        DISMISSED = "dismissed", _("Dismissed")

    text = models.OneToOneField(Text, on_delete=models.CASCADE, related_name="suggestion")
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+")
    extracted = models.JSONField()  # the `netra news extract` object
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"{self.get_status_display()}: text {self.text_id}"


class ElectionGazetteer(models.Model):
    """An election's candidates, ballot numbers, slogans and hashtags, edited by an
    administrator; they extend the default gazetteer (monitoring/data)."""

    election = models.OneToOneField("regions.Election", on_delete=models.CASCADE, related_name="+")
    data = models.JSONField(default=dict)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"gazetteer of election {self.election_id}"
