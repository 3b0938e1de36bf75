"""The audit chain's pure core: its key file, the canonical encodings it signs, and the signed
checkpoints kept outside the database. No Django import: `log.py` passes values and paths in.

Three kinds of signed message, each tagged so that one can never pass for another:
- an entry: HMAC-SHA256 over every field (sequence number, previous hash, time, actor id and
  label, action, target, region, data);
- the head: the sequence number and hash of the newest entry;
- a checkpoint: the head, copied out of the database with the time it was written.

Entries written before the chain was keyed carry an unkeyed SHA-256 (`unkeyed_digest`); they are
kept as they are and sealed by the first keyed entry.
"""

import base64
import fcntl
import hashlib
import hmac
import json
import os
import secrets
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

GENESIS = "0" * 64
KEY_BYTES = 32
ENTRY_TAG = "netra-audit-entry-2"
HEAD_TAG = "netra-audit-head-2"
CHECKPOINT_TAG = "netra-audit-checkpoint-2"
# Integers up to 2**53 survive a round trip through a float; beyond it PostgreSQL's jsonb
# prints 1e20 as 100000000000000000000, so large and integral numbers are signed as floats.
EXACT_INT = 2**53


class AuditKeyError(Exception):
    """The key file is missing, unreadable or malformed."""


def create_key_file(path):
    """Write a new key file (mode 0600) unless one exists; return its path.

    Written under a temporary name and linked into place, so that a second process starting at
    the same moment either creates it or reads the complete file, never a half-written one.
    """
    path = Path(path)
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w") as fh:
            fh.write(base64.b64encode(secrets.token_bytes(KEY_BYTES)).decode() + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.link(temporary, path)
        except FileExistsError:
            pass
    finally:
        temporary.unlink()
    return path


@lru_cache(maxsize=8)
def load_key(path):
    """The key in PATH: base64 of at least 32 random bytes (`head -c 32 /dev/urandom | base64`)."""
    try:
        text = Path(path).read_text()
    except OSError as exc:
        raise AuditKeyError(f"audit key file {path} cannot be read ({exc.strerror})") from None
    try:
        key = base64.b64decode("".join(text.split()), validate=True)
    except ValueError:
        raise AuditKeyError(f"audit key file {path} is not base64") from None
    if len(key) < KEY_BYTES:
        raise AuditKeyError(f"audit key file {path} holds fewer than {KEY_BYTES} bytes")
    return key


def _numbers(value):
    """VALUE with numbers in the one form both databases give back (see EXACT_INT)."""
    if isinstance(value, dict):
        return {k: _numbers(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_numbers(v) for v in value]
    if isinstance(value, float):
        return int(value) if value.is_integer() and abs(value) < EXACT_INT else value
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= EXACT_INT:
        return float(value)
    return value


def _canonical(items):
    return json.dumps(items, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def _mac(key, items):
    return hmac.digest(key, _canonical(items), "sha256").hex()


def utc_text(moment):
    return moment.astimezone(timezone.utc).isoformat(timespec="microseconds")


def entry_hash(
    key,
    seq,
    prev_hash,
    at,
    actor_id,
    actor_label,
    action,
    target_type,
    target_id,
    region_code,
    data,
):
    """The HMAC of one keyed entry: every field, the sequence number and actor id included."""
    return _mac(
        key,
        [
            ENTRY_TAG,
            seq,
            prev_hash,
            utc_text(at),
            actor_id,
            actor_label,
            action,
            target_type,
            target_id,
            region_code,
            _numbers(data),
        ],
    )


def head_mac(key, seq, last_hash):
    return _mac(key, [HEAD_TAG, seq, last_hash])


def unkeyed_digest(prev_hash, at, actor_label, action, target_type, target_id, region_code, data):
    """The SHA-256 of the entries written before the chain was keyed (kept to verify them)."""
    canonical = json.dumps(
        [prev_hash, at.isoformat(), actor_label, action, target_type, target_id, region_code, data],
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
        default=str,
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


@dataclass(frozen=True)
class Checkpoint:
    seq: int
    entry_id: int
    hash: str
    entry_at: str
    written_at: datetime
    name: str = ""

    def fields(self):
        return [
            CHECKPOINT_TAG,
            self.seq,
            self.entry_id,
            self.hash,
            self.entry_at,
            utc_text(self.written_at),
        ]


def _checkpoint_from_file(path, key):
    """The checkpoint in PATH, or None when it is not one signed with KEY."""
    try:
        raw = json.loads(path.read_text())
        checkpoint = Checkpoint(
            seq=raw["seq"],
            entry_id=raw["id"],
            hash=raw["hash"],
            entry_at=raw["entry_at"],
            written_at=datetime.fromisoformat(raw["written_at"]),
            name=path.name,
        )
        if (
            not isinstance(checkpoint.seq, int)
            or not isinstance(checkpoint.entry_id, int)
            or checkpoint.written_at.tzinfo is None
        ):
            return None
        mac = raw["mac"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not isinstance(mac, str) or not hmac.compare_digest(mac, _mac(key, checkpoint.fields())):
        return None
    return checkpoint


def read_checkpoints(directory, key):
    """(valid checkpoints, names of files that are not), from DIRECTORY's *.json files."""
    directory = Path(directory)
    valid, invalid = [], []
    if not directory.is_dir():
        return valid, invalid
    for path in sorted(directory.glob("*.json")):
        checkpoint = _checkpoint_from_file(path, key)
        if checkpoint is None:
            invalid.append(path.name)
        else:
            valid.append(checkpoint)
    return valid, invalid


def newest(checkpoints):
    """The checkpoint reaching furthest along the chain (the latest written among equals)."""
    return max(checkpoints, key=lambda c: (c.seq, c.written_at), default=None)


def write_checkpoint_file(directory, key, checkpoint):
    """Add CHECKPOINT to DIRECTORY; files are only ever added, one per sequence number.

    Linked into place from a temporary file, so that a reader never sees half a checkpoint and
    two writers of the same head leave one file. Returns the checkpoint on disk.
    """
    directory = Path(directory)
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    final = directory / f"{checkpoint.seq:012d}.json"
    body = {
        "format": CHECKPOINT_TAG,
        "seq": checkpoint.seq,
        "id": checkpoint.entry_id,
        "hash": checkpoint.hash,
        "entry_at": checkpoint.entry_at,
        "written_at": utc_text(checkpoint.written_at),
        "mac": _mac(key, checkpoint.fields()),
    }
    temporary = directory / f".{final.name}.{secrets.token_hex(4)}.tmp"
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w") as fh:
            fh.write(json.dumps(body, indent=1, sort_keys=True) + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.link(temporary, final)
        except FileExistsError:
            pass  # the same head, checkpointed by another process a moment earlier
    finally:
        temporary.unlink()
    dir_fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
    return _checkpoint_from_file(final, key)


@contextmanager
def claimed(directory):
    """Yield True to the one process holding DIRECTORY's checkpoint lock, False to others."""
    directory = Path(directory)
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd = os.open(directory / ".lock", os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
