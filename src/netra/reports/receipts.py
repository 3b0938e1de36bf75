"""Receipt codes (kode tanda terima): the reporter's only way back to a submission.

A code is 20 random digits, grouped in fours to write down, shown on the receipt page until the
reporter confirms having saved it (or for 30 minutes; see below). The database keeps only
an Argon2id hash of it, salted with a per-installation secret so that the same code always
gives the same hash and a status check can look it up; without the salt (which lives in the
vault key file's directory, not the database) a stolen database cannot be searched for codes.
"""

import hashlib
import secrets

from argon2.low_level import Type, hash_secret_raw

from . import vault

DIGITS = 20
#: Defaults when no settings are passed (see NETRA_RECEIPT_HASH_* in settings.py).
MEMORY_KIB = 8 * 1024
TIME_COST = 1


def new_code():
    # secrets.randbelow gives uniform digits; a leading zero is kept on purpose.
    return "".join(str(secrets.randbelow(10)) for _ in range(DIGITS))


def normalize(code):
    """Digits only: people copy codes with spaces and dashes."""
    return "".join(ch for ch in (code or "") if ch.isdigit())


def is_well_formed(code):
    return len(normalize(code)) == DIGITS


def formatted(code):
    digits = normalize(code)
    return " ".join(digits[i : i + 4] for i in range(0, len(digits), 4))


def code_hash(code, salt, memory_kib=MEMORY_KIB, time_cost=TIME_COST):
    """The hex Argon2id hash of CODE under the installation SALT (bytes)."""
    digest = hash_secret_raw(
        normalize(code).encode(),
        hashlib.sha256(salt).digest(),
        time_cost=time_cost,
        memory_cost=memory_kib,
        parallelism=1,
        hash_len=32,
        type=Type.ID,
    )
    return digest.hex()


# ---- the code between the form and the reporter's "I have saved it" --------------------------
#
# The receipt page must survive a reload or a change of language, so the code waits in the
# session; the session store is a database table, so it waits there sealed under the vault key
# (kept outside the database), never in plain text, and for a bounded time.

#: How long the receipt page keeps showing the code when the reporter never confirms.
SHOWN_SECONDS = 30 * 60


def _session_context(until):
    # The deadline is part of the authenticated context: a session edited to show the code
    # for longer does not open.
    return f"receipt-in-session:{until}"


def sealed_for_session(keys, code, *, kind, possibly_expired, now):
    """The session's record of a new receipt: the code, sealed, and until when it is shown."""
    until = int(now) + SHOWN_SECONDS
    record = {"code": normalize(code), "kind": kind, "expired": bool(possibly_expired)}
    return {"sealed": vault.seal(keys, record, _session_context(until)), "until": until}


def open_from_session(keys, held, *, now):
    """The record sealed by `sealed_for_session` ({"code", "kind", "expired"}), or None when
    its time is over or it cannot be opened (a key rotated away, a record tampered with)."""
    try:
        until = int(held["until"])
        if now >= until:
            return None
        return vault.open_sealed(keys, held["sealed"], _session_context(until))
    except (KeyError, TypeError, ValueError, vault.VaultError):
        return None
