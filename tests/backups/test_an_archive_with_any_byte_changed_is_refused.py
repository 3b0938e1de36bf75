"""One byte changed anywhere, in any part or in the compressed file itself, and the archive
is refused before anything is restored."""

import gzip

import pytest

from netra import backups

from .archives import members, replace, write

pytestmark = pytest.mark.django_db


def flipped(data, at=None):
    at = len(data) // 2 if at is None else at
    return data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1 :]


def test_a_byte_flipped_in_each_part_is_refused(sample_archive, audit_key, tmp_path):
    items = members(sample_archive)
    names = [info.name for info, _ in items]
    assert names[:2] == [backups.MANIFEST, backups.SIGNATURE] and len(names) >= 5
    refused = []
    for info, data in items:
        for at in (0, len(data) // 2, len(data) - 1):
            altered = write(tmp_path / "altered", replace(items, info.name, flipped(data, at)))
            with pytest.raises(backups.BackupError) as caught:
                backups.read_archive(altered, audit_key)
            refused.append((info.name, at, caught.value.code))
    assert len(refused) == 3 * len(items)
    codes = {name: code for name, _, code in refused}
    assert codes[backups.MANIFEST] == codes[backups.SIGNATURE] == "not_authentic"
    assert {codes[n] for n in names[2:]} == {"hash_mismatch"}


def test_the_untouched_archive_passes(sample_archive, audit_key):
    """The control: the same checks accept the archive as written."""
    manifest = backups.read_archive(sample_archive, audit_key)
    assert len(manifest["parts"]) == len(members(sample_archive)) - 2


def test_a_byte_flipped_in_the_compressed_file_is_refused(sample_archive, audit_key, tmp_path):
    """Every byte of the decompressed archive is checked (headers byte for byte, parts by
    hash, padding as zeros, the gzip checksum at the end). A flip that passes is one the
    decompressed archive does not see: gzip's header flags, time and system bytes, or a
    Huffman code of a symbol the block never uses."""
    raw = sample_archive.read_bytes()
    original = gzip.decompress(raw)
    positions = sorted({*range(0, 24), *range(24, len(raw), len(raw) // 40)})
    positions += list(range(len(raw) - 12, len(raw)))
    refused = passed_unchanged = 0
    for at in positions:
        altered = tmp_path / "altered"
        altered.write_bytes(flipped(raw, at))
        try:
            backups.read_archive(altered, audit_key)
        except backups.BackupError:
            refused += 1
            continue
        assert gzip.decompress(altered.read_bytes()) == original, at
        passed_unchanged += 1
    assert refused + passed_unchanged == len(positions) > 70
    assert refused > 0.8 * len(positions)
