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


class AuditEntry(models.Model):
    at = models.DateTimeField(db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    actor_label = models.CharField(max_length=150, help_text="Kept even if the account changes")
    action = models.CharField(max_length=60, db_index=True)
    target_type = models.CharField(max_length=60, blank=True)
    target_id = models.CharField(max_length=64, blank=True)
    region_code = models.CharField(max_length=13, blank=True, db_index=True)
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
        indexes = [models.Index(fields=["target_type", "target_id"])]

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
