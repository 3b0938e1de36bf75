from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from netra.lib import roles


class Role(models.TextChoices):
    """The staff roles (names in netra/lib/roles.py, which the pure case workflow reads too)."""

    ADMIN = roles.ADMIN, _("Administrator")
    BAWASLU_RI = roles.BAWASLU_RI, _("Bawaslu RI officer")
    BAWASLU_PROVINCE = roles.BAWASLU_PROVINCE, _("Provincial Bawaslu officer")
    BAWASLU_REGENCY = roles.BAWASLU_REGENCY, _("Regency/city Bawaslu officer")
    PANWASCAM = roles.PANWASCAM, _("District supervisor (Panwascam)")
    BKPSDM = roles.BKPSDM, _("Regional personnel agency (BKPSDM/BKD) officer")
    BKN = roles.BKN, _("BKN officer")
    PPK = roles.PPK, _("Staffing authority (PPK) or delegate")
    AUDITOR = roles.AUDITOR, _("Auditor (read-only)")


class User(AbstractUser):
    """A staff account: a role plus the regions it reaches (a province includes its regencies)."""

    role = models.CharField(max_length=20, choices=Role.choices, default=Role.AUDITOR)
    regions = models.ManyToManyField("regions.Region", blank=True, related_name="staff")
    office = models.CharField(_("office"), max_length=200, blank=True)
    must_change_password = models.BooleanField(default=False)
    totp_secret = models.CharField(max_length=64, blank=True)
    totp_confirmed_at = models.DateTimeField(null=True, blank=True)
    # The last accepted TOTP time step: a code is never accepted twice.
    totp_last_step = models.BigIntegerField(null=True, blank=True)
    # When an administrator last reset the authenticator (cleared once a new one is set up):
    # the accounts page lists such accounts apart from those that never set one up.
    second_factor_reset_at = models.DateTimeField(null=True, blank=True)
    # Deactivated (an officer transferred, say): when and why, as the audit entry says too.
    deactivated_at = models.DateTimeField(null=True, blank=True)
    deactivation_reason = models.CharField(max_length=500, blank=True)

    @property
    def has_second_factor(self):
        return self.totp_confirmed_at is not None


class RecoveryCode(models.Model):
    """A one-time code to sign in without the authenticator; stored as a SHA-256 digest only."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="recovery_codes")
    digest = models.CharField(max_length=64)
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        state = "used" if self.used_at else "unused"
        return f"recovery code of user {self.user_id} ({state})"


class AttemptCount(models.Model):
    """The attempts (failed sign-ins, receipt checks, submissions, pledge codes) counted under
    a key such as "user:alice" or "ip:10.0.0.1" in its running window, which ends at
    EXPIRES_AT; see throttle.py."""

    key = models.CharField(max_length=200, unique=True)
    count = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    def __str__(self):
        # The kind of key only: its value may be a reporter's address.
        kind = self.key.partition(":")[0]
        return f"{self.count} {kind} attempts until {self.expires_at:%Y-%m-%d %H:%M}"


class EnrolmentLink(models.Model):
    """A one-time link that lets a new (or reactivated) account set its password and then its
    authenticator: sent by e-mail, stored as a SHA-256 digest only, valid until EXPIRES_AT and
    spent by its first use (see enrolment.issue_enrolment_link and actions.use_enrolment_link)."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="enrolment_links")
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        state = "used" if self.used_at else "unused"
        return f"enrolment link of user {self.user_id} ({state})"
