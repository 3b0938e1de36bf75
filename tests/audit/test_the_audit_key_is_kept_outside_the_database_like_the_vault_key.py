import base64
import stat

import pytest

from netra.audit import chain
from netra.audit.log import AuditKeyError, record, verify_chain
from netra.cli import CliError, prepare_data_dir


def test_the_embedded_default_generates_a_private_key_file_once(monkeypatch, tmp_path):
    monkeypatch.setenv("NETRA_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.delenv("NETRA_AUDIT_KEY_FILE", raising=False)
    monkeypatch.delenv("NETRA_ENV", raising=False)
    key_file = prepare_data_dir() / "audit.key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert len(base64.b64decode(key_file.read_text())) == 32
    before = key_file.read_text()
    prepare_data_dir()
    assert key_file.read_text() == before


def test_production_requires_a_key_file_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("NETRA_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("NETRA_ENV", "production")
    monkeypatch.setenv("NETRA_SECRET_KEY", "x" * 60)
    monkeypatch.setenv("NETRA_VAULT_KEY_FILE", str(tmp_path / "vault.key"))
    monkeypatch.delenv("NETRA_AUDIT_KEY_FILE", raising=False)
    with pytest.raises(CliError, match="NETRA_AUDIT_KEY_FILE must be set"):
        prepare_data_dir()
    assert not (tmp_path / "var" / "audit.key").exists()


def test_production_never_makes_up_a_missing_key(db, settings, tmp_path):
    settings.PRODUCTION = True
    settings.NETRA_AUDIT_KEY_FILE = tmp_path / "missing.key"
    with pytest.raises(AuditKeyError, match="cannot be read"):
        record(None, "test.event")
    assert not settings.NETRA_AUDIT_KEY_FILE.exists()


def test_a_short_or_garbled_key_is_refused(tmp_path):
    for text in ("not base64 at all!", base64.b64encode(b"short").decode()):
        path = tmp_path / f"{len(text)}.key"
        path.write_text(text)
        with pytest.raises(AuditKeyError):
            chain.load_key(str(path))


def test_the_chain_does_not_verify_under_another_key(db, settings, tmp_path):
    entries = [record(None, "test.event") for _ in range(2)]
    settings.NETRA_AUDIT_KEY_FILE = chain.create_key_file(tmp_path / "other.key")
    broken = verify_chain()
    assert (broken.kind, broken.entry_id) == ("changed", entries[0].pk)
