"""An archive cut short, anywhere, is refused: as a damaged stream, or as one lacking a part
that its manifest lists."""

import pytest

from netra import backups

from .archives import members, write

pytestmark = pytest.mark.django_db


def test_the_file_cut_at_any_length_is_refused(sample_archive, audit_key, tmp_path):
    raw = sample_archive.read_bytes()
    lengths = sorted(
        {0, 1, 10, 100, len(raw) - 1, len(raw) - 8, *range(200, len(raw), len(raw) // 20)}
    )
    for length in lengths:
        cut = tmp_path / f"cut-{length}"
        cut.write_bytes(raw[:length])
        with pytest.raises(backups.BackupError):
            backups.read_archive(cut, audit_key)
    assert len(lengths) > 20


def test_the_last_part_left_out_is_refused(sample_archive, audit_key, tmp_path):
    items = members(sample_archive)
    cut = write(tmp_path / "cut", items[:-1])
    with pytest.raises(backups.BackupError) as caught:
        backups.read_archive(cut, audit_key)
    assert caught.value.code == "missing_part"
