"""A tiny archive cannot make a restore read or write gigabytes: a member's size is checked
against the signed manifest before its bytes are read, reading stops at what the manifest
declares, and the declared total is checked against the free disk before anything is
written."""

import gzip
import hashlib
import time

import pytest

from netra import backups

from .archives import manifest_of, members, signed, write

pytestmark = pytest.mark.django_db

HUGE = 8**11 - 1  # the largest size a ustar header holds, 8 GiB


def with_header_size(items, name, size):
    """The archive's bytes with NAME's header declaring SIZE (its data left as it was)."""
    out = bytearray()
    for info, data in items:
        header = info.tobuf(format=0)
        if info.name == name:
            info.size = size
            header = info.tobuf(format=0)
        out += header + data + b"\0" * (-len(data) % 512)
    return bytes(out + b"\0" * 1024)


@pytest.mark.parametrize("which", ["manifest", "database", "media"])
def test_a_member_whose_header_declares_8_gib_is_refused_at_once(
    which, sample_archive, audit_key, tmp_path
):
    items = members(sample_archive)
    name = {
        "manifest": backups.MANIFEST,
        "database": items[2][0].name,
        "media": next(i.name for i, _ in items if i.name.startswith(backups.MEDIA)),
    }[which]
    path = tmp_path / "huge"
    path.write_bytes(gzip.compress(with_header_size(items, name, HUGE)))
    started = time.perf_counter()
    with pytest.raises(backups.BackupError) as caught:
        backups.read_archive(path, audit_key)
    assert caught.value.code in ("size_mismatch", "not_archive")
    assert time.perf_counter() - started < 2


def test_a_stream_of_zeros_after_the_end_stops_at_the_declared_size(
    sample_archive, audit_key, tmp_path
):
    """A gzip bomb behind the last member: 256 MiB of zeros, 250 kB compressed."""
    raw = gzip.decompress(sample_archive.read_bytes())
    bomb = tmp_path / "bomb"
    with gzip.open(bomb, "wb", compresslevel=1) as out:
        out.write(raw)
        zeros = bytes(2**20)
        for _ in range(256):
            out.write(zeros)
    assert bomb.stat().st_size < 2 * 2**20
    with pytest.raises(backups.BackupError) as caught:
        backups.read_archive(bomb, audit_key)
    assert caught.value.code == "too_large"


def test_a_signed_manifest_declaring_more_than_the_free_disk_writes_nothing(
    sample_archive, audit_key, tmp_path, empty_target
):
    """Even an authentic archive (signed with the audit key) that declares a terabyte is
    refused before a byte is written: the disk would not hold it."""
    items = members(sample_archive)
    manifest = manifest_of(items)
    assert manifest["database_vendor"] == empty_target.vendor
    manifest["parts"][-1].update(size=2**40, sha256=hashlib.sha256(b"").hexdigest())
    path = write(tmp_path / "terabyte", signed(items, manifest, audit_key))
    with pytest.raises(backups.BackupError) as caught:
        backups.restore(path, database=empty_target.database, media_root=empty_target.media_root)
    assert caught.value.code == "too_large"
    assert not empty_target.media_root.exists() and empty_target.counts() == {}
    assert list(empty_target.media_root.parent.iterdir()) == []
