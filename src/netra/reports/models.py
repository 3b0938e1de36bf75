"""Public submissions: reports (laporan) and anonymous information (informasi awal)."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Submission(models.Model):
    class Kind(models.TextChoices):
        REPORT = "report", _("Report")
        # Anonymous: not a formal report, but Bawaslu may adopt it as its own finding (temuan).
        INFORMATION = "information", _("Information (anonymous)")

    class Status(models.TextChoices):
        RECEIVED = "received", _("Received")
        IN_REVIEW = "in_review", _("Being examined")
        # Officer wording; the reporter's own words are in REPORTER_WORDING below.
        NEEDS_INFORMATION = "needs_information", _("Waiting for the reporter's answer")
        REGISTERED = "registered", _("Registered")
        NOT_REGISTERED = "not_registered", _("Not registered")
        CLARIFICATION = "clarification", _("Clarification")
        DECIDED = "decided", _("Decided")
        FORWARDED = "forwarded", _("Forwarded to BKN")
        RECOMMENDED = "recommended", _("BKN recommended a sanction")
        FOLLOWED_UP = "followed_up", _("Decided by the staffing authority")
        CLOSED = "closed", _("Closed")

    class Duplicate(models.TextChoices):
        NONE = "", _("Not a duplicate")
        SUSPECTED = "suspected", _("Possible duplicate")
        CONFIRMED = "confirmed", _("Duplicate")
        REJECTED = "rejected", _("Not a duplicate (checked)")

    kind = models.CharField(max_length=12, choices=Kind.choices)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.RECEIVED)
    receipt_hash = models.CharField(max_length=64, unique=True)
    election = models.ForeignKey(
        "regions.Election", null=True, on_delete=models.PROTECT, related_name="+"
    )
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+")
    district = models.ForeignKey(
        "regions.Region", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    place = models.CharField(max_length=255, blank=True)
    incident_date = models.DateField()
    known_date = models.DateField()
    description = models.TextField()
    # Keys of reports.conduct.CONDUCT (plain-language choices, each mapped to catalog codes).
    conduct = models.JSONField(default=list, blank=True)
    # The reporter's identity, sealed by the vault; never stored in plain text.
    identity_sealed = models.TextField(blank=True)
    reporter_nik_hash = models.CharField(max_length=64, blank=True, db_index=True)
    possibly_expired = models.BooleanField(default=False)
    duplicate_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="possible_duplicates"
    )
    duplicate = models.CharField(max_length=10, choices=Duplicate.choices, blank=True)
    submitted_at = models.DateTimeField(auto_now_add=True, db_index=True)
    # The officer studying it: the report queue filters by it, and an administrator moves it
    # with the officer's open cases when the officer is transferred.
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # A district supervisor (Panwascam) studies a report of its district and hands it to the
    # regency or city office, which registers it: when and by whom.
    handed_over_at = models.DateTimeField(null=True, blank=True)
    handed_over_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # The district supervisor's initial study, for the regency office that takes it over: an
    # internal note, never shown to the reporter.
    study_note = models.TextField(blank=True)
    # When the worker searched it for an earlier look-alike and mailed the officers, after the
    # commit; empty until then. A submission whose task was never queued (its process killed
    # right after the commit) is screened by the worker's round.
    screened_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-submitted_at"]
        indexes = [
            models.Index(
                fields=["submitted_at"],
                condition=models.Q(screened_at__isnull=True),
                name="reports_unscreened",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} #{self.pk}"

    @property
    def vault_context(self):
        return f"submission:{self.pk}"


#: How each step reads on the reporter's status page, addressed to the reporter.
REPORTER_WORDING = {
    Submission.Status.RECEIVED: _("Received by Bawaslu"),
    Submission.Status.IN_REVIEW: _("Under initial study"),
    Submission.Status.NEEDS_INFORMATION: _("Bawaslu asked you a question: waiting for your answer"),
    Submission.Status.REGISTERED: _("Registered as a case"),
    Submission.Status.NOT_REGISTERED: _("Not registered"),
    Submission.Status.CLARIFICATION: _("Clarification: Bawaslu hears the parties and witnesses"),
    Submission.Status.DECIDED: _("Bawaslu has decided"),
    Submission.Status.FORWARDED: _("Forwarded to the civil service agency (BKN)"),
    Submission.Status.RECOMMENDED: _("BKN recommended a sanction to the staffing authority"),
    Submission.Status.FOLLOWED_UP: _("The staffing authority has decided"),
    Submission.Status.CLOSED: _("Closed"),
}


class StatusStep(models.Model):
    """One step of the coarse timeline the reporter sees by receipt code: no officer names,
    no case details, only the step, when, and the plain-words outcome or reason it carries."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="steps")
    status = models.CharField(max_length=20, choices=Submission.Status.choices)
    note = models.TextField(blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.status} of submission {self.submission_id}"

    @property
    def wording(self):
        return REPORTER_WORDING[self.status]


class ReportedPerson(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="persons")
    name = models.CharField(max_length=255)
    nip = models.CharField(max_length=18, blank=True, db_index=True)
    agency = models.CharField(max_length=255, blank=True)
    position = models.CharField(max_length=255, blank=True)
    employee = models.ForeignKey(
        "people.Employee", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    def __str__(self):
        return f"{self.name} ({self.nip})" if self.nip else self.name


def evidence_path(instance, filename):
    # Random names only: the reporter's file name may itself identify them.
    return f"evidence/{secrets.token_hex(16)}.{filename.rsplit('.', 1)[-1]}"


class Evidence(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(upload_to=evidence_path, max_length=255)
    content_type = models.CharField(max_length=40)
    size = models.PositiveIntegerField()
    sha256_original = models.CharField(max_length=64, help_text="SHA-256 of the bytes as received")
    metadata_removed = models.BooleanField(default=False)
    added_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.content_type} evidence of submission {self.submission_id}"


class EvidenceLink(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="links")
    url = models.URLField(max_length=2000)

    def __str__(self):
        # Not the address: it may lead to the reporter.
        return f"link {self.pk} of submission {self.submission_id}"


class Message(models.Model):
    """A question from an officer to the reporter, or the reporter's answer."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="messages")
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Empty when the reporter wrote it",
    )
    body = models.TextField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["sent_at"]

    def __str__(self):
        author = "reporter" if self.from_reporter else "officer"
        return f"{author}'s message on submission {self.submission_id}"

    @property
    def from_reporter(self):
        return self.officer_id is None
