from netra.audit.log import record
from netra.audit.models import AuditEntry
from netra.cli import main


def run(monkeypatch, tmp_path):
    monkeypatch.setenv("NETRA_DATA_DIR", str(tmp_path / "var"))
    return main(["audit", "verify"])


def test_the_command_passes_an_intact_chain(monkeypatch, tmp_path, db, capsys):
    for i in range(5):
        record(None, "test.event", data={"i": i})
    assert run(monkeypatch, tmp_path) == 0
    assert "5 entri diperiksa" in capsys.readouterr().out


def test_the_command_names_the_first_tampered_entry(monkeypatch, tmp_path, db, capsys):
    entries = [record(None, "test.event", data={"i": i}) for i in range(5)]
    AuditEntry.objects.filter(pk=entries[2].pk).update(actor_label="someone-else")
    assert run(monkeypatch, tmp_path) == 1
    assert f"#{entries[2].pk}" in capsys.readouterr().err


def test_the_command_catches_a_row_inserted_into_the_chain(monkeypatch, tmp_path, db, capsys):
    entries = [record(None, "test.event", data={"i": i}) for i in range(3)]
    forged = AuditEntry.objects.get(pk=entries[1].pk)
    forged.pk, forged.seq, forged.hash, forged.action = None, None, "f" * 64, "forged.event"
    forged.save()
    AuditEntry.objects.filter(pk=forged.pk).update(id=entries[2].pk + 100)
    record(None, "test.after")
    assert run(monkeypatch, tmp_path) == 1
