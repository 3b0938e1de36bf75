"""Receipt codes (kode tanda terima): the reporter's only way back to a submission.

A code is 20 random digits shown once, grouped in fours to write down. The database keeps only
an Argon2id hash of it, salted with a per-installation secret so that the same code always
gives the same hash and a status check can look it up; without the salt (which lives in the
vault key file's directory, not the database) a stolen database cannot be searched for codes.
"""

import hashlib
import secrets

from argon2.low_level import Type, hash_secret_raw

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
    return " ".join(digits[i:i + 4] for i in range(0, len(digits), 4))


def code_hash(code, salt, memory_kib=MEMORY_KIB, time_cost=TIME_COST):
    """The hex Argon2id hash of CODE under the installation SALT (bytes)."""
    digest = hash_secret_raw(normalize(code).encode(), hashlib.sha256(salt).digest(),
                             time_cost=time_cost, memory_cost=memory_kib, parallelism=1,
                             hash_len=32, type=Type.ID)
    return digest.hex()
