"""The SHA-256 list can be rewritten by whoever alters a part, so the manifest is signed with
a key derived from the audit key: a rewritten manifest is refused, even one whose hashes
match the altered part, unless it was signed with the installation's audit key."""

import json
import secrets

import pytest

from netra import backups

from .archives import manifest_of, members, replace, signed, write

pytestmark = pytest.mark.django_db


def altered_media(items):
    """ITEMS with a media file's content changed and its hash and size in the manifest
    rewritten to match; the manifest's own bytes change with them."""
    manifest = manifest_of(items)
    part = next(p for p in manifest["parts"] if p["name"].startswith(backups.MEDIA))
    forged = b"a different photo"
    part.update(size=len(forged), sha256=__import__("hashlib").sha256(forged).hexdigest())
    return replace(items, part["name"], forged), manifest


def test_a_changed_row_count_under_the_old_signature_is_refused(
    sample_archive, audit_key, tmp_path
):
    items = members(sample_archive)
    manifest = manifest_of(items)
    manifest["tables"]["audit_auditentry"] = manifest["tables"].get("audit_auditentry", 0) + 1
    body = json.dumps(manifest, indent=1, sort_keys=True).encode()
    altered = write(tmp_path / "altered", replace(items, backups.MANIFEST, body))
    with pytest.raises(backups.BackupError) as caught:
        backups.read_archive(altered, audit_key)
    assert caught.value.code == "not_authentic"


def test_a_part_and_its_hash_rewritten_together_are_refused(sample_archive, audit_key, tmp_path):
    items, manifest = altered_media(members(sample_archive))
    body = json.dumps(manifest, indent=1, sort_keys=True).encode()
    altered = write(tmp_path / "altered", replace(items, backups.MANIFEST, body))
    with pytest.raises(backups.BackupError) as caught:
        backups.read_archive(altered, audit_key)
    assert caught.value.code == "not_authentic"


def test_a_manifest_signed_with_another_key_is_refused(sample_archive, audit_key, tmp_path):
    items, manifest = altered_media(members(sample_archive))
    altered = write(tmp_path / "altered", signed(items, manifest, secrets.token_bytes(32)))
    with pytest.raises(backups.BackupError) as caught:
        backups.read_archive(altered, audit_key)
    assert caught.value.code == "not_authentic"


def test_the_signature_left_out_is_refused(sample_archive, audit_key, tmp_path):
    items = [(i, d) for i, d in members(sample_archive) if i.name != backups.SIGNATURE]
    altered = write(tmp_path / "altered", items)
    with pytest.raises(backups.BackupError):
        backups.read_archive(altered, audit_key)


def test_only_the_audit_keys_holder_can_sign_a_changed_archive(sample_archive, audit_key, tmp_path):
    """The control: the same rewrite signed with the audit key passes, so the refusals above
    come from the signature and nothing else."""
    items, manifest = altered_media(members(sample_archive))
    resigned = write(tmp_path / "resigned", signed(items, manifest, audit_key))
    assert backups.read_archive(resigned, audit_key)["parts"] == manifest["parts"]


def test_an_archive_from_a_newer_netra_is_refused_before_a_part_is_read(
    sample_archive, audit_key, tmp_path, empty_target
):
    """Authentic, but its database has a migration this code lacks: restoring it would leave
    a database the installed Netra cannot run."""
    items = members(sample_archive)
    manifest = manifest_of(items)
    manifest["migrations"].append(["cases", "9999_from_the_future"])
    manifest["netra_version"] = "9.0.0"
    newer = write(tmp_path / "newer", signed(items, manifest, audit_key))
    with pytest.raises(backups.BackupError) as caught:
        backups.restore(newer, database=empty_target.database, media_root=empty_target.media_root)
    assert caught.value.code == "newer_version" and "9.0.0" in str(caught.value)
    assert empty_target.counts() == {} and not empty_target.media_root.exists()
