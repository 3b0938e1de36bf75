"""Every change to accounts, each in one transaction with its audit entry."""

import secrets

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from netra.audit.log import bulk_append, record
from netra.audit.models import AuditEntry
from netra.lib.refusals import Refused

from . import secondfactor, throttle
from .enrolment import enrolment_digest
from .models import EnrolmentLink, RecoveryCode, Role, User
from .tasks import send_enrolment_links


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
def update_staff_user(actor, user, *, full_name, email, role, regions, office):
    """Name, e-mail, office, role and regions; whether it is active changes only through
    deactivate and reactivate."""
    before = {"role": user.role, "regions": sorted(user.regions.values_list("code", flat=True))}
    first, _sep, last = full_name.strip().partition(" ")
    user.first_name, user.last_name, user.email = first, last, email
    user.role, user.office = role, office
    user.save(update_fields=["first_name", "last_name", "email", "role", "office"])
    user.regions.set(regions)
    after = {"role": role, "regions": sorted(r.code for r in regions)}
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
    user.second_factor_reset_at = timezone.now()
    user.save(
        update_fields=[
            "totp_secret",
            "totp_confirmed_at",
            "totp_last_step",
            "second_factor_reset_at",
        ]
    )
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
    user.second_factor_reset_at = None
    user.save(
        update_fields=[
            "totp_secret",
            "totp_confirmed_at",
            "totp_last_step",
            "second_factor_reset_at",
        ]
    )
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


# ---- imported accounts, enrolment links, deactivation ------------------------------------


def _name_parts(full_name):
    first, _sep, last = " ".join(full_name.split()).partition(" ")
    return first, last


@transaction.atomic
def create_imported_accounts(actor, rows):
    """Create the accounts of a checked import (accounts/importer.py) in one transaction, each
    without a usable password and audited, and queue an enrolment link to each by e-mail once
    the transaction commits. ROWS: ImportRow objects. Returns the new users."""

    users = []
    for row in rows:
        first, last = _name_parts(row.name)
        user = User(
            username=row.username,
            email=row.email,
            first_name=first,
            last_name=last,
            role=row.role,
            office=row.office,
        )
        user.set_unusable_password()
        users.append(user)
    User.objects.bulk_create(users)
    users = list(User.objects.filter(username__in=[u.username for u in users]).order_by("pk"))
    by_username = {u.username: u for u in users}
    through = User.regions.through
    through.objects.bulk_create(
        [
            through(user_id=by_username[row.username].pk, region_id=region.pk)
            for row in rows
            for region in row.regions
        ]
    )
    # One audit entry per account, as record() writes it, chained in one batch (a file holds
    # up to 2,000 accounts: one round trip each would take the most of the import's time).
    at = timezone.now()
    bulk_append(
        [
            AuditEntry(
                at=at,
                actor=actor,
                actor_label=actor.get_username() if actor is not None else "system",
                action="account.created",
                target_type=User._meta.label_lower,
                target_id=str(by_username[row.username].pk),
                data={
                    "role": row.role,
                    "regions": sorted(r.code for r in row.regions),
                    "imported": True,
                },
            )
            for row in rows
        ]
    )
    ids = [u.pk for u in users]
    actor_id = actor.pk if actor is not None else None
    transaction.on_commit(
        lambda: [
            send_enrolment_links.enqueue(ids[i : i + 100], actor_id)
            for i in range(0, len(ids), 100)
        ]
    )
    return users


def enrolment_link(token):
    """(link, problem) for TOKEN: problem is None for a link that works, else "unknown"
    (forged, replaced or of a deactivated account), "used" or "expired"."""
    token = (token or "").strip()
    if not token or len(token) > 100:
        return None, "unknown"
    link = (
        EnrolmentLink.objects.select_related("user").filter(digest=enrolment_digest(token)).first()
    )
    if link is None or not link.user.is_active:
        return None, "unknown"
    if link.used_at is not None:
        return link, "used"
    if link.expires_at <= timezone.now():
        return link, "expired"
    return link, None


@transaction.atomic
def use_enrolment_link(token, new_password):
    """Spend the link of TOKEN and set its account's password; returns the user. Refused
    ("used", "expired" or "unknown") unless the link still works: of two requests with the
    same link, only one sets the password."""
    _link, problem = enrolment_link(token)
    if problem:
        raise Refused(problem)
    spent = EnrolmentLink.objects.filter(
        digest=enrolment_digest(token), used_at=None, expires_at__gt=timezone.now()
    ).update(used_at=timezone.now())
    if not spent:
        raise Refused("used")
    user = User.objects.select_for_update().get(pk=_link.user_id)
    user.set_password(new_password)
    user.must_change_password = False
    user.save(update_fields=["password", "must_change_password"])
    record(user, "account.enrolled_by_link", user)
    return user


def last_active_admin(user):
    return (
        user.role == Role.ADMIN
        and user.is_active
        and not User.objects.filter(role=Role.ADMIN, is_active=True).exclude(pk=user.pk).exists()
    )


@transaction.atomic
def deactivate(actor, user, reason):
    """Deactivate USER with REASON (audited): it can no longer sign in, and its sessions end,
    since the sign-in backend refuses an inactive account and the password, which every
    session is bound to, is made unusable. Its open work is moved by the cases app
    (cases/transfer.py), which calls this in the same transaction."""
    reason = " ".join((reason or "").split())
    if not reason:
        raise Refused("reason_required")
    if len(reason) > 500:
        raise Refused("reason_too_long")
    if user.pk == getattr(actor, "pk", None):
        raise Refused("not_yourself")
    if not user.is_active:
        raise Refused("already_inactive")
    if last_active_admin(user):
        raise Refused("last_admin")
    user.is_active = False
    user.deactivated_at = timezone.now()
    user.deactivation_reason = reason
    user.set_unusable_password()
    user.save(update_fields=["is_active", "deactivated_at", "deactivation_reason", "password"])
    user.enrolment_links.filter(used_at=None).delete()
    record(actor, "account.deactivated", user, data={"reason": reason})
    return user


@transaction.atomic
def reactivate(actor, user):
    """Let USER sign in again (audited): its old password was made unusable on deactivation,
    so it gets an enrolment link by e-mail to choose a new one."""

    if user.is_active:
        raise Refused("already_active")
    User.objects.filter(pk=user.pk).update(
        is_active=True, deactivated_at=None, deactivation_reason=""
    )
    user.refresh_from_db()
    record(actor, "account.reactivated", user)
    actor_id = actor.pk if actor is not None else None
    transaction.on_commit(lambda: send_enrolment_links.enqueue([user.pk], actor_id))
    return user


@transaction.atomic
def resend_enrolment_link(actor, user):
    """Queue a new enrolment link to USER (the old one, if unused, stops working)."""

    if not user.is_active or not user.email:
        raise Refused("cannot_enrol")
    actor_id = actor.pk if actor is not None else None
    transaction.on_commit(lambda: send_enrolment_links.enqueue([user.pk], actor_id))


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
