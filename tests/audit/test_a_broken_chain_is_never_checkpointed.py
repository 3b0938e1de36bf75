import pytest

from netra.audit.log import ChainBroken, record, write_checkpoint
from netra.audit.models import AuditEntry
from netra.cli import main


def test_the_first_checkpoint_verifies_the_whole_chain(db, audit_checkpoint_dir):
    entries = [record(None, "test.event", data={"i": i}) for i in range(3)]
    AuditEntry.objects.filter(pk=entries[0].pk).update(data={"i": 7})
    with pytest.raises(ChainBroken, match=f"#{entries[0].pk}"):
        write_checkpoint()
    assert not list(audit_checkpoint_dir.glob("*.json"))


def test_a_later_checkpoint_verifies_what_was_added_since(db, audit_checkpoint_dir):
    record(None, "test.event")
    write_checkpoint()
    added = [record(None, "test.event", data={"i": i}) for i in range(3)]
    AuditEntry.objects.filter(pk=added[1].pk).delete()
    with pytest.raises(ChainBroken, match=f"#{added[2].pk}"):
        write_checkpoint()
    assert len(list(audit_checkpoint_dir.glob("*.json"))) == 1


def test_a_cut_tail_is_not_signed_as_the_new_head(db, audit_checkpoint_dir):
    record(None, "test.event")
    entries = [record(None, "test.event") for _ in range(3)]
    write_checkpoint()
    AuditEntry.objects.filter(pk__in=[e.pk for e in entries]).delete()
    with pytest.raises(ChainBroken):
        write_checkpoint()


def test_the_command_says_why_and_exits_1(monkeypatch, tmp_path, db, capsys):
    monkeypatch.setenv("NETRA_DATA_DIR", str(tmp_path / "var"))
    entry = record(None, "test.event")
    AuditEntry.objects.filter(pk=entry.pk).update(action="other")
    assert main(["audit", "checkpoint"]) == 1
    err = capsys.readouterr().err
    assert "titik periksa tidak ditulis" in err and f"#{entry.pk}" in err
