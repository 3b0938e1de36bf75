"""The identity vault: reporter identities encrypted at rest (brankas identitas pelapor).

Authenticated encryption (AES-256-GCM) with keys from a key file (``NETRA_VAULT_KEY_FILE``,
generated into the data directory for the embedded default). The file holds one key per line,
``<key id> <base64 key>``, the first being the one new data is sealed with; older keys stay
until `rotate` has re-sealed everything. A separate line ``hmac <base64 key>`` keys the hash of
the NIK used to spot the same reporter twice; it is never rotated, so those hashes stay
comparable.

Framework-free: the Django side passes the key file path.
"""

import base64
import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

HMAC_LINE = "hmac"
NONCE_BYTES = 12


class VaultError(Exception):
    """The key file is missing, unreadable or malformed, or a ciphertext cannot be opened."""


@dataclass(frozen=True)
class Keys:
    active_id: str
    keys: dict  # key id -> 32-byte key
    hmac_key: bytes


def _new_key_id():
    return secrets.token_hex(4)


def create_key_file(path):
    """Write a new key file (mode 0600) unless one exists; return its path."""
    path = Path(path)
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [
        f"{_new_key_id()} {base64.b64encode(AESGCM.generate_key(bit_length=256)).decode()}",
        f"{HMAC_LINE} {base64.b64encode(secrets.token_bytes(32)).decode()}",
    ]
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write("\n".join(lines) + "\n")
    return path


def load_keys(path):
    try:
        text = Path(path).read_text()
    except OSError as exc:
        raise VaultError(f"vault key file {path} cannot be read: {exc.strerror}") from None
    keys, hmac_key, active = {}, None, None
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            key_id, encoded = line.split()
            key = base64.b64decode(encoded, validate=True)
        except ValueError:
            raise VaultError(f"vault key file {path}, line {number}: malformed") from None
        if len(key) != 32:
            raise VaultError(f"vault key file {path}, line {number}: key is not 256 bits")
        if key_id == HMAC_LINE:
            hmac_key = key
        else:
            keys[key_id] = key
            active = active or key_id
    if active is None or hmac_key is None:
        raise VaultError(f"vault key file {path} needs an encryption key and an hmac line")
    return Keys(active, keys, hmac_key)


def seal(keys, record, context):
    """Encrypt RECORD (a JSON-able dict) bound to CONTEXT (e.g. the submission id).

    The context is authenticated but not stored: a ciphertext copied onto another submission
    does not open there.
    """
    nonce = secrets.token_bytes(NONCE_BYTES)
    plaintext = json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode()
    sealed = AESGCM(keys.keys[keys.active_id]).encrypt(nonce, plaintext, context.encode())
    return f"{keys.active_id}.{base64.b64encode(nonce + sealed).decode()}"


def open_sealed(keys, token, context):
    try:
        key_id, encoded = token.split(".", 1)
        raw = base64.b64decode(encoded, validate=True)
        key = keys.keys[key_id]
        plaintext = AESGCM(key).decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], context.encode())
    except (ValueError, KeyError, InvalidTag):
        raise VaultError("the sealed identity cannot be opened with these keys") from None
    return json.loads(plaintext)


def keyed_hash(keys, value):
    """HMAC-SHA256 of VALUE: equal values give equal hashes, yet the value cannot be guessed
    back from the database alone (a NIK has too little entropy for a plain hash)."""
    return hmac.new(keys.hmac_key, value.encode(), hashlib.sha256).hexdigest()


def add_new_active_key(path):
    """Put a fresh key first in the key file (the old ones stay, to open older data)."""
    path = Path(path)
    lines = path.read_text().splitlines()
    fresh = f"{_new_key_id()} {base64.b64encode(AESGCM.generate_key(bit_length=256)).decode()}"
    _write_atomically(path, [fresh, *[line for line in lines if line.strip()]])
    return load_keys(path)


def drop_keys_except_active(path):
    keys = load_keys(path)
    lines = [line for line in Path(path).read_text().splitlines() if line.strip()]
    keep = [line for line in lines if line.split()[0] in (keys.active_id, HMAC_LINE)]
    _write_atomically(Path(path), keep)


def _write_atomically(path, lines):
    temporary = path.with_suffix(".tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write("\n".join(lines) + "\n")
    os.replace(temporary, path)
