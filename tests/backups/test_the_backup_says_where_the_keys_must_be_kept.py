"""The keys are never in the archive, even set up under the media folder, and neither is
evidence staged for a form with an error; `netra backup` says where the keys are, in
Indonesian unless English is asked for."""

from pathlib import Path

import pytest
from django.utils import translation

from netra import backups

from .archives import members

pytestmark = pytest.mark.django_db


def test_the_archive_holds_no_staged_upload_and_no_key(sample_archive, settings):
    names = [info.name for info, _ in members(sample_archive)]
    assert "media/evidence/2026/12/foto-a.jpg" in names
    assert not [n for n in names if "staging" in n]
    key = Path(settings.NETRA_AUDIT_KEY_FILE).read_bytes().strip()
    assert all(key not in data for _, data in members(sample_archive))


def test_a_key_file_under_the_media_folder_is_left_out(settings, tmp_path):
    media_root = tmp_path / "media"
    (media_root / "evidence").mkdir(parents=True)
    (media_root / "evidence" / "a.jpg").write_bytes(b"photo")
    for setting in ("NETRA_VAULT_KEY_FILE", "NETRA_AUDIT_KEY_FILE"):
        moved = media_root / Path(getattr(settings, setting)).name
        moved.write_bytes(Path(getattr(settings, setting)).read_bytes())
        setattr(settings, setting, moved)
    names = [name for name, _ in backups.media_files(media_root)]
    assert names == ["media/evidence/a.jpg"]


def test_it_names_each_keys_path_in_indonesian_and_in_english(sample_archive, settings):
    manifest = backups.read_archive(sample_archive, backups.load_audit_key())
    written = backups.Written(sample_archive, manifest, sample_archive.stat().st_size, 0.1)
    with translation.override("id"):
        indonesian = "\n".join(backups.backup_lines(written))
    with translation.override("en"):
        english = "\n".join(backups.backup_lines(written))
    for text in (indonesian, english):
        assert str(settings.NETRA_VAULT_KEY_FILE) in text
        assert str(settings.NETRA_AUDIT_KEY_FILE) in text
    assert "kunci brankas" in indonesian and "Cadangan ditulis" in indonesian
    assert "vault key" in english and "vault key" not in indonesian
