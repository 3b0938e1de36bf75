"""The employee roster: agencies (OPD) and the people who must stay neutral."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class EmploymentType(models.TextChoices):
    PNS = "pns", _("Civil servant (PNS)")
    CPNS = "cpns", _("Civil servant candidate (CPNS)")
    PPPK = "pppk", _("Government employee with contract (PPPK)")
    NON_ASN = "non_asn", _("Non-ASN staff (honorer)")
    VILLAGE_HEAD = "village_head", _("Village head")
    VILLAGE_OFFICIAL = "village_official", _("Village official")


#: Types that carry an 18-digit NIP.
ASN_TYPES = frozenset({EmploymentType.PNS, EmploymentType.CPNS, EmploymentType.PPPK})


class PositionClass(models.TextChoices):
    JPT = "jpt", _("Senior executive (JPT)")
    ADMINISTRATOR = "administrator", _("Administrator")
    PENGAWAS = "pengawas", _("Supervisor (pengawas)")
    FUNGSIONAL = "fungsional", _("Functional")
    PELAKSANA = "pelaksana", _("Executor (pelaksana)")


class Agency(models.Model):
    """A government agency: a regional OPD, or a central ministry/agency (no region)."""

    class Kind(models.TextChoices):
        REGIONAL = "regional", _("Regional government agency (OPD)")
        CENTRAL = "central", _("Central government agency")

    name = models.CharField(max_length=255)
    name_key = models.CharField(max_length=255, help_text="Normalised name for matching")
    code = models.CharField(max_length=40, blank=True)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.REGIONAL)
    region = models.ForeignKey(
        "regions.Region", null=True, blank=True, on_delete=models.PROTECT, related_name="agencies"
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["region", "name_key"], name="uniq_agency_name")
        ]
        verbose_name_plural = "agencies"

    def __str__(self):
        return self.name


class Employee(models.Model):
    nip = models.CharField("NIP", max_length=18, null=True, blank=True, unique=True)
    name = models.CharField(max_length=255)
    name_key = models.CharField(max_length=255)
    # Space-padded phonetic codes (" st amn "), so a token match is a plain substring match.
    name_phonetic = models.CharField(max_length=255)
    employment_type = models.CharField(max_length=20, choices=EmploymentType.choices)
    position = models.CharField(max_length=255, blank=True)
    position_class = models.CharField(max_length=20, choices=PositionClass.choices, blank=True)
    agency = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.PROTECT, related_name="employees"
    )
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="employees")
    # Unindexed on purpose: every index slows a million-row import, and nothing looks
    # employees up by district alone.
    district = models.ForeignKey(
        "regions.Region",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
    )
    email = models.EmailField(blank=True)
    active = models.BooleanField(default=True)
    updated_at = models.DateTimeField()

    # No default ordering: a sort by name over millions of rows must be asked for explicitly.
    # Names are found through the phonetic codes: PostgreSQL gets a GIN full-text index on
    # name_phonetic (migration 0002); a b-tree on random name strings would cost more on every
    # import than it saves.

    def __str__(self):
        return f"{self.name} ({self.nip})" if self.nip else self.name


class NameCode(models.Model):
    """A phonetic name code that occurs in the roster (the search vocabulary).

    Lets a name still being typed ("Budi Sant") expand its last, partial code into the few
    full codes that exist, which PostgreSQL's index answers far faster than a prefix match.
    Every roster write path (RosterWriter) adds the codes it writes.
    """

    code = models.CharField(max_length=60, primary_key=True)

    def __str__(self):
        return self.code


class RosterImport(models.Model):
    """One upload of a roster file, run by the worker; keeps its outcome and error report."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Imported")
        REJECTED = "rejected", _("Rejected: nothing imported")
        FAILED = "failed", _("Failed")

    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    original_name = models.CharField(max_length=255)
    stored_file = models.CharField(max_length=255, blank=True)
    skip_invalid = models.BooleanField(default=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    rows_total = models.PositiveIntegerField(default=0)
    rows_done = models.PositiveIntegerField(default=0)
    imported = models.PositiveIntegerField(default=0)
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    invalid = models.PositiveIntegerField(default=0)
    # [row, column, code, params] lists; rendered in the reader's language when shown.
    errors = models.JSONField(default=list, blank=True)
    file_error = models.JSONField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.original_name} ({self.get_status_display()})"

    @property
    def percent(self):
        return int(100 * self.rows_done / self.rows_total) if self.rows_total else 0

    @property
    def finished(self):
        return self.status in (self.Status.DONE, self.Status.REJECTED, self.Status.FAILED)
