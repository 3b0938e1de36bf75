"""The insights summaries: what the statistics, the map and the funnel read, so that no page
scans the case tables. The worker keeps them (refresh.py) from the audit entries written since
its last run; the other apps are only read, never written.

CaseFact: one row per case, the moments it reached each stage of the enforcement funnel and
nothing that names a person. RegionFigures: per election and region (national, province,
regency), the counts, medians and rankings the pages show, for staff in full; the public
reads them through suppression.py.
"""

from django.db import models


class CaseFact(models.Model):
    case_id = models.BigIntegerField(unique=True)
    number = models.CharField(max_length=80, blank=True)  # the register number, once registered
    election_id = models.BigIntegerField(db_index=True)
    region_code = models.CharField(max_length=13)  # the regency or city
    province_code = models.CharField(max_length=2)
    source = models.CharField(max_length=10)
    state = models.CharField(max_length=30)
    kinds = models.JSONField(default=list)  # conduct kinds of the violation catalog
    received_at = models.DateTimeField()
    registered_at = models.DateTimeField(null=True)
    violation_at = models.DateTimeField(null=True)
    forwarded_at = models.DateTimeField(null=True)
    recommended_at = models.DateTimeField(null=True)
    decided_at = models.DateTimeField(null=True)
    sanctioned_at = models.DateTimeField(null=True)
    closed_at = models.DateTimeField(null=True)
    due_at = models.DateTimeField(null=True, db_index=True)
    # Staff only: the reported employees' agencies and positions (no names, no NIP).
    agencies = models.JSONField(default=list)
    positions = models.JSONField(default=list)
    # The PPK's answers: per recommendation, its government (the PPK's region), whether it
    # was answered and in how many days.
    answers = models.JSONField(default=list)

    class Meta:
        indexes = [
            models.Index(fields=["election_id", "region_code"], name="fact_region"),
            # The public notice board: registered cases, newest first.
            models.Index(fields=["registered_at", "case_id"], name="fact_board"),
        ]

    def __str__(self):
        return f"facts of case {self.case_id}"


class RegionFigures(models.Model):
    class Level(models.TextChoices):
        NATIONAL = "national"
        PROVINCE = "province"
        REGENCY = "regency"

    election_id = models.BigIntegerField()
    level = models.CharField(max_length=10, choices=Level.choices)
    code = models.CharField(max_length=13)  # "" for the nation
    # stage -> cases (funnel.STAGES); stage -> {days since the stage before it: cases}.
    counts = models.JSONField(default=dict)
    days = models.JSONField(default=dict)
    kinds = models.JSONField(default=dict)  # conduct kind -> cases
    overdue = models.JSONField(default=dict)  # case state -> cases past their deadline
    # PPK follow-up of the recommendations whose PPK sits here: recommended, answered,
    # median days to the decree (over the dated decrees).
    compliance = models.JSONField(default=dict)
    agencies = models.JSONField(default=dict)  # staff only: agency -> reported employees
    positions = models.JSONField(default=dict)  # staff only
    refreshed_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["election_id", "level", "code"], name="one_figures_row_per_region"
            )
        ]

    def __str__(self):
        return f"figures of {self.level} {self.code or 'ID'} in election {self.election_id}"


class RosterCount(models.Model):
    """Civil servants on the roster per regency, city and province (for rates per 10,000),
    recounted by each full refresh."""

    code = models.CharField(max_length=13, unique=True)
    employees = models.IntegerField()
    counted_at = models.DateTimeField()

    def __str__(self):
        return f"{self.employees} employees in {self.code}"


class RefreshMark(models.Model):
    """One row: the last audit entry the summaries have read, and when they were made."""

    last_entry_id = models.BigIntegerField(default=0)
    refreshed_at = models.DateTimeField(null=True)
    full_at = models.DateTimeField(null=True)

    def __str__(self):
        return f"insights read up to audit entry {self.last_entry_id}"


class PublicTable(models.Model):
    """The suppressed public table of one election (public.py), made by the refresh that
    changed its figures, so that no page, API call or export pays for the suppression."""

    election_id = models.BigIntegerField(unique=True)
    # The figures it was made from: the newest `refreshed_at` of the election's RegionFigures.
    figures_at = models.DateTimeField(null=True)
    data = models.JSONField()
    made_at = models.DateTimeField()

    def __str__(self):
        return f"public table of election {self.election_id}"
