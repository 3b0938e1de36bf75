"""The vault and receipt hashing, configured from settings."""

from functools import lru_cache

from django.conf import settings

from . import receipts, vault


@lru_cache(maxsize=1)
def keys():
    return vault.load_keys(settings.NETRA_VAULT_KEY_FILE)


def reload_keys():
    keys.cache_clear()
    return keys()


def receipt_hash(code):
    # The never-rotated hmac key doubles as the installation's receipt salt: it lives beside
    # the vault keys, outside the database.
    return receipts.code_hash(
        code,
        keys().hmac_key,
        settings.NETRA_RECEIPT_HASH_MEMORY_KIB,
        settings.NETRA_RECEIPT_HASH_TIME_COST,
    )


def seal_identity(submission, identity):
    return vault.seal(keys(), identity, submission.vault_context)


def open_identity(submission):
    return vault.open_sealed(keys(), submission.identity_sealed, submission.vault_context)


def nik_hash(nik):
    return vault.keyed_hash(keys(), nik)
