"""Legal holds, the ledger of what retention erased, and data-subject requests (UU 27/2022)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class LegalHold(models.Model):
    """A case whose records retention must not touch (a court, an appeal, an audit asks for
    them): set and lifted by authorised staff, each with a reason. A hold is active until
    lifted; a case may be held again later (a new row)."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="+")
    reason = models.TextField()
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    set_at = models.DateTimeField()
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    lifted_at = models.DateTimeField(null=True, blank=True)
    lift_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-set_at", "-id"]
        constraints = [
            # One active hold per case: setting it twice is a no-op, not two rows to lift.
            models.UniqueConstraint(
                fields=["case"],
                condition=models.Q(lifted_at__isnull=True),
                name="one_active_hold_per_case",
            )
        ]

    def __str__(self):
        return f"legal hold on case {self.case_id}"

    @property
    def active(self):
        return self.lifted_at is None


class Erasure(models.Model):
    """What retention erased, when: a reporter's identity, an evidence file, a closed case, a
    request's requester. The row is inserted before the erasure, in its transaction: a second
    worker's insert fails on the unique key, so each thing is erased (and counted) once. It
    holds no personal data: a kind, the row's id, and for an evidence file its size, type and
    the hash of its bytes (the integrity record stays when the file goes)."""

    class Kind(models.TextChoices):
        IDENTITY = "identity", _("Reporter identity")
        EVIDENCE = "evidence", _("Evidence file")
        CASE = "case", _("Closed case")
        REQUEST = "request", _("Requester of a data request")

    kind = models.CharField(max_length=10, choices=Kind.choices)
    target_id = models.BigIntegerField()
    submission_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    at = models.DateTimeField()
    detail = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "target_id"], name="one_erasure_per_thing")
        ]

    def __str__(self):
        return f"{self.kind} {self.target_id} erased"


class DataRequest(models.Model):
    """A reporter's or a reported person's request to see or correct their data (UU 27/2022
    Pasal 30 and 32), registered with a number and a deadline. The requester's name and
    contact are sealed by the vault like a reporter's identity; the receipt code a reporter
    gives is never stored: only the report it matched, if any."""

    class Kind(models.TextChoices):
        ACCESS = "access", _("See the data Netra holds about me")
        CORRECTION = "correction", _("Correct data about me")

    class Relation(models.TextChoices):
        REPORTER = "reporter", _("I sent a report (I have its receipt code)")
        REPORTED = "reported", _("I was reported")

    class Status(models.TextChoices):
        OPEN = "open", _("Waiting for an answer")
        ANSWERED = "answered", _("Answered")
        CORRECTED = "corrected", _("Corrected")
        REFUSED = "refused", _("Refused")

    number = models.CharField(max_length=30, unique=True, null=True, blank=True)
    kind = models.CharField(max_length=12, choices=Kind.choices)
    relation = models.CharField(max_length=10, choices=Relation.choices)
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+")
    submission = models.ForeignKey(
        "reports.Submission", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    receipt_given = models.BooleanField(default=False)
    requester_sealed = models.TextField(blank=True)
    text = models.TextField()
    received_at = models.DateTimeField(db_index=True)
    due_at = models.DateTimeField(db_index=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    # The staff's answer or the reason of a refusal.
    outcome = models.TextField(blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    handled_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["due_at", "id"]

    def __str__(self):
        return self.number or f"#{self.pk}"

    @property
    def vault_context(self):
        return f"data-request:{self.pk}"

    def overdue_at(self, now):
        return self.status == self.Status.OPEN and self.due_at < now
