"""PostgreSQL: a re-import writes the rows that changed and leaves the others where they are
(same physical row), through the indexes as they are."""

import pytest
from django.db import connection

from netra.people import staged
from netra.people.actions import import_roster_file

from .roster_files import VALID_ROWS, valid_csv


def places():
    with connection.cursor() as cursor:
        cursor.execute("SELECT nip, ctid::text FROM people_employee WHERE nip IS NOT NULL")
        return dict(cursor.fetchall())


def test_only_the_changed_row_is_written_again(monkeypatch, tmp_path, region):
    if connection.vendor != "postgresql":
        pytest.skip("row places are PostgreSQL's")
    jember = region("35.09")
    import_roster_file(valid_csv(tmp_path), region=jember, actor=None)
    before = places()
    real = staged.StagedImport._bulk

    def no_rebuild(self, to_write):
        dropped = real(self, to_write)
        assert dropped is None
        return dropped

    monkeypatch.setattr(staged.StagedImport, "_bulk", no_rebuild)
    changed = [VALID_ROWS[0].replace("Kepala Bidang", "Sekretaris Dinas")] + VALID_ROWS[1:]
    result = import_roster_file(valid_csv(tmp_path, changed, "b.csv"), region=jember, actor=None)
    assert (result.created, result.updated, result.unchanged) == (0, 1, 3)
    after = places()
    moved = {nip for nip in before if before[nip] != after[nip]}
    assert moved == {"198501012010011001"}
