"""Every change to accounts, each in one transaction with its audit entry."""

import secrets

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from netra.audit.log import record

from . import secondfactor, throttle
from .models import RecoveryCode, Role, User


def one_time_password():
    return secrets.token_urlsafe(12)


@transaction.atomic
def ensure_first_admin(username="admin"):
    """Create the first administrator if there is none; return (username, password) or None."""
    if User.objects.filter(role=Role.ADMIN).exists():
        return None
    password = one_time_password()
    user = User.objects.create_user(
        username=username,
        password=password,
        role=Role.ADMIN,
        must_change_password=True,
        first_name="Administrator",
    )
    record(None, "account.first_admin_created", user)
    return username, password


@transaction.atomic
def create_staff_user(actor, *, username, full_name, email, role, regions, office=""):
    """Create an account with a one-time password; return (user, password)."""
    password = one_time_password()
    first, _sep, last = full_name.strip().partition(" ")
    user = User.objects.create_user(
        username=username,
        email=email,
        password=password,
        first_name=first,
        last_name=last,
        role=role,
        office=office,
        must_change_password=True,
    )
    user.regions.set(regions)
    record(
        actor,
        "account.created",
        user,
        data={"role": role, "regions": sorted(r.code for r in regions)},
    )
    return user, password


@transaction.atomic
def update_staff_user(actor, user, *, full_name, email, role, regions, office, is_active):
    before = {
        "role": user.role,
        "regions": sorted(user.regions.values_list("code", flat=True)),
        "is_active": user.is_active,
    }
    first, _sep, last = full_name.strip().partition(" ")
    user.first_name, user.last_name, user.email = first, last, email
    user.role, user.office, user.is_active = role, office, is_active
    user.save()
    user.regions.set(regions)
    after = {"role": role, "regions": sorted(r.code for r in regions), "is_active": is_active}
    record(actor, "account.updated", user, data={"before": before, "after": after})
    return user


@transaction.atomic
def reset_password(actor, user):
    password = one_time_password()
    user.set_password(password)
    user.must_change_password = True
    user.save(update_fields=["password", "must_change_password"])
    record(actor, "account.password_reset", user)
    return password


@transaction.atomic
def reset_second_factor(actor, user):
    user.totp_secret, user.totp_confirmed_at, user.totp_last_step = "", None, None
    user.save(update_fields=["totp_secret", "totp_confirmed_at", "totp_last_step"])
    user.recovery_codes.all().delete()
    record(actor, "account.second_factor_reset", user)


@transaction.atomic
def change_own_password(user, new_password):
    user.set_password(new_password)
    user.must_change_password = False
    user.save(update_fields=["password", "must_change_password"])
    record(user, "account.password_changed", user)


@transaction.atomic
def confirm_second_factor(user, secret, step):
    """Activate the authenticator and issue fresh recovery codes, which are returned once."""
    user.totp_secret, user.totp_confirmed_at, user.totp_last_step = secret, timezone.now(), step
    user.save(update_fields=["totp_secret", "totp_confirmed_at", "totp_last_step"])
    codes = secondfactor.new_recovery_codes()
    user.recovery_codes.all().delete()
    RecoveryCode.objects.bulk_create(
        [RecoveryCode(user=user, digest=secondfactor.recovery_digest(c)) for c in codes]
    )
    record(user, "account.second_factor_enrolled", user)
    return codes


@transaction.atomic
def accept_totp_step(user, step):
    user.totp_last_step = step
    user.save(update_fields=["totp_last_step"])


@transaction.atomic
def use_recovery_code(user, code):
    """Spend a recovery code; True when it was valid and unused."""
    found = (
        RecoveryCode.objects.select_for_update()
        .filter(user=user, digest=secondfactor.recovery_digest(code), used_at=None)
        .first()
    )
    if found is None:
        return False
    found.used_at = timezone.now()
    found.save(update_fields=["used_at"])
    record(
        user,
        "account.recovery_code_used",
        user,
        data={"remaining": user.recovery_codes.filter(used_at=None).count()},
    )
    return True


def user_key(username):
    return f"user:{(username or '').strip().lower()}"


def throttle_keys(username, client_ip):
    return [user_key(username), f"ip:{client_ip}"]


def _limit(key):
    # Many officers of one office share a NAT address, so an address gets more tries than
    # one account does.
    if key.startswith("ip:"):
        return settings.NETRA_LOGIN_MAX_FAILURES_PER_ADDRESS
    return settings.NETRA_LOGIN_MAX_FAILURES


def begin_attempt(keys):
    """Count a sign-in attempt before checking it, so parallel tries cannot overrun a limit.

    Returns (allowed, crowded): ALLOWED is False once the account has used up its tries;
    CROWDED is True once the address has, which does not lock out whoever stands behind it
    (an office shares one NAT address) but asks for the password and the code together, so
    that a password alone tells a guesser nothing. An attempt that fails stays counted; one
    that succeeds or is not checked is given back with `end_attempt`.
    """
    window = settings.NETRA_LOGIN_WINDOW_SECONDS
    counts = {key: throttle.hit(key, window) for key in keys}
    allowed = all(counts[k] <= _limit(k) for k in keys if not k.startswith("ip:"))
    crowded = any(counts[k] > _limit(k) for k in keys if k.startswith("ip:"))
    return allowed, crowded


def end_attempt(keys):
    """The attempt counted by `begin_attempt` was right, or never checked: it does not count."""
    for key in keys:
        throttle.release(key)


def address_is_crowded(client_ip):
    key = f"ip:{client_ip}"
    return throttle.count(key) >= _limit(key)


def note_failure(keys):
    throttle.note(keys, settings.NETRA_LOGIN_WINDOW_SECONDS)


def clear_failures(keys):
    throttle.clear(keys)
