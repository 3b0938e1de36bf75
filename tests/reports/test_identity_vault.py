import stat

import pytest

from netra.reports import vault


@pytest.fixture
def key_file(tmp_path):
    return vault.create_key_file(tmp_path / "vault.key")


IDENTITY = {"name": "Sri Wahyuni", "nik": "3509014501900002", "address": "Jl. Kenanga 5, Jember"}


def test_a_sealed_identity_opens_only_with_its_context(key_file):
    keys = vault.load_keys(key_file)
    token = vault.seal(keys, IDENTITY, "submission:41")
    assert vault.open_sealed(keys, token, "submission:41") == IDENTITY
    with pytest.raises(vault.VaultError):
        vault.open_sealed(keys, token, "submission:42")


def test_the_ciphertext_holds_no_plain_identity(key_file):
    token = vault.seal(vault.load_keys(key_file), IDENTITY, "submission:1")
    assert "Wahyuni" not in token and "3509014501900002" not in token


def test_a_tampered_ciphertext_is_refused(key_file):
    keys = vault.load_keys(key_file)
    token = vault.seal(keys, IDENTITY, "submission:1")
    key_id, body = token.split(".")
    flipped = body[:20] + ("A" if body[20] != "A" else "B") + body[21:]
    with pytest.raises(vault.VaultError):
        vault.open_sealed(keys, f"{key_id}.{flipped}", "submission:1")


def test_the_key_file_is_private_and_created_once(tmp_path):
    path = vault.create_key_file(tmp_path / "vault.key")
    before = path.read_text()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert vault.create_key_file(path).read_text() == before


def test_rotation_keeps_old_data_readable_and_seals_new_data_with_the_new_key(key_file):
    old_keys = vault.load_keys(key_file)
    old_token = vault.seal(old_keys, IDENTITY, "submission:1")
    new_keys = vault.add_new_active_key(key_file)
    assert new_keys.active_id != old_keys.active_id
    assert vault.open_sealed(new_keys, old_token, "submission:1") == IDENTITY
    resealed = vault.seal(
        new_keys, vault.open_sealed(new_keys, old_token, "submission:1"), "submission:1"
    )
    vault.drop_keys_except_active(key_file)
    final = vault.load_keys(key_file)
    assert vault.open_sealed(final, resealed, "submission:1") == IDENTITY
    with pytest.raises(vault.VaultError):
        vault.open_sealed(final, old_token, "submission:1")


def test_the_nik_hash_is_stable_across_rotation_and_keyed(key_file, tmp_path):
    keys = vault.load_keys(key_file)
    before = vault.keyed_hash(keys, "3509014501900002")
    after = vault.keyed_hash(vault.add_new_active_key(key_file), "3509014501900002")
    other = vault.keyed_hash(
        vault.load_keys(vault.create_key_file(tmp_path / "other.key")), "3509014501900002"
    )
    assert before == after != other


@pytest.mark.parametrize("content", ["", "abc\n", "k1 bm90LWEta2V5\nhmac bm90LWEta2V5\n"])
def test_a_malformed_key_file_is_a_clear_error(tmp_path, content):
    path = tmp_path / "vault.key"
    path.write_text(content)
    with pytest.raises(vault.VaultError):
        vault.load_keys(path)
