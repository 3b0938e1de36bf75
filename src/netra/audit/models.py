"""Append-only, hash-chained audit log (jejak audit).

Each entry stores an HMAC-SHA256, under a key held outside the database, of the previous entry's
hash and every field of its own, its sequence number included, so that editing, removing,
inserting or reordering rows breaks the chain, which `log.verify` detects. The head row and the
signed checkpoints outside the database (see `chain.py`) catch a cut tail. Entries written
before the chain was keyed have no sequence number and an unkeyed SHA-256; the first keyed
entry seals them.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEntry(models.Model):
    at = models.DateTimeField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    actor_label = models.CharField(max_length=150, help_text="Kept even if the account changes")
    action = models.CharField(max_length=60)
    target_type = models.CharField(max_length=60, blank=True)
    target_id = models.CharField(max_length=64, blank=True)
    region_code = models.CharField(max_length=13, blank=True)
    data = models.JSONField(default=dict, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)
    seq = models.PositiveBigIntegerField(
        null=True,
        blank=True,
        unique=True,
        help_text="Position in the keyed chain; empty for the sealed entries written before it",
    )

    class Meta:
        ordering = ["id"]
        # The audit-log page lists entries newest first, filtered by one of these (or by date
        # alone), a page at a time after the last one shown: each filter walks its own index
        # in that order instead of sorting millions of rows (and serves every lookup by its
        # first column, so those columns need no index of their own).
        indexes = [
            models.Index(fields=["at", "id"], name="audit_newest"),
            models.Index(fields=["actor_label", "at", "id"], name="audit_by_actor"),
            models.Index(fields=["action", "at", "id"], name="audit_by_action"),
            models.Index(fields=["target_type", "target_id", "at", "id"], name="audit_by_target"),
            models.Index(fields=["region_code", "at", "id"], name="audit_by_region"),
        ]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action}"


class AuditHead(models.Model):
    """A single row locked while appending, so that concurrent writers chain in order."""

    last_hash = models.CharField(max_length=64)
    last_seq = models.PositiveBigIntegerField(default=0)
    # HMAC of (last_seq, last_hash): a head edited to hide a cut tail does not verify.
    mac = models.CharField(max_length=64, blank=True)

    def __str__(self):
        return f"audit head at entry {self.last_seq}"


class AuditVerification(models.Model):
    """One check of the whole chain asked for on the audit-log page, run by the worker (as
    `netra audit verify` does it), with its outcome. One runs at a time: RUNNING is True
    while it is queued or running and empty afterwards, and unique."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        INTACT = "intact", _("Intact")
        BROKEN = "broken", _("Broken")
        FAILED = "failed", _("Could not be checked")

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    running = models.BooleanField(null=True, default=True, unique=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    entries = models.PositiveBigIntegerField(default=0)
    # The newest checkpoint compared: {"name", "seq", "entry_id", "written_at"}.
    checkpoint = models.JSONField(null=True, blank=True)
    # The first break: {"kind", "entry_id", "detail"} (audit.log.Break), or the failure.
    broken = models.JSONField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-id"]

    def __str__(self):
        return f"audit verification {self.pk} ({self.status})"

    @property
    def finished(self):
        return self.status not in (self.Status.QUEUED, self.Status.RUNNING)
