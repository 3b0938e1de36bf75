"""record() locks the head row for the rest of the writer's transaction, so writers in several
processes at the same moment take consecutive sequence numbers and link to one another, on
SQLite (a file database, as installed) and on PostgreSQL."""

import os
import sqlite3
import subprocess
import sys

import pytest
from django.conf import settings
from django.db import connection

from netra.audit.log import verify_chain

pytestmark = pytest.mark.django_db(transaction=True)
WRITERS, EACH = 3, 20
WRITER = """
import os, sys, django
django.setup()
from django.db import transaction
from netra.audit.log import record
print("ready", flush=True)
sys.stdin.readline()  # every writer starts at once
for i in range(int(sys.argv[2])):
    with transaction.atomic():
        record(None, "test.concurrent", data={"writer": int(sys.argv[1]), "i": i})
"""


def database_url(tmp_path):
    db = connection.settings_dict
    if connection.vendor == "postgresql":
        return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    # The test database lives in memory; the writers get a file copy of it.
    path = tmp_path / "netra.sqlite3"
    with connection.cursor() as cursor:
        cursor.execute("VACUUM INTO %s", [str(path)])
    # In WAL mode, as `netra up` leaves an installed database (the mode stays with the file).
    with sqlite3.connect(path) as copy:
        copy.execute("PRAGMA journal_mode=WAL")
    return f"sqlite:///{path}"


def test_three_writing_processes_leave_one_chain_of_sixty(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "netra.settings",
        "DATABASE_URL": database_url(tmp_path),
        "NETRA_DATA_DIR": str(tmp_path / "var"),
        "NETRA_AUDIT_KEY_FILE": str(settings.NETRA_AUDIT_KEY_FILE),
        "NETRA_AUDIT_CHECKPOINT_DIR": str(tmp_path / "checkpoints"),
    }
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(n), str(EACH)],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(WRITERS)
    ]
    for writer in writers:
        assert writer.stdout.readline().strip() == "ready", writer.stderr.read()
    for writer in writers:
        writer.stdin.write("go\n")
        writer.stdin.flush()
    for writer in writers:
        _, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
    rows = chain_rows(env["DATABASE_URL"])
    assert [seq for seq, _, _ in rows] == list(range(1, WRITERS * EACH + 1))
    assert all(row[1] == before[2] for before, row in zip(rows, rows[1:], strict=False))
    if connection.vendor == "postgresql":
        assert verify_chain() is None  # the writers wrote into this very database


def chain_rows(url):
    query = "SELECT seq, prev_hash, hash FROM audit_auditentry ORDER BY seq"
    if url.startswith("sqlite:///"):
        with sqlite3.connect(url.removeprefix("sqlite:///")) as db:
            return db.execute(query).fetchall()
    with connection.cursor() as cursor:
        cursor.execute(query)
        return cursor.fetchall()
