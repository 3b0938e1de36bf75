"""A restore goes only into an empty installation: a media folder holding a file, or a
database holding a table, is refused with a message, and left exactly as it was."""

import sqlite3

import pytest

from netra import backups

from .conftest import _postgres, files_under

pytestmark = pytest.mark.django_db


def test_a_media_folder_with_a_file_is_refused(sample_archive, empty_target):
    kept = empty_target.media_root / "evidence" / "old.jpg"
    kept.parent.mkdir(parents=True)
    kept.write_bytes(b"an older installation's photo")
    before = files_under(empty_target.media_root.parent)
    with pytest.raises(backups.BackupError) as caught:
        backups.restore(
            sample_archive, database=empty_target.database, media_root=empty_target.media_root
        )
    assert caught.value.code == "not_empty"
    assert "tidak kosong" in str(caught.value)
    assert files_under(empty_target.media_root.parent) == before
    assert empty_target.counts() == {}


def test_a_database_with_a_table_is_refused(sample_archive, empty_target):
    if empty_target.vendor == "sqlite":
        conn = sqlite3.connect(empty_target.database["NAME"])
        conn.execute("CREATE TABLE kept (id INTEGER)")
        conn.execute("INSERT INTO kept VALUES (1)")
        conn.commit()
        conn.close()
    else:
        with _postgres(empty_target.database["NAME"]) as conn:
            conn.execute("CREATE TABLE kept (id integer)")
            conn.execute("INSERT INTO kept VALUES (1)")
    before = files_under(empty_target.media_root.parent)
    with pytest.raises(backups.BackupError) as caught:
        backups.restore(
            sample_archive, database=empty_target.database, media_root=empty_target.media_root
        )
    assert caught.value.code == "not_empty"
    assert empty_target.counts() == {"kept": 1}
    assert files_under(empty_target.media_root.parent) == before
    assert not empty_target.media_root.exists()


def test_the_command_says_so_in_indonesian_and_exits_1(sample_archive, empty_target):
    kept = empty_target.media_root / "old.jpg"
    kept.parent.mkdir(parents=True)
    kept.write_bytes(b"x")
    done = empty_target.netra("restore", str(sample_archive))
    assert done.returncode == 1
    assert "tidak kosong" in done.stderr and "Traceback" not in done.stderr
    assert kept.read_bytes() == b"x"


def test_the_message_is_in_english_when_asked(sample_archive, empty_target, monkeypatch):
    from django.utils import translation

    from netra.cli import cli_language

    kept = empty_target.media_root / "old.jpg"
    kept.parent.mkdir(parents=True)
    kept.write_bytes(b"x")
    monkeypatch.setenv("LANGUAGE", "en_GB:en")
    assert cli_language() == "en" and cli_language("id") == "id"
    with translation.override(cli_language()), pytest.raises(backups.BackupError) as caught:
        backups.restore(
            sample_archive, database=empty_target.database, media_root=empty_target.media_root
        )
    assert "is not empty" in str(caught.value)
