"""TOTP second factor and recovery codes (pure helpers around pyotp)."""

import hashlib
import secrets
import time

import pyotp

ISSUER = "Netra"
STEP = 30


def new_secret():
    return pyotp.random_base32()


def provisioning_uri(secret, username):
    return pyotp.TOTP(secret).provisioning_uri(name=username, issuer_name=ISSUER)


def matching_step(secret, code, last_step=None, now=None):
    """The time step CODE belongs to (allowing one step of clock drift), or None.

    A step at or before LAST_STEP is refused, so a code seen once cannot be replayed.
    """
    code = (code or "").strip().replace(" ", "")
    if not (code.isdigit() and len(code) == 6):
        return None
    totp = pyotp.TOTP(secret)
    current = int((now if now is not None else time.time()) // STEP)
    for step in (current, current - 1, current + 1):
        if secrets.compare_digest(totp.at(step * STEP), code):
            if last_step is not None and step <= last_step:
                return None
            return step
    return None


def new_recovery_codes(count=10):
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    return [
        "-".join("".join(secrets.choice(alphabet) for _ in range(5)) for _ in range(2))
        for _ in range(count)
    ]


def recovery_digest(code):
    normalized = code.strip().lower().replace(" ", "")
    return hashlib.sha256(normalized.encode()).hexdigest()
