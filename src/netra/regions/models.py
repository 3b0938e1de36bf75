"""Reference data: Kemendagri regions, elections with their stages, clock rules and holidays.

Everything here is loaded from the versioned files in ``data/`` by ``reference.py``.
"""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class BilingualName:
    """`name`: the Indonesian name (name_id), or the English one when English is active."""

    @property
    def name(self):
        return self.name_en if (get_language() or "id").startswith("en") else self.name_id


class Region(models.Model):
    """A province, regency (kabupaten), city (kota) or district (kecamatan), by Kemendagri code."""

    class Level(models.TextChoices):
        PROVINCE = "province", _("Province")
        REGENCY = "regency", _("Regency")
        CITY = "city", _("City")
        DISTRICT = "district", _("District")

    code = models.CharField(max_length=13, unique=True)
    name = models.CharField(max_length=100)
    level = models.CharField(max_length=10, choices=Level.choices, db_index=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    timezone = models.CharField(max_length=4, help_text="WIB, WITA or WIT")

    class Meta:
        ordering = ["code"]

    def __str__(self):
        return f"{self.name} ({self.code})"

    @property
    def parent_code(self):
        code, _sep, _last = self.code.rpartition(".")
        return code or None

    def is_within(self, other):
        """True when this region is OTHER or lies inside it (by code prefix)."""
        return self.code == other.code or self.code.startswith(other.code + ".")

    def within_q(self, field="region"):
        """A filter for objects whose FIELD is this region or lies inside it."""
        return models.Q(**{field: self}) | models.Q(
            **{f"{field}__code__startswith": self.code + "."}
        )


class ClockRule(models.Model):
    """The legal clock of one election kind (Pilkada: calendar days; Pemilu: working days)."""

    class DayKind(models.TextChoices):
        CALENDAR = "calendar", _("Calendar days")
        WORKING = "working", _("Working days")

    kind = models.CharField(max_length=20, unique=True)
    day_kind = models.CharField(max_length=10, choices=DayKind.choices)
    report_window_days = models.PositiveSmallIntegerField()
    completion_days = models.PositiveSmallIntegerField(null=True, blank=True)
    initial_study_days = models.PositiveSmallIntegerField()
    decision_days = models.PositiveSmallIntegerField()
    decision_extension_days = models.PositiveSmallIntegerField()
    legal_basis = models.TextField(blank=True)
    notes = models.TextField(blank=True)

    def __str__(self):
        return self.kind


class Election(BilingualName, models.Model):
    class Kind(models.TextChoices):
        PILKADA = "pilkada", _("Regional head election (Pilkada)")
        PEMILU = "pemilu", _("General election (Pemilu)")

    code = models.SlugField(max_length=40, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    name_id = models.CharField(max_length=200)
    name_en = models.CharField(max_length=200)
    voting_date = models.DateField()
    candidate_determination_date = models.DateField(null=True, blank=True)
    # Days the PPK has to decide on BKN's recommendation. No verified law sets it (docs/DOMAIN.md:
    # a 2020 statement said 10 days); empty means NETRA_PPK_PERIOD_DAYS (default 10).
    ppk_follow_up_days = models.PositiveSmallIntegerField(null=True, blank=True)
    legal_basis = models.TextField(blank=True)
    national = models.BooleanField(default=False, help_text="Held in every region")
    regions_complete = models.BooleanField(default=True)
    regions = models.ManyToManyField(Region, blank=True, related_name="elections")

    class Meta:
        ordering = ["-voting_date"]

    def __str__(self):
        return self.name


class ElectionStage(BilingualName, models.Model):
    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="stages")
    code = models.SlugField(max_length=60)
    name_id = models.CharField(max_length=200)
    name_en = models.CharField(max_length=200)
    start = models.DateField()
    end = models.DateField()

    class Meta:
        ordering = ["start", "end"]
        constraints = [models.UniqueConstraint(fields=["election", "code"], name="uniq_stage_code")]

    def __str__(self):
        return f"{self.name} ({self.start} - {self.end})"


class Holiday(models.Model):
    """A national holiday or a collective leave day (cuti bersama): not a working day."""

    class Kind(models.TextChoices):
        HOLIDAY = "holiday", _("National holiday")
        COLLECTIVE_LEAVE = "collective_leave", _("Collective leave")

    date = models.DateField(db_index=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    name_id = models.CharField(max_length=200)
    name_en = models.CharField(max_length=200)

    class Meta:
        ordering = ["date"]
        constraints = [models.UniqueConstraint(fields=["date", "kind"], name="uniq_holiday")]

    def __str__(self):
        return f"{self.date} {self.name_id}"


class ReferenceDataset(models.Model):
    """Which version of each reference data file an installation has loaded, and from where."""

    name = models.CharField(max_length=40, unique=True)
    version = models.CharField(max_length=40)
    sources = models.JSONField(default=list)
    loaded_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"{self.name} {self.version}"
