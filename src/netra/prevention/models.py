"""Prevention (pencegahan): circulars, outreach events, attendance and pledges."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def circular_path(instance, filename):
    return f"circulars/{secrets.token_hex(16)}.pdf"


class Circular(models.Model):
    """A regional head's circular (surat edaran), e.g. 800/6516/41/2023."""

    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+")
    number = models.CharField(_("number"), max_length=120)
    issued_on = models.DateField(_("date"))
    issuer = models.CharField(_("issuer"), max_length=200)
    subject = models.CharField(_("subject"), max_length=500)
    file = models.FileField(upload_to=circular_path, max_length=255, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-issued_on", "-id"]

    def __str__(self):
        return f"{self.number}: {self.subject}"


class Event(models.Model):
    """An outreach event, declaration, pledge ceremony or rally (apel)."""

    class Kind(models.TextChoices):
        OUTREACH = "outreach", _("Outreach (sosialisasi)")
        WEBINAR = "webinar", _("Webinar")
        STAFF_MEETING = "staff_meeting", _("Staff meeting")
        BROADCAST = "broadcast", _("Radio or TV dialogue")
        DECLARATION = "declaration", _("Declaration")
        PLEDGE = "pledge", _("Pledge ceremony")
        RALLY = "rally", _("Rally (apel)")

    class Mode(models.TextChoices):
        IN_PERSON = "in_person", _("In person (luring)")
        ONLINE = "online", _("Online (daring)")
        HYBRID = "hybrid", _("Hybrid")

    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+")
    district = models.ForeignKey(
        "regions.Region", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    election = models.ForeignKey(
        "regions.Election", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    mode = models.CharField(_("mode"), max_length=12, choices=Mode.choices)
    place = models.CharField(_("place"), max_length=300, blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    organiser = models.CharField(_("organiser"), max_length=200)
    partners = models.JSONField(default=list, blank=True)  # PARTNERS keys
    audience = models.JSONField(default=list, blank=True)  # AUDIENCES keys
    target_agencies = models.ManyToManyField("people.Agency", blank=True, related_name="+")
    min_minutes = models.PositiveSmallIntegerField(
        _("minimum minutes to count as attended"), default=30
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_at", "-id"]
        indexes = [models.Index(fields=["region", "starts_at"])]

    def __str__(self):
        return self.title


PARTNERS = {
    "bawaslu": "Bawaslu",
    "kpu": "KPU",
    "tni": "TNI",
    "polri": "Polri",
    "village_heads": _("Village heads"),
}
AUDIENCES = {"asn": "ASN", "non_asn": _("Non-ASN staff"), "village_heads": _("Village heads")}


class AttendanceUpload(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="uploads")
    original_name = models.CharField(max_length=255)
    layout = models.CharField(max_length=20)
    sha256 = models.CharField(max_length=64)
    attendees = models.PositiveIntegerField(default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.original_name} (event {self.event_id})"


class Attendance(models.Model):
    """One attendee of an event as the files wrote them, and who they are on the roster."""

    class Status(models.TextChoices):
        MATCHED = "matched", _("Matched")
        UNCERTAIN = "uncertain", _("To review")
        UNMATCHED = "unmatched", _("Not on the roster")
        CONFIRMED = "confirmed", _("Confirmed by an officer")
        REJECTED = "rejected", _("Rejected by an officer")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="attendance")
    upload = models.ForeignKey(
        AttendanceUpload, null=True, on_delete=models.SET_NULL, related_name="rows"
    )
    name = models.CharField(max_length=300)
    email = models.CharField(max_length=254, blank=True)
    nip = models.CharField(max_length=18, blank=True)
    agency_text = models.CharField(max_length=255, blank=True)
    minutes = models.PositiveIntegerField(null=True, blank=True)
    guest = models.BooleanField(default=False)
    # Long enough (or present on a sign-in sheet): counts for coverage once matched.
    attended = models.BooleanField(default=True)
    status = models.CharField(max_length=10, choices=Status.choices)
    employee = models.ForeignKey(
        "people.Employee", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    method = models.CharField(max_length=10, blank=True)  # nip | email | name | review
    score = models.FloatField(default=0)
    candidates = models.JSONField(default=list, blank=True)  # [[employee id, score], ...]
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["id"]
        indexes = [
            models.Index(fields=["employee", "attended"]),
            models.Index(fields=["event", "status"]),
        ]

    def __str__(self):
        return f"{self.name} ({self.get_status_display()})"

    COUNTED = ("matched", "confirmed")


class Pledge(models.Model):
    """An employee's neutrality pledge (ikrar netralitas): online with a code sent to the
    roster e-mail, or on a signed list an agency uploaded. Attending a pledge ceremony or a
    declaration counts as pledging too (see coverage), without a row here."""

    class Method(models.TextChoices):
        ONLINE = "online", _("Online, confirmed by e-mail code")
        SIGNED_LIST = "signed_list", _("Signed pledge list")

    employee = models.ForeignKey("people.Employee", on_delete=models.CASCADE, related_name="+")
    method = models.CharField(max_length=12, choices=Method.choices)
    event = models.ForeignKey(
        Event, null=True, blank=True, on_delete=models.SET_NULL, related_name="pledges"
    )
    election = models.ForeignKey(
        "regions.Election", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reference = models.CharField(max_length=20, unique=True)
    pledged_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["employee"])]
        constraints = [
            models.UniqueConstraint(
                fields=["employee", "method"], name="one_pledge_per_employee_and_method"
            )
        ]

    def __str__(self):
        return f"{self.reference} ({self.get_method_display()})"


class CollectivePledge(models.Model):
    """A pledge made together at an event: the agencies taking part and who signed."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="collective_pledges")
    agencies = models.ManyToManyField("people.Agency", related_name="+")
    signatories = models.TextField(_("signatories"))
    text = models.TextField(_("pledge text"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"collective pledge at event {self.event_id}"


class PledgeCode(models.Model):
    """A one-time code e-mailed to the roster address: expires, used once, few attempts."""

    employee = models.ForeignKey("people.Employee", on_delete=models.CASCADE, related_name="+")
    code_hash = models.CharField(max_length=64)
    token = models.CharField(max_length=43, unique=True)  # names the attempt in the URL
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)

    def __str__(self):
        # Neither the code's hash nor the token that names the attempt.
        state = "used" if self.used_at else f"expires {self.expires_at:%Y-%m-%d %H:%M}"
        return f"pledge code for employee {self.employee_id} ({state})"
