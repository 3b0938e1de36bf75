"""Nothing half-restored: an archive refused part way, or a database that fails to take the
restore after the files were moved into place, leaves the installation as empty as it was,
with no temporary files behind."""

import pytest

from netra import backups

from .archives import members, replace, write

pytestmark = pytest.mark.django_db


def assert_empty(target):
    assert target.counts() == {}
    assert not target.media_root.exists() or not any(target.media_root.iterdir())
    leftovers = [p.name for p in target.media_root.parent.iterdir() if p.name.startswith(".")]
    assert leftovers == []


def test_a_part_refused_after_others_were_read_restores_nothing(
    sample_archive, empty_target, tmp_path
):
    items = members(sample_archive)
    last, data = items[-1]
    altered = write(tmp_path / "altered", replace(items, last.name, data[:-1] + b"!"))
    with pytest.raises(backups.BackupError) as caught:
        backups.restore(altered, database=empty_target.database, media_root=empty_target.media_root)
    assert caught.value.code == "hash_mismatch"
    assert_empty(empty_target)


def test_a_database_failing_at_the_end_takes_the_files_back_out(
    sample_archive, empty_target, monkeypatch
):
    def fail(*args):
        raise backups.BackupError("database_tool_failed", "the disk filled up")

    if empty_target.vendor == "sqlite":
        monkeypatch.setattr(backups.os, "replace", fail)
    else:
        monkeypatch.setattr(backups, "_pg_restore", fail)
    with pytest.raises(backups.BackupError):
        backups.restore(
            sample_archive, database=empty_target.database, media_root=empty_target.media_root
        )
    monkeypatch.undo()
    assert_empty(empty_target)
    # and the same target then takes the archive whole
    backups.restore(
        sample_archive, database=empty_target.database, media_root=empty_target.media_root
    )
    assert (
        empty_target.counts()
        == backups.read_archive(sample_archive, backups.load_audit_key())["tables"]
    )


def test_pg_restore_failing_half_way_leaves_the_database_empty(sample_archive, empty_target):
    """A real failure in the middle of pg_restore (an event trigger refusing the audit table,
    created after many others): the one transaction takes every table back."""
    if empty_target.vendor != "postgresql":
        pytest.skip("pg_restore is PostgreSQL's")
    from .conftest import _postgres

    with _postgres(empty_target.database["NAME"]) as conn:
        conn.execute(
            "CREATE FUNCTION refuse_audit() RETURNS event_trigger LANGUAGE plpgsql AS $$ "
            "BEGIN IF EXISTS (SELECT 1 FROM pg_event_trigger_ddl_commands() "
            "WHERE object_identity = 'public.audit_auditentry') "
            "THEN RAISE EXCEPTION 'refused for the test'; END IF; END $$"
        )
        conn.execute(
            "CREATE EVENT TRIGGER refuse_audit ON ddl_command_end EXECUTE FUNCTION refuse_audit()"
        )
    with pytest.raises(backups.BackupError) as caught:
        backups.restore(
            sample_archive, database=empty_target.database, media_root=empty_target.media_root
        )
    assert caught.value.code == "database_tool_failed"
    assert_empty(empty_target)
