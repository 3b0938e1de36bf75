import json
import stat

from netra.audit.log import record
from netra.cli import main


def checkpoint(monkeypatch, tmp_path):
    monkeypatch.setenv("NETRA_DATA_DIR", str(tmp_path / "var"))
    return main(["audit", "checkpoint"])


def test_it_writes_id_hash_and_time_signed_into_a_private_file(
    monkeypatch, tmp_path, db, capsys, audit_checkpoint_dir
):
    entries = [record(None, "test.event", data={"i": i}) for i in range(3)]
    assert checkpoint(monkeypatch, tmp_path) == 0
    assert f"entri #{entries[-1].pk}" in capsys.readouterr().out
    [path] = audit_checkpoint_dir.glob("*.json")
    written = json.loads(path.read_text())
    assert (written["id"], written["seq"], written["hash"]) == (
        entries[-1].pk,
        entries[-1].seq,
        entries[-1].hash,
    )
    assert written["written_at"] and len(written["mac"]) == 64
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(audit_checkpoint_dir.stat().st_mode) == 0o700


def test_checkpoints_are_only_added_and_the_newest_counts(
    monkeypatch, tmp_path, db, capsys, audit_checkpoint_dir
):
    record(None, "test.event")
    assert checkpoint(monkeypatch, tmp_path) == 0
    [first] = audit_checkpoint_dir.glob("*.json")
    before = first.read_bytes()
    assert checkpoint(monkeypatch, tmp_path) == 0  # nothing new: the same head, no second file
    assert "sudah ada" in capsys.readouterr().out
    latest = record(None, "test.event")
    assert checkpoint(monkeypatch, tmp_path) == 0
    assert len(list(audit_checkpoint_dir.glob("*.json"))) == 2
    assert first.read_bytes() == before
    assert main(["audit", "verify"]) == 0
    assert f"entri #{latest.pk}" in capsys.readouterr().out.splitlines()[-1]


def test_an_empty_log_has_nothing_to_checkpoint(
    monkeypatch, tmp_path, db, capsys, audit_checkpoint_dir
):
    assert checkpoint(monkeypatch, tmp_path) == 0
    assert "kosong" in capsys.readouterr().out
    assert not list(audit_checkpoint_dir.glob("*.json"))
