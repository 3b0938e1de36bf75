"""Writing, verifying and checkpointing the audit chain (the Django side of `chain.py`)."""

import hmac
import json
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from . import chain
from .chain import GENESIS, AuditKeyError, Checkpoint  # noqa: F401 (part of this API)
from .models import AuditEntry, AuditHead

SEAL_ACTION = "audit.sealed"
_FIELDS = (
    "id",
    "seq",
    "prev_hash",
    "hash",
    "at",
    "actor_id",
    "actor_label",
    "action",
    "target_type",
    "target_id",
    "region_code",
    "data",
)
_UNKEYED_FIELDS = (
    "id",
    "prev_hash",
    "hash",
    "at",
    "actor_label",
    "action",
    "target_type",
    "target_id",
    "region_code",
    "data",
)
_CHUNK = 5000


def audit_key():
    """The chain's key. The embedded default creates its key file on first use (as `netra`
    does before anything else); production must name an existing one."""
    path = Path(settings.NETRA_AUDIT_KEY_FILE)
    if not settings.PRODUCTION and not path.exists():
        chain.create_key_file(path)
    return chain.load_key(str(path))


def checkpoint_dir():
    return Path(settings.NETRA_AUDIT_CHECKPOINT_DIR)


def _locked_head():
    head, _ = AuditHead.objects.select_for_update().get_or_create(
        pk=1, defaults={"last_hash": GENESIS, "last_seq": 0}
    )
    return head


def _advance(head, key, seq, last_hash):
    head.last_seq, head.last_hash = seq, last_hash
    head.mac = chain.head_mac(key, seq, last_hash)
    # One UPDATE without the model's save machinery: every audited change pays for it.
    AuditHead.objects.filter(pk=head.pk).update(
        last_seq=head.last_seq, last_hash=head.last_hash, mac=head.mac
    )


def record(actor, action, target=None, region=None, data=None):
    """Append one audit entry; call inside the transaction of the change it describes.

    The head row is locked for the rest of that transaction, so concurrent writers chain one
    after the other, each taking the next sequence number.
    """
    data = json.loads(json.dumps(data or {}, default=str))
    target_type = target._meta.label_lower if target is not None else ""
    target_id = str(target.pk) if target is not None else ""
    region_code = getattr(region, "code", region) or ""
    actor_label = actor.get_username() if actor is not None else "system"
    actor_id = actor.pk if actor is not None else None
    key = audit_key()
    # Inside the change's own transaction no savepoint of its own (two round trips fewer per
    # audited change): a failure here fails the whole change, as it must.
    with transaction.atomic(savepoint=False):
        head = _locked_head()
        at = timezone.now()
        seq = head.last_seq + 1
        digest = chain.entry_hash(
            key,
            seq,
            head.last_hash,
            at,
            actor_id,
            actor_label,
            action,
            target_type,
            target_id,
            region_code,
            data,
        )
        entry = AuditEntry.objects.create(
            seq=seq,
            at=at,
            actor=actor,
            actor_label=actor_label,
            action=action,
            target_type=target_type,
            target_id=target_id,
            region_code=region_code,
            data=data,
            prev_hash=head.last_hash,
            hash=digest,
        )
        _advance(head, key, seq, digest)
    return entry


def bulk_append(entries, batch_size=20_000):
    """Chain unsaved ENTRIES (at, actor, labels, data set) after the head and insert them in
    batches, in one transaction: for loaders and benchmarks that write many at once."""
    if not entries:
        return
    key = audit_key()
    with transaction.atomic():
        head = _locked_head()
        seq, prev = head.last_seq, head.last_hash
        for entry in entries:
            seq += 1
            entry.seq, entry.prev_hash = seq, prev
            entry.hash = prev = chain.entry_hash(
                key,
                seq,
                prev,
                entry.at,
                entry.actor_id,
                entry.actor_label,
                entry.action,
                entry.target_type,
                entry.target_id,
                entry.region_code,
                entry.data,
            )
        AuditEntry.objects.bulk_create(entries, batch_size=batch_size)
        _advance(head, key, seq, prev)


def needs_seal(entry_model, head_model):
    """Whether anything was written before the chain was keyed: entries, or a head naming
    some (even if they have since been removed)."""
    if entry_model.objects.filter(seq__isnull=False).exists():
        return False
    head = head_model.objects.filter(pk=1).first()
    return entry_model.objects.filter(seq__isnull=True).exists() or (
        head is not None and head.last_hash != GENESIS
    )


def seal_unkeyed(entry_model, head_model, key):
    """Seal the entries written before the chain was keyed with a first keyed entry naming
    the last of them (its id and hash) and their count; their hashes are left as they are.

    Takes the models as arguments so that the data migration can pass its historical ones.
    Returns the seal, or None when there is nothing to seal or it is sealed already.
    """
    if not needs_seal(entry_model, head_model):
        return None
    unkeyed = entry_model.objects.filter(seq__isnull=True)
    last = unkeyed.order_by("-id").first()
    head = head_model.objects.select_for_update().filter(pk=1).first()
    # The old head names the hash the chain should end on; if its tail was already cut (or
    # all of it), the seal keeps the head's word and verification reports the gap for good.
    prev = head.last_hash if head is not None else last.hash
    data = {
        "unkeyed_entries": unkeyed.count(),
        "unkeyed_last_id": last.pk if last else None,
        "unkeyed_last_hash": last.hash if last else GENESIS,
    }
    at = timezone.now()
    digest = chain.entry_hash(key, 1, prev, at, None, "system", SEAL_ACTION, "", "", "", data)
    seal = entry_model.objects.create(
        seq=1,
        at=at,
        actor_label="system",
        action=SEAL_ACTION,
        data=data,
        prev_hash=prev,
        hash=digest,
    )
    head_model.objects.update_or_create(
        pk=1, defaults={"last_hash": digest, "last_seq": 1, "mac": chain.head_mac(key, 1, digest)}
    )
    return seal


# Verification ------------------------------------------------------------------------------

MESSAGES = {
    "changed": (
        "entri audit #{entry} tidak cocok dengan tanda tangannya (diubah, atau ditulis "
        "tanpa kunci audit)",
        "audit entry #{entry} does not match its signature (changed, or written without "
        "the audit key)",
    ),
    "missing": (
        "entri audit hilang sebelum entri #{entry}: nomor urut {first}-{last} dihapus",
        "audit entries missing before entry #{entry}: sequence {first}-{last} deleted",
    ),
    "link": (
        "rantai audit terputus di entri #{entry}: entri sebelumnya diganti",
        "audit chain broken at entry #{entry}: the entry before it was replaced",
    ),
    "order": (
        "urutan jejak audit diubah di entri #{entry}",
        "audit entries reordered at entry #{entry}",
    ),
    "tail_cut": (
        "entri terbaru jejak audit dihapus: kepala rantai menyebut nomor urut {head}, "
        "log berakhir di {tail}",
        "newest audit entries deleted: the head names sequence {head}, the log ends at {tail}",
    ),
    "all_deleted": (
        "semua entri jejak audit dihapus: kepala rantai menyebut nomor urut {head}",
        "every audit entry deleted: the head names sequence {head}",
    ),
    "head_altered": (
        "baris kepala jejak audit diubah (tanda tangannya atau isinya tidak cocok "
        "dengan entri terakhir)",
        "the audit head row was altered (its signature or its content does not "
        "match the last entry)",
    ),
    "head_missing": (
        "baris kepala jejak audit dihapus, padahal ada {tail} entri berkunci",
        "the audit head row was deleted while {tail} keyed entries exist",
    ),
    "behind_checkpoint": (
        "jejak audit berakhir sebelum titik periksa {checkpoint} (entri #{entry}, "
        "nomor urut {seq}): entri dihapus",
        "the audit log ends before the checkpoint {checkpoint} (entry #{entry}, "
        "sequence {seq}): entries were deleted",
    ),
    "checkpoint_differs": (
        "entri audit #{entry} berbeda dari titik periksa {checkpoint} (ditulis ulang)",
        "audit entry #{entry} differs from the checkpoint {checkpoint} (rewritten)",
    ),
    "checkpoint_forged": (
        "berkas titik periksa {checkpoint} tidak ditandatangani dengan kunci "
        "audit (rusak atau dipalsukan)",
        "checkpoint file {checkpoint} is not signed with the audit key (damaged or forged)",
    ),
    "unkeyed": (
        "jejak audit lama (sebelum berkunci) rusak mulai entri #{entry} (diubah, dihapus "
        "atau disisipkan)",
        "unkeyed audit chain broken at entry #{entry} (changed, deleted or inserted)",
    ),
    "unsealed": (
        "entri audit tanpa kunci yang tidak tersegel, mulai entri #{entry} (disisipkan, "
        "atau ditulis ulang tanpa kunci audit)",
        "unkeyed audit entries outside the seal from entry #{entry} (inserted, or "
        "rewritten without the audit key)",
    ),
    "seal": (
        "bagian lama jejak audit tidak cocok dengan segelnya di entri #{entry} (entri lama "
        "dihapus, ditambah atau diubah)",
        "the unkeyed audit entries do not match their seal at entry #{entry} (old entries "
        "deleted, added or changed)",
    ),
}


@dataclass(frozen=True)
class Break:
    """The first place where the chain does not verify."""

    kind: str
    entry_id: int | None = None
    detail: dict = field(default_factory=dict)

    def message(self):
        values = {"entry": self.entry_id, **self.detail}
        indonesian, english = MESSAGES[self.kind]
        return f"{indonesian.format(**values)} / {english.format(**values)}"

    def __str__(self):
        return self.message()


class ChainBroken(Exception):
    def __init__(self, broken):
        super().__init__(broken.message())
        self.broken = broken


@dataclass(frozen=True)
class Verification:
    entries: int
    broken: Break | None
    checkpoint: Checkpoint | None


def _checkpoint_label(checkpoint):
    moment = timezone.localtime(checkpoint.written_at)
    return f"{checkpoint.name or checkpoint.seq} ({moment:%Y-%m-%d %H:%M})"


def _walk_unkeyed():
    """(break, entries, first id, last id, last hash) of the entries before the keyed chain."""
    prev, first_id, last_id, count = GENESIS, None, None, 0
    rows = (
        AuditEntry.objects.filter(seq__isnull=True)
        .order_by("id")
        .values_list(*_UNKEYED_FIELDS)
        .iterator(chunk_size=_CHUNK)
    )
    for entry_id, prev_hash, digest, at, label, action, t_type, t_id, region, data in rows:
        if prev_hash != prev or digest != chain.unkeyed_digest(
            prev, at, label, action, t_type, t_id, region, data
        ):
            return Break("unkeyed", entry_id), count, first_id, last_id, prev
        prev, last_id, count = digest, entry_id, count + 1
        first_id = first_id or entry_id
    return None, count, first_id, last_id, prev


def _walk_keyed(key, rows, seq, prev, last_id, checkpoint, unkeyed=None):
    """Check keyed ROWS (in sequence order) that should start at SEQ, linked to PREV.

    PREV None starts at CHECKPOINT's own entry, which stands for everything before it (it is
    compared with the checkpoint, not with its predecessor). UNKEYED is (count, first id, last
    id, last hash) of the unkeyed part when the walk starts at the seal. Returns (break, next
    seq, last hash, last id, entries walked).
    """
    count = 0
    for (
        entry_id,
        row_seq,
        prev_hash,
        digest,
        at,
        actor_id,
        label,
        action,
        t_type,
        t_id,
        region,
        data,
    ) in rows:
        if row_seq != seq:
            return (
                Break("missing", entry_id, {"first": seq, "last": row_seq - 1}),
                seq,
                prev,
                last_id,
                count,
            )
        expected = chain.entry_hash(
            key, row_seq, prev_hash, at, actor_id, label, action, t_type, t_id, region, data
        )
        if digest != expected:
            return Break("changed", entry_id), seq, prev, last_id, count
        if unkeyed is not None and row_seq == 1 and unkeyed[0] and action != SEAL_ACTION:
            return Break("unsealed", unkeyed[1]), seq, prev, last_id, count
        if unkeyed is not None and row_seq == 1 and action == SEAL_ACTION:
            claimed = {
                "unkeyed_entries": unkeyed[0],
                "unkeyed_last_id": unkeyed[2],
                "unkeyed_last_hash": unkeyed[3],
            }
            if data != claimed or prev_hash != unkeyed[3]:
                return Break("seal", entry_id), seq, prev, last_id, count
        if prev is not None and prev_hash != prev:
            return Break("link", entry_id), seq, prev, last_id, count
        if last_id is not None and entry_id <= last_id:
            return Break("order", entry_id), seq, prev, last_id, count
        if (
            checkpoint is not None
            and row_seq == checkpoint.seq
            and (digest != checkpoint.hash or entry_id != checkpoint.entry_id)
        ):
            return (
                Break(
                    "checkpoint_differs", entry_id, {"checkpoint": _checkpoint_label(checkpoint)}
                ),
                seq,
                prev,
                last_id,
                count,
            )
        seq, prev, last_id, count = seq + 1, digest, entry_id, count + 1
    return None, seq, prev, last_id, count


def _check_head(key, head, tail_seq, tail_hash):
    if head is None:
        return Break("head_missing", detail={"tail": tail_seq}) if tail_seq else None
    if head.last_seq == 0:
        signed = head.last_hash == GENESIS and not head.mac
    else:
        signed = hmac.compare_digest(head.mac, chain.head_mac(key, head.last_seq, head.last_hash))
    if not signed:
        return Break("head_altered")
    if head.last_seq > tail_seq:
        kind = "tail_cut" if tail_seq else "all_deleted"
        return Break(kind, detail={"head": head.last_seq, "tail": tail_seq})
    if (head.last_seq, head.last_hash) != (tail_seq, tail_hash):
        return Break("head_altered")
    return None


def _behind(checkpoint, tail_seq):
    if checkpoint is not None and checkpoint.seq > tail_seq:
        return Break(
            "behind_checkpoint",
            checkpoint.entry_id,
            {"checkpoint": _checkpoint_label(checkpoint), "seq": checkpoint.seq},
        )
    return None


def _checkpoints(key):
    checkpoints, invalid = chain.read_checkpoints(checkpoint_dir(), key)
    if invalid:
        return None, Break("checkpoint_forged", detail={"checkpoint": invalid[0]})
    return chain.newest(checkpoints), None


def _keyed_rows(**filters):
    return (
        AuditEntry.objects.filter(seq__isnull=False, **filters)
        .order_by("seq")
        .values_list(*_FIELDS)
        .iterator(chunk_size=_CHUNK)
    )


def verify():
    """Walk the whole chain: the sealed unkeyed part, the keyed part, the head row and the
    newest checkpoint. Returns a Verification naming the first break, if any."""
    key = audit_key()
    checkpoint, broken = _checkpoints(key)
    if broken:
        return Verification(0, broken, None)
    broken, walked, unkeyed_first_id, unkeyed_last_id, prev = _walk_unkeyed()
    if broken:
        return Verification(walked, broken, checkpoint)
    unkeyed = (walked, unkeyed_first_id, unkeyed_last_id, prev)
    seq, last_id, head = 1, unkeyed_last_id, None
    # Entries written while the walk runs move the head on: walk on to the head it names.
    while broken is None:
        broken, seq, prev, last_id, count = _walk_keyed(
            key, _keyed_rows(seq__gte=seq), seq, prev, last_id, checkpoint, unkeyed
        )
        walked += count
        head = AuditHead.objects.filter(pk=1).first()
        if not count or head is None or head.last_seq < seq:
            break
    if broken is None and unkeyed[0] and seq == 1:
        broken = Break("unsealed", unkeyed_first_id)
    tail_seq = seq - 1
    broken = broken or _check_head(key, head, tail_seq, prev) or _behind(checkpoint, tail_seq)
    return Verification(walked, broken, checkpoint)


def verify_chain():
    """The first Break of the chain, or None when it is intact."""
    return verify().broken


# Checkpoints -------------------------------------------------------------------------------


def write_checkpoint(max_age=None):
    """Verify what was added since the newest checkpoint, then write a signed checkpoint of
    the head (sequence, entry id, hash, times) into NETRA_AUDIT_CHECKPOINT_DIR.

    Safe to run from several workers at once: one holds the directory's lock and the others
    return None at once; two processes checkpointing the same head leave one file. With
    MAX_AGE (a timedelta), nothing is written while the newest checkpoint is younger.

    Returns the newest checkpoint afterwards (None when the log is empty or another process
    is at it). Raises ChainBroken, writing nothing, when the chain does not verify: a broken
    chain is never signed.
    """
    key = audit_key()
    with chain.claimed(checkpoint_dir()) as mine:
        if not mine:
            return None
        latest, broken = _checkpoints(key)
        if broken:
            raise ChainBroken(broken)
        now = timezone.now()
        if latest is not None and max_age is not None and now - latest.written_at < max_age:
            return latest
        head = AuditHead.objects.filter(pk=1).first()
        head_seq = head.last_seq if head is not None else 0
        if latest is None:
            result = verify()
            if result.broken:
                raise ChainBroken(result.broken)
        else:
            # Only the entries since the newest checkpoint, which anchors the walk.
            rows = _keyed_rows(seq__gte=latest.seq, seq__lte=head_seq)
            broken, next_seq, tail_hash, _, _ = _walk_keyed(
                key, rows, latest.seq, None, None, latest
            )
            tail_seq = next_seq - 1
            broken = (
                broken or _behind(latest, tail_seq) or _check_head(key, head, tail_seq, tail_hash)
            )
            if broken:
                raise ChainBroken(broken)
        if head_seq == 0:
            return latest
        if latest is not None and latest.seq == head_seq:
            return latest
        entry = AuditEntry.objects.get(seq=head_seq)
        return chain.write_checkpoint_file(
            checkpoint_dir(),
            key,
            Checkpoint(
                seq=entry.seq,
                entry_id=entry.pk,
                hash=entry.hash,
                entry_at=chain.utc_text(entry.at),
                written_at=now,
            ),
        )


def checkpoint_if_due():
    """For the worker's round: a checkpoint once NETRA_AUDIT_CHECKPOINT_HOURS have passed
    since the newest one (see write_checkpoint)."""
    return write_checkpoint(max_age=timedelta(hours=settings.NETRA_AUDIT_CHECKPOINT_HOURS))
