"""Cases (penanganan pelanggaran): opened from a report, adopted information or a finding."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from netra.people.models import EmploymentType

from . import workflow as wf


def overdue(now):
    """The cases past a deadline at NOW: a step past its due time, or a PPK past its period
    (that case's own due time is empty, its lateness is its state). The dashboard counts them
    and the case list's "overdue only" shows them: one definition for both."""
    return models.Q(state=wf.PPK_OVERDUE) | models.Q(due_at__lt=now)


STATE_LABELS = {
    wf.RECEIVED: _("Received"),
    wf.INITIAL_STUDY: _("Initial study"),
    wf.NOT_REGISTERED: _("Not registered"),
    wf.REGISTERED: _("Registered"),
    wf.CLARIFICATION: _("Clarification"),
    wf.STUDY: _("Study"),
    wf.NO_VIOLATION: _("Decided: not a violation"),
    wf.ELECTION_CRIME: _("Decided: election crime (to Gakkumdu)"),
    wf.ADMINISTRATIVE: _("Decided: administrative violation"),
    wf.OTHER_LAW: _("Decided: violation of other laws"),
    wf.FORWARDED: _("Forwarded"),
    wf.BKN_VERIFICATION: _("BKN verification"),
    wf.RECOMMENDED: _("Sanction recommended"),
    wf.FOLLOWED_UP: _("Followed up by the PPK"),
    wf.PPK_OVERDUE: _("PPK overdue"),
    wf.CLOSED: _("Closed"),
}


def province_id_of(region):
    """The id of the province REGION lies in (REGION's own for a province): the first part of
    its Kemendagri code ('35' for '35.09' or '35.09.27'); a regency's parent without a query."""
    code = region.code
    if "." not in code:
        return region.pk
    if code.count(".") == 1 and region.parent_id is not None:
        return region.parent_id
    return (
        type(region)
        .objects.filter(code=code.partition(".")[0])
        .values_list("pk", flat=True)
        .first()
    )


class Case(models.Model):
    class Source(models.TextChoices):
        REPORT = "report", _("Public report")
        ADOPTED = "adopted", _("Information adopted as a finding")
        FINDING = "finding", _("Own finding")

    number = models.CharField(_("register number"), max_length=80, blank=True, db_index=True)
    # The year the number was given in: its sequence restarts each year per office.
    registered_year = models.PositiveSmallIntegerField(null=True, blank=True)
    source = models.CharField(max_length=10, choices=Source.choices)
    submission = models.OneToOneField(
        "reports.Submission", null=True, blank=True, on_delete=models.PROTECT, related_name="case"
    )
    election = models.ForeignKey("regions.Election", on_delete=models.PROTECT, related_name="+")
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+")
    # The province the region lies in (the region itself for a provincial case), kept by
    # save() whenever the region is set or changed: a province officer's list reads it from
    # one index in its order (issue 20), which the province's 39 regencies never were.
    province = models.ForeignKey(
        "regions.Region",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,  # the province's list indexes lead with it (migration 0013)
        editable=False,
    )
    summary = models.TextField()
    state = models.CharField(
        max_length=30, choices=list(STATE_LABELS.items()), default=wf.RECEIVED, db_index=True
    )
    # Optimistic locking: every change bumps it; a change based on an old version is refused.
    version = models.PositiveIntegerField(default=1)
    received_at = models.DateTimeField(help_text="When the report counts as legally received")
    due_at = models.DateTimeField(null=True, blank=True, db_index=True)
    extended = models.BooleanField(default=False)
    # The due time a reminder went out for, so that each deadline is reminded once.
    reminded_for = models.DateTimeField(null=True, blank=True)
    # Set once the case leaves Bawaslu (BKN and the PPK see only such cases).
    forwarded = models.BooleanField(default=False, db_index=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # A duplicate closed into another case (penggabungan): its events stay, its work goes on there.
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="merged_cases"
    )
    opened_at = models.DateTimeField(auto_now_add=True)

    #: The states in which the PPK and its BKPSDM reach a case (accounts/access.py).
    PPK_STATES = wf.PPK_STATES

    class Meta:
        ordering = ["-opened_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "number"],
                condition=~models.Q(number=""),
                name="one_register_number_per_office",
            )
        ]

    def __str__(self):
        return self.number or f"#{self.pk}"

    def save(self, *args, **kwargs):
        if self.region_id is not None:
            self.province_id = province_id_of(self.region)
            fields = kwargs.get("update_fields")
            if fields is not None and "region" in fields and "province" not in fields:
                kwargs["update_fields"] = [*fields, "province"]
        super().save(*args, **kwargs)

    @property
    def state_label(self):
        return STATE_LABELS[self.state]

    @property
    def arrived_at(self):
        """The real moment the report reached Bawaslu; `received_at` is when the legal clock
        starts, which for a report sent at night or on a holiday is the next working hour."""
        return self.submission.submitted_at if self.submission_id else self.received_at


class Hearing(models.Model):
    """A clarification hearing (klarifikasi) and its minutes (berita acara)."""

    class Party(models.TextChoices):
        REPORTER = "reporter", _("Reporter")
        REPORTED = "reported", _("Reported employee")
        WITNESS = "witness", _("Witness")

    case = models.ForeignKey("Case", on_delete=models.CASCADE, related_name="hearings")
    party = models.CharField(max_length=10, choices=Party.choices)
    name = models.CharField(max_length=200)
    scheduled_at = models.DateTimeField()
    place = models.CharField(max_length=200)
    minutes = models.TextField(blank=True)
    held_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["scheduled_at", "id"]

    def __str__(self):
        # Not the name: the party heard may be the reporter.
        return (
            f"{self.get_party_display()} hearing of case {self.case_id} "
            f"on {self.scheduled_at:%Y-%m-%d %H:%M}"
        )


def document_path(instance, filename):
    return f"case-documents/{secrets.token_hex(16)}.pdf"


class CaseDocument(models.Model):
    """A generated letter, stored with its case and its SHA-256 (the integrity record)."""

    class Kind(models.TextChoices):
        INVITATION = "invitation", _("Clarification invitation")
        REGISTRATION_NOTICE = "registration_notice", _("Notice to the reporter")
        FORWARDING_LETTER = "forwarding_letter", _("Forwarding letter to BKN")
        CASE_SUMMARY = "case_summary", _("Case file summary")
        RECOMMENDATION_LETTER = "recommendation_letter", _("BKN recommendation to the PPK")

    case = models.ForeignKey("Case", on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(max_length=30, choices=Kind.choices)
    file = models.FileField(upload_to=document_path, max_length=255)
    sha256 = models.CharField(max_length=64)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    #: Letters BKN and the PPK may read: none of them names the reporter (accounts/access.py).
    LETTERS_FOR_OTHERS = (Kind.FORWARDING_LETTER, Kind.RECOMMENDATION_LETTER, Kind.CASE_SUMMARY)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"{self.get_kind_display()} of case {self.case_id}"


class CaseEvent(models.Model):
    """One line of a case's timeline: a transition, a note, a deadline extension."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(max_length=20)
    from_state = models.CharField(max_length=30, blank=True)
    to_state = models.CharField(max_length=30, blank=True)
    text = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self):
        states = " -> ".join(state for state in (self.from_state, self.to_state) if state)
        return (
            f"{self.kind} {states} in case {self.case_id}"
            if states
            else (f"{self.kind} in case {self.case_id}")
        )

    @property
    def from_label(self):
        return STATE_LABELS.get(self.from_state, self.from_state)

    @property
    def to_label(self):
        return STATE_LABELS.get(self.to_state, self.to_state)


#: Who a reported person is: the roster's employment types, plus members of the armed forces
#: and police and the not-yet-known; it decides where a proven violation goes (docs/DOMAIN.md).
SubjectType = models.TextChoices(
    "SubjectType",
    [
        *[(member.name, (member.value, member.label)) for member in EmploymentType],
        ("TNI", ("tni", _("TNI member"))),
        ("POLRI", ("polri", _("Polri member"))),
        ("UNKNOWN", ("unknown", _("Not yet known"))),
    ],
)


class Respondent(models.Model):
    """A reported person (terlapor) of a case.

    GOVERNMENT is the region whose government employs them: its head is their staffing
    authority (PPK), the one who must impose a sanction, and its PPK and BKPSDM see the case.
    """

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="respondents")
    employee = models.ForeignKey(
        "people.Employee", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    name = models.CharField(_("name"), max_length=255)
    nip = models.CharField("NIP", max_length=18, blank=True, db_index=True)
    subject_type = models.CharField(
        _("employment"), max_length=20, choices=SubjectType.choices, default=SubjectType.UNKNOWN
    )
    agency = models.CharField(_("agency"), max_length=255, blank=True)
    position = models.CharField(_("position"), max_length=255, blank=True)
    government = models.ForeignKey(
        "regions.Region", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return f"{self.name} ({self.nip})" if self.nip else self.name


def attachment_path(instance, filename):
    return f"case-attachments/{secrets.token_hex(16)}.{instance.extension}"


class Attachment(models.Model):
    """A file an officer adds to a case (lampiran): checked by its bytes, images cleaned."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="attachments")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(upload_to=attachment_path, max_length=255)
    extension = models.CharField(max_length=8)
    content_type = models.CharField(max_length=40)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64, help_text="SHA-256 of the bytes as received")
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["added_at", "id"]

    def __str__(self):
        return f"{self.title} (case {self.case_id})"


class LetterTemplate(models.Model):
    """An administrator's version of a letter (templates/cases/letters/<kind>.html otherwise).

    Each save keeps the previous body in the audit log by its hash; letters already generated
    keep their own PDF and hash, so editing never changes a sent letter.
    """

    kind = models.CharField(max_length=30, unique=True, choices=CaseDocument.Kind.choices)
    body = models.TextField()
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return str(self.get_kind_display())
