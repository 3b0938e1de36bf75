"""Grep every text column of every table for the reporter's name and NIK."""

import pytest
from django.db import connection

from .helpers import REPORTER_NAME, REPORTER_NIK, file_report


def all_text_in_the_database():
    chunks = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f'SELECT * FROM "{table}"')
            for row in cursor.fetchall():
                chunks.extend(str(value) for value in row if value is not None)
    return "\n".join(chunks)


def test_the_database_holds_no_reporter_name_or_nik_in_plain_text(client, client_for, alice):
    file_report(client)
    from netra.reports.models import Submission

    client_for(alice).post(f"/laporan/{Submission.objects.get().pk}/identitas/")
    text = all_text_in_the_database()
    assert "Ahmad Fauzi" in text  # the scan does see report contents
    assert REPORTER_NAME not in text
    assert REPORTER_NIK not in text


@pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="the SQLite file image; PostgreSQL is covered by the table scan above",
)
def test_the_sqlite_database_file_holds_no_reporter_name_or_nik(client):
    """On SQLite, the bytes of the database file itself (as it would be written to disk)."""
    file_report(client)
    connection.ensure_connection()
    image = connection.connection.serialize()
    assert b"Ahmad Fauzi" in image
    assert REPORTER_NAME.encode() not in image
    assert REPORTER_NIK.encode() not in image
