"""PostgreSQL: a load that writes most of the roster drops its secondary indexes and foreign
keys, writes the rows, builds the indexes again and validates the keys in one pass each, all
inside the import's transaction, so that a failure leaves them as they were."""

import pytest
from django.db import connection

from netra.people import staged
from netra.people.actions import import_roster_file
from netra.people.models import Employee

from .roster_files import valid_csv


@pytest.fixture
def bulk(monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite writes row by row and has no such indexes")
    monkeypatch.setattr(staged, "BULK_MIN_ROWS", 1)
    rebuilt = []
    real = staged.StagedImport._rebuild

    def rebuild(self, indexes, keys):
        rebuilt.append(([name for name, _ in indexes], [name for name, _ in keys]))
        real(self, indexes, keys)

    monkeypatch.setattr(staged.StagedImport, "_rebuild", rebuild)
    return rebuilt


def schema():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'people_employee'"
        )
        indexes = sorted(cursor.fetchall())
        cursor.execute(
            "SELECT conname, pg_get_constraintdef(oid), convalidated, condeferrable, "
            "condeferred FROM pg_constraint WHERE conrelid = 'people_employee'::regclass"
        )
        keys = sorted(cursor.fetchall())
    return indexes, keys


def test_a_first_load_rebuilds_the_same_indexes_and_validated_keys(bulk, tmp_path, region):
    before = schema()
    result = import_roster_file(valid_csv(tmp_path), region=region("35.09"), actor=None)
    assert (result.created, result.rejected) == (4, False)
    indexes, keys = bulk[0]
    assert "employee_phonetic_gin" in indexes
    assert len(keys) == 3
    assert schema() == before
    assert all(validated for _name, _definition, validated, *_ in before[1])
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM people_employee "
            "WHERE to_tsvector('simple', name_phonetic) @@ to_tsquery('simple', 'amn')"
        )
        assert cursor.fetchone()[0] == 1


def test_a_failure_after_the_drop_leaves_the_indexes_keys_and_rows(
    bulk, monkeypatch, tmp_path, region
):
    before = schema()

    def fail(self, indexes, keys):
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(staged.StagedImport, "_rebuild", fail)
    with pytest.raises(RuntimeError):
        import_roster_file(valid_csv(tmp_path), region=region("35.09"), actor=None)
    assert schema() == before
    assert Employee.objects.count() == 0
